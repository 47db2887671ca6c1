package vn.docket.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.docket.events.upcasting.Upcasters;

/** Events already on disk stay readable: stored JSON of older revisions is read through the upcasters. */
class StoredEventsTest {

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    String lastRevision;
    String lastJson;

    static String stored(String name) throws IOException {
        try (InputStream in = StoredEventsTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Object read(String type, String revision, String json) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Assignment",
                "6f4083e5-4eea-462f-82cc-3f0c3b6b387e", 0, UUID.randomUUID().toString(), Instant.now(), type,
                revision, json, "{}");
        Stream<IntermediateEventRepresentation> upcast = new EventUpcasterChain(Upcasters.all())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)));
        IntermediateEventRepresentation result = upcast.findFirst().orElseThrow();
        SerializedObject<String> data = result.getData(String.class);
        lastRevision = result.getType().getRevision();
        lastJson = data.getData();
        return serializer.deserialize(new SimpleSerializedObject<>(data.getData(), String.class,
                new SimpleSerializedType(result.getType().getName(), result.getType().getRevision())));
    }

    @Test
    void a_task_assigned_stored_at_revision_1_reads_as_revision_3_with_no_notice_id_and_no_requirements() throws IOException {
        Object event = read(TaskAssigned.class.getName(), "1", stored("TaskAssigned-revision-1.json"));
        assertThat(event).isEqualTo(NewTask.task().id(UUID.fromString("6f4083e5-4eea-462f-82cc-3f0c3b6b387e")).assigned());
        assertThat(lastRevision).isEqualTo("3");
        assertThat(lastJson).contains("\"noticeId\":null", "\"requirements\":[]");
    }

    @Test
    void a_task_assigned_stored_at_revision_2_reads_as_revision_3_with_no_requirements() throws IOException {
        TaskAssigned event = (TaskAssigned) read(TaskAssigned.class.getName(), "2", stored("TaskAssigned-revision-2.json"));
        assertThat(event.requirements()).isEmpty();
        assertThat(event.source().noticeId()).isEqualTo(UUID.fromString("0b6c4f7e-5d6a-4d7e-9a3f-2f1d7c9e8a11"));
        assertThat(lastRevision).isEqualTo("3");
    }

    @Test
    void a_revision_request_stored_at_revision_1_reads_its_reasons_as_numbered_points() throws IOException {
        Object event = read(RevisionRequested.class.getName(), "1", stored("RevisionRequested-revision-1.json"));
        assertThat(event).isEqualTo(new RevisionRequested(UUID.fromString("6f4083e5-4eea-462f-82cc-3f0c3b6b387e"),
                2, "Lãnh đạo UBND thành phố",
                List.of(new RevisionPoint("2.1", 1, "Chỉnh sửa bố cục gồm 04 mục chính"),
                        new RevisionPoint("2.2", 2, "Bổ sung lộ trình cụ thể")),
                List.of(), null, LocalDate.of(2021, 5, 10), LocalDate.of(2021, 4, 28)));
        assertThat(lastRevision).isEqualTo("2");
        assertThat(lastJson).doesNotContain("\"reasons\"");
    }

    @Test
    void a_draft_stored_at_revision_1_reads_as_revision_2_without_a_file() throws IOException {
        Object event = read(DraftSubmitted.class.getName(), "1", stored("DraftSubmitted-revision-1.json"));
        assertThat(event).isEqualTo(new DraftSubmitted(UUID.fromString("6f4083e5-4eea-462f-82cc-3f0c3b6b387e"), 2,
                "Dự thảo Kế hoạch (lần 2).docx", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                null, "Đã tiếp thu ý kiến", LocalDate.of(2021, 4, 20), null));
        assertThat(lastRevision).isEqualTo("2");
        assertThat(lastJson).contains("\"file\":null");
    }

    @Test
    void an_issuance_stored_at_revision_1_reads_as_revision_2_without_a_file() throws IOException {
        Object event = read(DocumentIssued.class.getName(), "1", stored("DocumentIssued-revision-1.json"));
        assertThat(event).isEqualTo(new DocumentIssued(UUID.fromString("6f4083e5-4eea-462f-82cc-3f0c3b6b387e"),
                "95/KH-UBND", LocalDate.of(2021, 5, 20), null, null, null));
        assertThat(lastRevision).isEqualTo("2");
        assertThat(lastJson).contains("\"file\":null", "\"documentSha256\":null");
    }

    /**
     * APPROVED and CANCELLED were added to the reasons after requests had lapsed on disk: a constant added to the
     * enum leaves the stored ones as they read, so the event keeps revision 1 with no upcaster.
     */
    @Test
    void a_lapsed_extension_request_stored_before_the_reasons_approved_and_cancelled_reads_as_it_was() throws IOException {
        Object event = read(ExtensionRequestLapsed.class.getName(), "1", stored("ExtensionRequestLapsed-revision-1.json"));
        assertThat(event).isEqualTo(new ExtensionRequestLapsed(UUID.fromString("6f4083e5-4eea-462f-82cc-3f0c3b6b387e"),
                "Phòng Tài chính - Kế hoạch", LocalDate.of(2021, 6, 4), ExtensionRequestLapsed.Why.SUPERSEDED_BY_DUE_DATE,
                LocalDate.of(2021, 5, 12)));
        assertThat(lastRevision).isEqualTo("1");
        assertThat(ExtensionRequestLapsed.class.getAnnotation(org.axonframework.serialization.Revision.class).value())
                .isEqualTo("1");
    }

    /**
     * An extension stored before revision 2 did not record whose words its reason was: it reads as not known (null),
     * never as the reason of the person who extended, which may be the unit's words granted as asked.
     */
    @Test
    void an_extension_stored_at_revision_1_reads_as_revision_2_not_saying_whose_words_its_reason_is() throws IOException {
        Object event = read(DeadlineExtended.class.getName(), "1", stored("DeadlineExtended-revision-1.json"));
        assertThat(event).isEqualTo(new DeadlineExtended(UUID.fromString("6f4083e5-4eea-462f-82cc-3f0c3b6b387e"),
                LocalDate.of(2021, 5, 20), LocalDate.of(2021, 6, 4), "Chờ số liệu quyết toán của các xã",
                LocalDate.of(2021, 5, 12), null));
        assertThat(lastRevision).isEqualTo("2");
        assertThat(lastJson).contains("\"reasonFromRequest\":null");
    }

    @Test
    void a_notice_stored_at_revision_1_reads_as_revision_2_with_its_particulars_as_one_part() throws IOException {
        Object event = read(NoticeRegistered.class.getName(), "1", stored("NoticeRegistered-revision-1.json"));
        assertThat(event).isEqualTo(new NoticeRegistered(UUID.fromString("0f6d4b2e-7c1a-4e8b-9a3d-2b5c6e7f8a90"),
                new NoticeParticulars("311/TB-UBND", "UBND thành phố Lạng Sơn", "TP. Lạng Sơn", LocalDate.of(2021, 4, 16),
                        null, LocalDate.of(2021, 4, 13), "Nguyễn Văn Hạnh",
                        new DecisionRef("147/GM-UBND", LocalDate.of(2021, 4, 8)), "Lăng Thị Trịnh"),
                "3625d3d5715c8dde".repeat(4), 4, LocalDate.of(2021, 4, 13)));
        assertThat(lastRevision).isEqualTo("2");
        JsonNode upcast = new ObjectMapper().readTree(lastJson);
        assertThat(upcast.has("notice")).isTrue();
        assertThat(upcast.has("number")).as("the particulars moved into notice").isFalse();
    }

    @Test
    void the_event_names_and_packages_on_disk_do_not_move() {
        // Stored events name their class; renaming or moving one would orphan everything already stored.
        assertThat(List.of(TaskAssigned.class, DraftSubmitted.class, RevisionRequested.class, DraftApproved.class,
                DocumentIssued.class, DeadlineExtended.class, TaskReassigned.class, TaskCancelled.class,
                MeetingConcluded.class, NoticeRegistered.class, RevisionPointsAnswered.class))
                .extracting(Class::getName)
                .allSatisfy(name -> assertThat(name).startsWith("vn.docket.events."));
        assertThat(TaskAssigned.class.getAnnotation(org.axonframework.serialization.Revision.class).value()).isEqualTo("3");
    }
}
