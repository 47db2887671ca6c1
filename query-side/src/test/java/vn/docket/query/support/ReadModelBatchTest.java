package vn.docket.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A processor's batch of events writes each read-model document once, after its last event, and a failure
 * costs exactly what failed: nothing else of the batch, and nothing at all if the batch is rolled back.
 */
class ReadModelBatchTest {

    MongoServer server;
    MongoClient client;
    MongoCollection<Document> models;
    final List<String> commands = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener).build());
        models = client.getDatabase("test").getCollection("models");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    /** One event of the batch: which document, its sequence number, and what it changes. */
    record Step(String id, long sequence, Consumer<Document> change, String aggregateId) {
        Step(String id, long sequence, Consumer<Document> change) {
            this(id, sequence, change, id); // read models keep one document per aggregate, keyed by its id
        }
    }

    /** Runs the steps as one batch, the way a tracking processor does, through the batch interceptor. */
    void runBatch(List<Step> steps) throws Exception {
        runBatch(steps, false);
    }

    /**
     * @param logAndGoOn a failing event is skipped and the batch goes on, as with Axon's logging error
     *                   handler; otherwise the failure rolls the batch back
     */
    void runBatch(List<Step> steps, boolean logAndGoOn) throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Step step : steps) {
            messages.add(new GenericDomainEventMessage<>("Assignment", step.aggregateId(), step.sequence(), step));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        MessageHandler<EventMessage<?>> handler = message -> {
            Step step = (Step) message.getPayload();
            try {
                ReadModels.apply(models, step.id(), step.sequence(), step.change());
            } catch (RuntimeException e) {
                if (!logAndGoOn) {
                    throw e;
                }
            }
            return null;
        };
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(new ReadModelBatch.Interceptor()), handler).proceed());
        if (batch.getExecutionResult() != null && batch.getExecutionResult().isExceptionResult()) {
            throw (Exception) batch.getExecutionResult().getExceptionResult();
        }
    }

    Document model(String id) {
        return models.find(Filters.eq("_id", id)).first();
    }

    long reads() {
        return commands.stream().filter("find"::equals).count();
    }

    long writes() {
        return commands.stream().filter(c -> c.equals("update") || c.equals("insert")).count();
    }

    @Test
    void a_batch_writes_each_document_once_after_its_last_event() throws Exception {
        runBatch(List.of(
                new Step("a", 0, d -> d.put("status", "ASSIGNED")),
                new Step("b", 0, d -> d.put("status", "ASSIGNED")),
                new Step("a", 1, d -> d.put("status", "DRAFT_SUBMITTED")),
                new Step("a", 2, d -> d.put("status", "REVISION_REQUESTED")),
                new Step("b", 1, d -> d.put("status", "DRAFT_SUBMITTED"))));

        assertThat(writes()).as("write commands for five events on two documents").isEqualTo(1);
        assertThat(reads()).as("reads for five events on two documents").isEqualTo(1);
        assertThat(model("a")).containsEntry("status", "REVISION_REQUESTED").containsEntry("seq", 2L);
        assertThat(model("b")).containsEntry("status", "DRAFT_SUBMITTED").containsEntry("seq", 1L);
    }

    @Test
    void a_document_not_keyed_by_its_aggregate_is_read_on_its_own() throws Exception {
        ReadModels.apply(models, "unit-totals", 0, d -> d.put("count", 1));
        commands.clear();

        runBatch(List.of(
                new Step("unit-totals", 1, d -> d.put("count", d.getInteger("count") + 1), "a"),
                new Step("unit-totals", 2, d -> d.put("count", d.getInteger("count") + 1), "b")));

        assertThat(reads()).as("the batch's read-ahead, then the one document it did not cover").isEqualTo(2);
        assertThat(model("unit-totals")).containsEntry("count", 3);
    }

    @Test
    void a_change_that_fails_half_way_loses_only_itself() throws Exception {
        runBatch(List.of(
                new Step("a", 0, d -> d.put("rounds", new ArrayList<>(List.of(new Document("version", 1))))),
                new Step("a", 1, d -> {
                    d.getList("rounds", Document.class).get(0).put("resubmittedOn", "2021-04-20");
                    d.put("status", "HALF");
                    throw new IllegalStateException("a bug in a handler");
                }),
                new Step("a", 2, d -> d.put("status", "DRAFT_SUBMITTED"))), true);

        Document a = model("a");
        assertThat(a).containsEntry("status", "DRAFT_SUBMITTED").containsEntry("seq", 2L);
        assertThat(a.getList("rounds", Document.class).get(0)).doesNotContainKey("resubmittedOn");
    }

    @Test
    void a_batch_that_is_rolled_back_writes_nothing() {
        assertThatThrownBy(() -> runBatch(List.of(
                new Step("a", 0, d -> d.put("status", "ASSIGNED")),
                new Step("a", 1, d -> {
                    throw new IllegalStateException("the store went away");
                }))))
                .hasMessage("the store went away");

        assertThat(model("a")).isNull();
        assertThat(writes()).isZero();
    }

    @Test
    void a_redelivered_batch_changes_nothing() throws Exception {
        List<Step> steps = List.of(
                new Step("a", 0, d -> d.put("reminders", d.getInteger("reminders", 0) + 1)),
                new Step("a", 1, d -> d.put("reminders", d.getInteger("reminders", 0) + 1)));
        runBatch(steps);
        runBatch(steps);

        assertThat(model("a")).containsEntry("reminders", 2).containsEntry("seq", 1L);
    }

    @Test
    void an_event_handled_outside_a_batch_is_written_at_once() {
        ReadModels.apply(models, "a", 0, d -> d.put("status", "ASSIGNED"));

        assertThat(model("a")).containsEntry("status", "ASSIGNED");
    }

    /** A read model kept as a record: how many reminders an assignment had. */
    record Reminded(String id, int reminders) implements ReadModel {
        static Reminded read(Document d) {
            return new Reminded(d.getString("_id"), d.getInteger("reminders"));
        }

        @Override
        public Document toDocument() {
            return new Document("_id", id).append("reminders", reminders);
        }
    }

    @Test
    void a_record_read_model_starts_from_nothing_and_an_event_seen_before_changes_nothing() {
        List<Reminded> given = new ArrayList<>();
        UnaryOperator<Reminded> remind = r -> {
            given.add(r);
            return new Reminded("a", r == null ? 1 : r.reminders() + 1);
        };

        ReadModels.apply(models, "a", 0, Reminded::read, remind);
        ReadModels.apply(models, "a", 1, Reminded::read, remind);
        ReadModels.apply(models, "a", 1, Reminded::read, remind); // delivered again

        assertThat(given).containsExactly(null, new Reminded("a", 1));
        assertThat(model("a")).isEqualTo(new Document("_id", "a").append("reminders", 2).append("seq", 1L));
    }
}
