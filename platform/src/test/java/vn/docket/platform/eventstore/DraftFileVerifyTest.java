package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.docket.platform.Sha256;
import vn.docket.events.DocumentFile;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftSubmitted;
import vn.docket.platform.files.FileStore;

/** Verify hashes every draft's stored file again and names a changed or missing one with its assignment and version. */
class DraftFileVerifyTest {

    private static final UUID ASSIGNMENT = UUID.fromString("6f4083e5-4eea-462f-82cc-3f0c3b6b387e");

    private EmbeddedStore store;
    private DocketEventStorageEngine engine;
    private StoreVerifier verifier;
    private FileStore files;
    private MongoCollection<Document> chunks;
    private final byte[] content = "Kế hoạch thực hiện Chương trình hành động\n".repeat(50).getBytes(StandardCharsets.UTF_8);
    private final String sha = Sha256.hex(content);

    @BeforeEach
    void handIn() {
        store = EmbeddedStore.inMemory();
        engine = store.engine();
        verifier = new StoreVerifier(store.database,
                new Checkpointer(store.database, 1000, Duration.ofSeconds(10), System::nanoTime, null), Duration.ZERO);
        files = new FileStore(store.database, Clock.systemUTC());
        chunks = store.database.getCollection(FileStore.CHUNKS);
        files.put(sha, content, new Document("mediaType", "text/plain; charset=utf-8"));
        files.keep(sha);
        engine.appendEvents(new GenericDomainEventMessage<>("Assignment", ASSIGNMENT.toString(), 0,
                new DraftSubmitted(ASSIGNMENT, 1, "Dự thảo v1.txt", sha, null, null, null,
                        new DocumentFile("text/plain; charset=utf-8", content.length, null, 300, true))));
        // A file nobody's draft refers to (its command was refused a moment ago) is not part of the record.
        byte[] stray = "không ai nộp".getBytes(StandardCharsets.UTF_8);
        files.put(Sha256.hex(stray), stray, new Document());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The id of a stored file's first chunk, wherever its description says its chunks are. */
    private String firstChunk(String sha256) {
        String upload = store.database.getCollection(FileStore.FILES).find(Filters.eq("_id", sha256)).first().getString("chunksOf");
        return (upload != null ? upload : sha256) + "/0";
    }

    @Test
    void stored_files_that_hash_as_their_drafts_say_keep_the_store_intact() {
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_edited_file_is_reported_changed_with_its_assignment_and_draft_version() {
        byte[] edited = content.clone();
        edited[0] = 'k';
        chunks.updateOne(Filters.eq("_id", firstChunk(sha)), new Document("$set", new Document("data", new Binary(edited))));
        VerifyReport report = verifier.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.problem()).isEqualTo(StoreVerifier.FILE_CHANGED);
            assertThat(p.assignment()).isEqualTo(ASSIGNMENT.toString());
            assertThat(p.detail()).contains("draft v1", "Dự thảo v1.txt", sha);
        });
    }

    @Test
    void a_removed_file_is_reported_missing() {
        chunks.deleteOne(Filters.eq("_id", firstChunk(sha)));
        VerifyReport report = verifier.verify();
        assertThat(report.problems()).extracting(VerifyReport.Problem::problem).containsExactly(StoreVerifier.FILE_MISSING);
    }

    /**
     * Whoever edits the database by hand may leave what Docket never writes: a chunk whose data is text or gone, a
     * chunk count that is no whole number or absurd. Verify reports that file changed, and still walks the rest.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chunk data replaced by text", "chunk data removed", "chunk count made negative",
            "chunk count made two billion", "chunk count made text", "chunks' upload id made a number"})
    void a_file_edited_into_something_docket_never_writes_is_reported_changed_and_the_walk_goes_on(String edit) {
        MongoCollection<Document> described = store.database.getCollection(FileStore.FILES);
        Document change = switch (edit) {
            case "chunk data replaced by text" -> new Document("$set", new Document("data", "Kế hoạch đã sửa"));
            case "chunk data removed" -> new Document("$unset", new Document("data", ""));
            case "chunk count made negative" -> new Document("$set", new Document("chunks", -1));
            case "chunk count made two billion" -> new Document("$set", new Document("chunks", 2_000_000_000));
            case "chunk count made text" -> new Document("$set", new Document("chunks", "1"));
            default -> new Document("$set", new Document("chunksOf", 7));
        };
        if (edit.startsWith("chunk data")) {
            chunks.updateOne(Filters.eq("_id", firstChunk(sha)), change);
        } else {
            described.updateOne(Filters.eq("_id", sha), change);
        }
        VerifyReport report = verifier.verify();
        assertThat(report.eventsChecked()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.problem()).isEqualTo(StoreVerifier.FILE_CHANGED);
            assertThat(p.detail()).contains("draft v1", sha);
        });
    }

    @Test
    void a_chunk_count_rewritten_as_another_kind_of_number_of_the_same_value_is_no_change() {
        // A tool may write the count as a 64-bit number: it means the same, and the bytes read are the same.
        store.database.getCollection(FileStore.FILES).updateOne(Filters.eq("_id", sha),
                new Document("$set", new Document("chunks", 1L)));
        assertThat(verifier.verify().intact()).isTrue();
        assertThat(files.content(sha)).isEqualTo(content);
    }

    @Test
    void an_upload_cut_off_by_a_crash_is_no_error_of_the_record() throws Exception {
        FileStore.Upload upload = files.upload();
        try {
            upload.write("Dự thảo bị cắt giữa chừng".getBytes(StandardCharsets.UTF_8));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> chunks.countDocuments() == 3);
            assertThat(verifier.verify().intact()).isTrue();
        } finally {
            upload.close();
        }
    }

    @Test
    void a_file_stored_the_old_way_under_its_sha256_verifies_and_an_edit_of_it_is_reported() {
        byte[] old = "Kế hoạch lưu theo cách cũ\n".repeat(30).getBytes(StandardCharsets.UTF_8);
        String oldSha = Sha256.hex(old);
        chunks.insertOne(new Document("_id", oldSha + "/0").append("data", new Binary(old)).append("createdAt", new java.util.Date()));
        store.database.getCollection(FileStore.FILES).insertOne(new Document("_id", oldSha).append("mediaType", "text/plain; charset=utf-8")
                .append("size", (long) old.length).append("chunks", 1).append("state", "kept").append("holders", 0));
        engine.appendEvents(new GenericDomainEventMessage<>("Assignment", ASSIGNMENT.toString(), 1,
                new DraftSubmitted(ASSIGNMENT, 2, "Dự thảo v2.txt", oldSha, null, null, null,
                        new DocumentFile("text/plain; charset=utf-8", old.length, null, 180, true))));
        assertThat(verifier.verify().intact()).isTrue();

        byte[] edited = old.clone();
        edited[0] = 'k';
        chunks.updateOne(Filters.eq("_id", oldSha + "/0"), new Document("$set", new Document("data", new Binary(edited))));
        assertThat(verifier.verify().problems()).singleElement().satisfies(p -> {
            assertThat(p.problem()).isEqualTo(StoreVerifier.FILE_CHANGED);
            assertThat(p.detail()).contains("draft v2", oldSha);
        });
    }

    @Test
    void an_edited_file_of_the_issued_document_is_reported_changed_with_its_number() {
        byte[] issued = "Kế hoạch số 95/KH-UBND, bản ban hành\n".repeat(40).getBytes(StandardCharsets.UTF_8);
        String issuedSha = Sha256.hex(issued);
        files.put(issuedSha, issued, new Document("mediaType", "text/plain; charset=utf-8"));
        files.keep(issuedSha);
        engine.appendEvents(new GenericDomainEventMessage<>("Assignment", ASSIGNMENT.toString(), 1,
                new DocumentIssued(ASSIGNMENT, "95/KH-UBND", java.time.LocalDate.of(2026, 3, 2), "Kế hoạch 95.txt",
                        issuedSha, new DocumentFile("text/plain; charset=utf-8", issued.length, null, 280, true))));
        assertThat(verifier.verify().intact()).isTrue();

        byte[] edited = issued.clone();
        edited[0] = 'k';
        chunks.updateOne(Filters.eq("_id", firstChunk(issuedSha)), new Document("$set", new Document("data", new Binary(edited))));
        VerifyReport report = verifier.verify();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.problem()).isEqualTo(StoreVerifier.FILE_CHANGED);
            assertThat(p.detail()).contains("issued document 95/KH-UBND", "Kế hoạch 95.txt", issuedSha);
        });
    }
}
