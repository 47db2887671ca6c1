package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.docket.platform.eventstore.DocketEventStorageEngineTest.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tampering done straight in the database, the way someone with access to the database files would,
 * and what the verifier says about it. The store: aggregates "a", "b" and "c" take turns, five events
 * each, with an event without an aggregate after the first round; checkpoints every 4 positions.
 *
 * <pre>
 *   position  1 a#0   2 b#0   3 c#0   4 (no aggregate)
 *   position  5 a#1   6 b#1   7 c#1
 *   position  8 a#2   9 b#2  10 c#2  ...  position 14 a#4  15 b#4  16 c#4
 * </pre>
 */
class TamperEvidenceTest {

    private static final int EVERY = ConsistentRewrite.EVERY;
    /** Nothing writes while these tests verify: an empty position is waited for only briefly. */
    private static final Duration IN_FLIGHT = Duration.ofMillis(200);

    private EmbeddedStore store;
    private DocketEventStorageEngine engine;
    private MongoCollection<Document> events;
    private Checkpointer checkpointer;
    private StoreVerifier verifier;
    private final AtomicLong clock = new AtomicLong();
    private final AtomicBoolean nextWriterDies = new AtomicBoolean();

    @BeforeEach
    void fillStore() {
        store = EmbeddedStore.inMemory();
        engine = store.builder(Duration.ofSeconds(10), System::nanoTime, NoOpEventUpcaster.INSTANCE)
                .beforeInsert(first -> {
                    if (nextWriterDies.getAndSet(false)) {
                        throw new IllegalStateException("the writer dies between taking position " + first + " and writing");
                    }
                }).build().ensureIndexes();
        events = store.database.getCollection(EventDocuments.EVENTS);
        checkpointer = new Checkpointer(store.database, EVERY, Duration.ofSeconds(10), clock::get, null);
        verifier = new StoreVerifier(store.database, checkpointer, IN_FLIGHT);
        ConsistentRewrite.fill(engine);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private Document at(long position) {
        return events.find(Filters.eq("_id", position)).first();
    }

    private VerifyReport verify() {
        return verifier.verify();
    }

    @Test
    void each_event_chains_to_the_previous_event_of_its_aggregate_and_a_first_event_to_genesis() {
        assertThat(at(1).getString("prevHash")).isEqualTo(EventHash.GENESIS);
        assertThat(at(4).getString("prevHash")).isEqualTo(EventHash.GENESIS);
        assertThat(at(5).getString("prevHash")).isEqualTo(at(1).getString("hash"));
        assertThat(at(8).getString("prevHash")).isEqualTo(at(5).getString("hash"));
        // An engine that just started remembers nothing and reads the predecessor from the store.
        store.engine().appendEvents(event("a", 5));
        assertThat(at(17).getString("prevHash")).isEqualTo(at(14).getString("hash"));
    }

    // The store losing the head event this engine appended and remembers (a crash of the database, a restore
    // from a backup), and another node storing a different event at that sequence since: the next event must
    // chain to the stored one. A node reads the aggregate before each command, and that read is what tells.

    @Test
    void after_its_remembered_head_was_lost_and_stored_again_by_another_node_a_new_event_chains_to_the_stored_one() {
        events.deleteOne(Filters.eq("_id", 14L)); // a#4, the last event this engine appended for "a"
        store.engine().appendEvents(event("a", 4)); // another node: a#4 again, at position 17
        engine.readEvents("a", 4).asStream().count(); // the node's read from its cached copy's last event

        engine.appendEvents(event("a", 5));
        assertThat(at(18).getString("prevHash")).isEqualTo(at(17).getString("hash")).isNotEqualTo(at(17).getString("prevHash"));
    }

    @Test
    void after_a_read_finds_nothing_past_a_remembered_head_the_next_event_chains_to_the_head_read_from_the_store() {
        events.deleteOne(Filters.eq("_id", 14L));
        store.engine().appendEvents(event("a", 4));
        engine.readEvents("a", 5).asStream().count(); // as after loading a snapshot taken at the other node's a#4

        engine.appendEvents(event("a", 5));
        assertThat(at(18).getString("prevHash")).isEqualTo(at(17).getString("hash"));
    }

    @Test
    void an_untouched_store_is_intact_up_to_the_head_and_the_verify_records_the_checkpoints_due() {
        VerifyReport first = verify();
        assertThat(first.intact()).isTrue();
        assertThat(first.upTo()).isEqualTo(16);
        assertThat(first.eventsChecked()).isEqualTo(16);
        assertThat(first.checkpoints()).isZero();
        assertThat(first.problemsFound()).isZero();
        assertThat(first.problems()).isEmpty();
        VerifyReport again = verify();
        assertThat(again.intact()).isTrue();
        assertThat(again.upTo()).isEqualTo(16);
        assertThat(again.checkpoints()).isEqualTo(4);
        assertThat(again.lastCheckpointHash()).hasSize(64);
    }

    @Test
    void a_concurrency_conflict_half_way_through_an_append_leaves_no_hole_in_the_positions() {
        try {
            engine.appendEvents(event("d", 0), event("a", 2)); // a#2 exists: d#0 goes in at 17, 18 is given back
        } catch (ConcurrencyException expected) {
            // what Axon's command handler would see
        }
        engine.appendEvents(event("e", 0));
        assertThat(at(18).getString("aggregateIdentifier")).isEqualTo("e");
        verify();
        VerifyReport report = verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.upTo()).isEqualTo(18);
        assertThat(report.eventsChecked()).isEqualTo(18);
        assertThat(report.checkpoints()).isEqualTo(4);
    }

    @Test
    void a_payload_edited_in_the_database_is_reported_as_edited_at_its_position_aggregate_and_sequence() {
        events.updateOne(Filters.eq("_id", 9L), Updates.set("payload", "{\"id\":\"b\",\"n\":99}"));
        VerifyReport report = verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).isEqualTo("edited");
        assertThat(report.position()).isEqualTo(9);
        assertThat(report.assignment()).isEqualTo("b");
        assertThat(report.sequence()).isEqualTo(2);
    }

    @Test
    void an_edit_whose_hash_was_recomputed_is_caught_by_the_next_event_of_the_same_aggregate() {
        Document b2 = at(9);
        b2.put("payload", "{\"id\":\"b\",\"n\":99}");
        EventHash.seal(b2, b2.getString("prevHash"));
        events.replaceOne(Filters.eq("_id", 9L), b2);
        VerifyReport report = verify();
        assertThat(report.problem()).isEqualTo("edited");
        assertThat(report.position()).isEqualTo(9);
        assertThat(report.sequence()).isEqualTo(2);
        assertThat(report.detail()).contains("recomputed");
    }

    @Test
    void a_deleted_event_is_reported_as_deleted_at_its_position_aggregate_and_sequence() {
        events.deleteOne(Filters.eq("_id", 6L)); // b#1
        VerifyReport report = verify();
        assertThat(report.problem()).isEqualTo("deleted");
        assertThat(report.position()).isEqualTo(6);
        assertThat(report.assignment()).isEqualTo("b");
        assertThat(report.sequence()).isEqualTo(1);
    }

    @Test
    void deleting_the_newest_events_after_a_checkpoint_covered_them_is_reported() {
        verify(); // seals positions up to 16
        events.deleteOne(Filters.eq("_id", 16L));
        events.deleteOne(Filters.eq("_id", 15L));
        VerifyReport report = verify();
        assertThat(report.problem()).isEqualTo("deleted");
        assertThat(report.position()).isEqualTo(15);
    }

    @Test
    void an_aggregates_newest_event_whose_stream_key_was_edited_is_reported_as_edited_even_under_a_checkpoint() {
        verify(); // seals positions up to 16
        // The command side loads an assignment by stream key: c#4 hidden so, the next command on c is stored as a second
        // sequence 4, and nothing the hash covers changed.
        events.updateOne(Filters.eq("_id", 16L), Updates.set("streamKey", "c#9"));
        VerifyReport report = verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).isEqualTo("edited");
        assertThat(report.position()).isEqualTo(16);
        assertThat(report.assignment()).isEqualTo("c");
        assertThat(report.sequence()).isEqualTo(4);
    }

    @Test
    void the_only_event_of_an_aggregate_whose_stream_key_was_removed_is_reported_as_edited() {
        engine.appendEvents(DocketEventStorageEngineTest.event("d", 0)); // position 17
        // Without its stream key the event passes for one without an aggregate, and the assignment is gone for the
        // command side.
        events.updateOne(Filters.eq("_id", 17L), Updates.unset("streamKey"));
        VerifyReport report = verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).isEqualTo("edited");
        assertThat(report.position()).isEqualTo(17);
    }

    @Test
    void an_event_marked_as_an_empty_position_is_reported_as_edited() {
        // Readers pass a filler, so a#2 is gone from every read model, while a#3 still finds it by its stream key.
        events.updateOne(Filters.eq("_id", 8L), Updates.set("filler", true));
        VerifyReport report = verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).isEqualTo("edited");
        assertThat(report.position()).isEqualTo(8);
    }

    /** What a database tool writes when someone types a date, a number or a text where the event held another kind. */
    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "sequenceNumber", "payload", "metaData", "aggregateIdentifier", "hash", "streamKey"})
    void a_field_rewritten_as_another_kind_of_value_is_reported_as_edited_and_the_walk_goes_on(String field) {
        Object other = switch (field) {
            case "timestamp" -> new java.util.Date(0);
            case "sequenceNumber" -> "2";
            default -> 42;
        };
        events.updateOne(Filters.eq("_id", 9L), Updates.set(field, other)); // b#2
        events.updateOne(Filters.eq("_id", 12L), Updates.set("payload", "{\"id\":\"c\",\"n\":99}")); // b#3, later
        VerifyReport report = verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).extracting(VerifyReport.Problem::position).contains(9L, 12L);
        assertThat(report.upTo()).isEqualTo(16);
    }

    @Test
    void two_events_whose_positions_were_swapped_are_reported_as_reordered() {
        Document c1 = at(7);
        Document c2 = at(10);
        events.deleteMany(Filters.in("_id", 7L, 10L));
        c1.put("_id", 10L);
        c2.put("_id", 7L);
        events.insertMany(java.util.List.of(c1, c2));
        VerifyReport report = verify();
        assertThat(report.problem()).isEqualTo("reordered");
        assertThat(report.position()).isEqualTo(7);
        assertThat(report.assignment()).isEqualTo("c");
        assertThat(report.sequence()).isEqualTo(2);
    }

    @Test
    void an_aggregate_whose_whole_chain_was_rewritten_consistently_is_caught_by_the_checkpoint() {
        verify(); // seals positions up to 16
        String previous = at(7).getString("hash"); // c#1 stays; c#2 … c#4 are rewritten with fresh hashes
        for (long position : new long[] {10, 13, 16}) {
            Document doc = at(position);
            doc.put("payload", doc.getString("payload").replace("\"c\"", "\"forged\""));
            previous = EventHash.seal(doc, previous);
            events.replaceOne(Filters.eq("_id", position), doc);
        }
        VerifyReport report = verify();
        assertThat(report.problem()).isEqualTo("checkpoint mismatch");
        assertThat(report.position()).isEqualTo(12); // the first checkpoint after position 10
    }

    private void rewriteConsistently() {
        ConsistentRewrite.rewrite(store.database);
    }

    private Checkpointer signing(Path dir) throws Exception {
        Anchors.init(dir.resolve("anchor-key.pem"));
        return new Checkpointer(store.database, EVERY, Duration.ofSeconds(10), clock::get,
                new Anchors.Signer(dir.resolve("anchor-key.pem"), dir.resolve("anchors.jsonl")));
    }

    @Test
    void a_store_rewritten_consistently_checkpoints_and_all_verifies_intact_but_fails_against_the_signed_anchors(
            @TempDir Path dir) throws Exception {
        Checkpointer signing = signing(dir);
        new StoreVerifier(store.database, signing, IN_FLIGHT).verify(); // seals positions 4, 8, 12 and 16, signed and exported
        Path export = dir.resolve("anchors.jsonl");
        PublicKey key = Anchors.readPublicKey(Anchors.publicKeyFile(dir.resolve("anchor-key.pem")));
        assertThat(Files.readAllLines(export)).hasSize(4);
        assertThat(Anchors.check(export, key, signing)).isEmpty();

        rewriteConsistently();
        assertThat(verify().intact()).as("the walk alone cannot see a consistent rewrite").isTrue();
        List<VerifyReport.Problem> found = Anchors.check(export, key, checkpointer);
        assertThat(found).extracting(VerifyReport.Problem::problem).containsOnly(Anchors.ANCHOR_MISMATCH);
        assertThat(found).extracting(VerifyReport.Problem::position).containsExactly(12L, 16L);
    }

    @Test
    void an_anchor_line_edited_to_agree_with_a_rewrite_is_reported_as_not_signed_by_the_key(@TempDir Path dir) throws Exception {
        Checkpointer signing = signing(dir);
        new StoreVerifier(store.database, signing, IN_FLIGHT).verify();
        rewriteConsistently();
        verify(); // records the forged checkpoints
        Path export = dir.resolve("anchors.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(export));
        lines.set(2, lines.get(2).replaceAll("\"hash\":\"[0-9a-f]+\"", "\"hash\":\"" + checkpointer.hashAt(12) + "\""));
        Files.write(export, lines);
        List<VerifyReport.Problem> found = Anchors.check(export, Anchors.readPublicKey(
                Anchors.publicKeyFile(dir.resolve("anchor-key.pem"))), checkpointer);
        assertThat(found).extracting(VerifyReport.Problem::problem)
                .containsExactly(Anchors.ANCHOR_FORGED, Anchors.ANCHOR_MISMATCH);
        assertThat(found).extracting(VerifyReport.Problem::position).containsExactly(12L, 16L);
    }

    @Test
    void an_anchor_key_is_never_overwritten_by_a_second_init(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("anchor-key.pem");
        Anchors.init(key);
        String before = Files.readString(key);
        assertThatThrownBy(() -> Anchors.init(key)).hasMessageContaining("exists already");
        assertThat(Files.readString(key)).isEqualTo(before);
    }

    @Test
    void a_removed_checkpoint_is_reported() {
        verify();
        store.database.getCollection(Checkpointer.CHECKPOINTS).deleteOne(Filters.eq("_id", 16L));
        VerifyReport report = verify();
        assertThat(report.problem()).isEqualTo("checkpoint mismatch");
        assertThat(report.position()).isEqualTo(16);
    }

    private static VerifyReport.Problem problem(long position, String assignment, Long sequence, String problem) {
        return new VerifyReport.Problem(position, assignment, sequence, problem, null);
    }

    /** The problems without their details, which are for people. */
    private static java.util.List<VerifyReport.Problem> found(VerifyReport report) {
        return report.problems().stream().map(p -> problem(p.position(), p.assignment(), p.sequence(), p.problem())).toList();
    }

    @Test
    void two_separate_tamperings_are_both_reported_and_the_report_says_how_far_the_walk_got() {
        events.updateOne(Filters.eq("_id", 6L), Updates.set("payload", "{\"id\":\"b\",\"n\":99}")); // b#1
        events.deleteOne(Filters.eq("_id", 10L)); // c#2
        VerifyReport report = verify();
        assertThat(report.intact()).isFalse();
        assertThat(found(report)).containsExactly(problem(6, "b", 1L, "edited"), problem(10, "c", 2L, "deleted"));
        assertThat(report.problemsFound()).isEqualTo(2);
        assertThat(report.capped()).isFalse();
        assertThat(report.upTo()).isEqualTo(16);
        assertThat(report.eventsChecked()).isEqualTo(15);
        // the first problem stays where clients read it before the list existed
        assertThat(report.position()).isEqualTo(6);
        assertThat(report.problem()).isEqualTo("edited");
    }

    @Test
    void tampering_under_checkpoints_is_reported_at_each_event_and_at_each_checkpoint_whose_stretch_it_touched() {
        verify(); // checkpoints at 4, 8, 12 and 16
        Document c1 = at(7);
        c1.put("payload", "{\"id\":\"c\",\"n\":99}");
        EventHash.seal(c1, c1.getString("prevHash")); // rewritten with a fresh hash: c#2 no longer chains to it
        events.replaceOne(Filters.eq("_id", 7L), c1);
        events.deleteOne(Filters.eq("_id", 14L)); // a#4, the last of its aggregate: nothing chains to it
        VerifyReport report = verify();
        assertThat(found(report)).containsExactly(problem(7, "c", 1L, "edited"), problem(8, null, null, "checkpoint mismatch"),
                problem(14, null, null, "deleted"), problem(16, null, null, "checkpoint mismatch"));
        assertThat(report.checkpoints()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void a_checkpoint_whose_hash_was_rewritten_as_a_number_or_removed_is_reported_as_a_mismatch_and_the_walk_goes_on(
            boolean removed) {
        verify();
        store.database.getCollection(Checkpointer.CHECKPOINTS).updateOne(Filters.eq("_id", 8L),
                removed ? Updates.unset("hash") : Updates.set("hash", 42));
        VerifyReport report = verify();
        assertThat(found(report)).containsExactly(problem(8, null, null, "checkpoint mismatch"));
        assertThat(report.upTo()).isEqualTo(16);
    }

    @Test
    void a_checkpoint_altered_in_the_database_is_reported_once_and_the_stretches_after_it_still_verify() {
        verify();
        store.database.getCollection(Checkpointer.CHECKPOINTS)
                .updateOne(Filters.eq("_id", 8L), Updates.set("hash", EventHash.FILLER_MARK));
        VerifyReport report = verify();
        assertThat(found(report)).containsExactly(problem(8, null, null, "checkpoint mismatch"));
        assertThat(report.checkpoints()).isEqualTo(3);
    }

    @Test
    void a_stretch_of_removed_events_longer_than_one_read_does_not_end_the_walk_and_at_most_100_problems_are_listed() {
        for (int seq = 0; seq < 300; seq++) {
            engine.appendEvents(event("z", seq)); // positions 17 to 316
        }
        events.deleteMany(Filters.and(Filters.gte("_id", 129L), Filters.lte("_id", 256L))); // one whole read of 128
        events.updateOne(Filters.eq("_id", 300L), Updates.set("payload", "{\"id\":\"z\",\"n\":-1}"));
        VerifyReport report = verify();
        assertThat(report.upTo()).isEqualTo(316);
        assertThat(report.eventsChecked()).isEqualTo(316 - 128);
        assertThat(report.problemsFound()).isEqualTo(128 + 1);
        assertThat(report.capped()).isTrue();
        assertThat(report.problems()).hasSize(StoreVerifier.MAX_LISTED);
        assertThat(report.problems()).extracting(VerifyReport.Problem::position)
                .isSorted().startsWith(129L, 130L).doesNotContain(300L); // the first 100 by position
        assertThat(report.sentence()).contains("129 problems", "188 events checked up to position 316", "first 100");
    }

    @Test
    void text_with_half_a_surrogate_pair_is_refused_before_anything_is_written_and_the_store_stays_intact() {
        // JSON lets a client write half a surrogate pair as an escape; BSON cannot store it, and a hash over it would later read as an edit.
        assertThatThrownBy(() -> engine.appendEvents(event("d", 0),
                new GenericDomainEventMessage<>("Thing", "d", 1, new Noted("lone \ud800 title", 1))))
                .isInstanceOf(UnstorableText.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Thing", "d", 0, new Noted("d", 0),
                MetaData.with("actorName", "Lan \udc00"))))
                .isInstanceOf(UnstorableText.class).hasMessageContaining("metaData");
        assertThatThrownBy(() -> engine.appendEvents(event("d\ud83d", 0)))
                .isInstanceOf(UnstorableText.class).hasMessageContaining("aggregateIdentifier");
        assertThat(events.countDocuments()).isEqualTo(16);
        engine.appendEvents(event("d", 0));
        assertThat(at(17).getString("aggregateIdentifier")).isEqualTo("d"); // no position was taken by the refusals
        assertThat(verify().intact()).isTrue();
    }

    @ParameterizedTest(name = "{0} backend")
    @ValueSource(strings = {"memory", "h2"})
    void no_text_the_engine_accepts_makes_verify_report_an_edit_and_every_accepted_text_reads_back_unchanged(
            String backend, @TempDir Path dir) {
        try (EmbeddedStore other = backend.equals("h2") ? EmbeddedStore.onDisk(dir) : EmbeddedStore.inMemory()) {
            DocketEventStorageEngine tricky = other.engine();
            int accepted = 0;
            int refused = 0;
            for (String text : TrickyText.samples(300)) {
                // The oracle: text that survives UTF-8 and back is what BSON stores exactly.
                boolean storable = text.equals(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                String aggregate = "t" + accepted + text;
                try {
                    tricky.appendEvents(new GenericDomainEventMessage<>("Thing", aggregate, 0, new Noted(text, 0),
                            MetaData.with("actorName", text)));
                } catch (UnstorableText expected) {
                    assertThat(storable).as("refused %s", TrickyText.escaped(text)).isFalse();
                    refused++;
                    continue;
                }
                assertThat(storable).as("accepted %s", TrickyText.escaped(text)).isTrue();
                DomainEventMessage<?> back = tricky.readEvents(aggregate).next();
                assertThat(((Noted) back.getPayload()).id()).isEqualTo(text);
                assertThat(back.getMetaData().get("actorName")).isEqualTo(text);
                accepted++;
            }
            assertThat(accepted).isGreaterThan(100);
            assertThat(refused).isGreaterThan(20);
            VerifyReport report = new StoreVerifier(other.database, new Checkpointer(other.database, EVERY,
                    Duration.ofSeconds(10)), Duration.ZERO).verify();
            assertThat(report.intact()).as("%s", report).isTrue();
            assertThat(report.upTo()).isEqualTo(accepted);
        }
    }

    @Test
    void a_position_its_writer_never_filled_is_filled_by_the_checkpointer_after_the_gap_timeout() {
        nextWriterDies.set(true);
        assertThatThrownBy(() -> engine.appendEvents(event("d", 0))).hasMessageContaining("position 17");
        engine.appendEvents(event("a", 5)); // position 18
        assertThat(checkpointer.catchUp()).isEqualTo(4); // up to 16; 17 is still young
        clock.addAndGet(Duration.ofSeconds(11).toNanos());
        checkpointer.catchUp();
        assertThat(EventDocuments.isFiller(at(17))).isTrue();
        assertThat(verify().intact()).isTrue();
    }
}
