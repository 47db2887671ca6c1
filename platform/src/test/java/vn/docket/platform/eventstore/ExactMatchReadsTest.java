package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/**
 * The embedded server answers a query from a unique index only if the query's keys are exactly the index's
 * keys, each compared by equality or {@code $in} (mongo-java-server's AbstractUniqueIndex.canHandle; a
 * compound index takes equality only). Anything else scans the whole collection. This records every
 * filter the engine sends and checks each one has that shape on {@code _id} or the stream key.
 */
class ExactMatchReadsTest {

    /** @param batchSize what a find asked for in its first reply (0: the server's default, 101 on MongoDB) */
    record Sent(String command, String collection, BsonDocument filter, int batchSize) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private final CommandListener recorder = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            // The driver reuses the command's buffer once sent: keep a copy.
            BsonDocument cmd = BsonDocument.parse(event.getCommand().toJson());
            String name = event.getCommandName();
            switch (name) {
                case "find" -> record(name, cmd.getString("find").getValue(), cmd.getDocument("filter", new BsonDocument()),
                        cmd.getNumber("batchSize", new BsonInt32(0)).intValue());
                case "findAndModify" -> record(name, cmd.getString("findAndModify").getValue(), cmd.getDocument("query"), 0);
                case "update" -> cmd.getArray("updates").forEach(u -> record(name, cmd.getString("update").getValue(),
                        u.asDocument().getDocument("q"), 0));
                case "delete" -> cmd.getArray("deletes").forEach(d -> record(name, cmd.getString("delete").getValue(),
                        d.asDocument().getDocument("q"), 0));
                case "count", "aggregate", "distinct" -> record(name, cmd.getFirstKey(), new BsonDocument("unsupported", cmd), 0);
                default -> {
                }
            }
        }

        private void record(String command, String collection, BsonDocument filter, int batchSize) {
            if (collection.startsWith("docket_")) {
                sent.add(new Sent(command, collection, filter, batchSize));
            }
        }
    };

    @Test
    void every_filter_the_engine_sends_is_an_exact_match_on_a_unique_key() {
        useEveryRead();

        assertThat(sent).isNotEmpty();
        assertThat(sent).extracting(Sent::command).contains("find", "update");
        for (Sent s : sent) {
            assertThat(s.filter().keySet()).as(s.toString()).hasSize(1);
            String key = s.filter().getFirstKey();
            assertThat(key).as(s.toString()).isIn("_id", EventDocuments.STREAM_KEY);
            BsonValue value = s.filter().get(key);
            if (value.isDocument()) {
                assertThat(value.asDocument().keySet()).as(s.toString()).isEqualTo(Set.of("$in"));
            }
        }
    }

    /**
     * MongoDB sends at most 101 documents in a find's first reply unless asked for more, so a window of
     * 128 positions would cost a second round trip (the embedded server sends everything either way).
     */
    @Test
    void every_read_by_a_list_of_keys_asks_for_all_of_them_in_its_first_reply() {
        useEveryRead();

        List<Sent> lists = sent.stream().filter(s -> s.command().equals("find"))
                .filter(s -> s.filter().get(s.filter().getFirstKey()).isDocument()).toList();
        assertThat(lists).extracting(s -> s.filter().get(s.filter().getFirstKey()).asDocument().getArray("$in").size())
                .as("windows of more than 101 keys are read").contains(EventDocuments.MAX_KEYS_PER_READ);
        for (Sent s : lists) {
            int keys = s.filter().get(s.filter().getFirstKey()).asDocument().getArray("$in").size();
            assertThat(s.batchSize()).as(s.toString()).isGreaterThanOrEqualTo(keys);
        }
    }

    private void useEveryRead() {
        try (EmbeddedStore store = EmbeddedStore.inMemory(recorder)) {
            DocketEventStorageEngine engine = store.engine();
            for (int seq = 0; seq < 40; seq++) {
                engine.appendEvents(DocketEventStorageEngineTest.event("a", seq), DocketEventStorageEngineTest.event("b", seq));
            }
            assertThatThrownBy(() -> engine.appendEvents(DocketEventStorageEngineTest.event("a", 3)))
                    .isInstanceOf(ConcurrencyException.class);
            engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 30, new Noted("snap", 30)));
            assertThat(engine.readSnapshot("a")).isPresent();
            assertThat(engine.readEvents("a", 31).asStream().count()).isEqualTo(9);
            assertThat(engine.readEvents("b", 0).asStream().count()).isEqualTo(40);
            assertThat(engine.lastSequenceNumberFor("b")).contains(39L);
            assertThat(engine.has("b", 39)).isTrue();
            assertThat(engine.has("b", 40)).isFalse();
            assertThat(engine.readEvents(null, false).count()).isEqualTo(80);
            engine.createHeadToken();
            engine.createTokenAt(Instant.now().minusSeconds(60));
            // A fresh engine knows no chain heads (it reads the predecessor's hash by stream key) and no
            // head (it reads from the position hint on).
            store.engine().appendEvents(DocketEventStorageEngineTest.event("a", 40), DocketEventStorageEngineTest.event("c", 0));
            // The first engine's next position is taken now: it looks for the head and writes after it.
            engine.appendEvents(DocketEventStorageEngineTest.event("b", 40));
            Checkpointer checkpointer = new Checkpointer(store.database, 10, Duration.ofSeconds(10));
            assertThat(checkpointer.catchUp()).isPositive();
            assertThat(new StoreVerifier(store.database, checkpointer, Duration.ZERO).verify().intact()).isTrue();
        }
    }
}
