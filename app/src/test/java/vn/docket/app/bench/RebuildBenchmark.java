package vn.docket.app.bench;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.app.CaughtUp;
import vn.docket.app.DocketApplication;
import vn.docket.events.Actor;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;

/**
 * How fast the assignment list is rebuilt from the event store, against a raw cursor scan of the same
 * events on the same embedded server (the physical limit). Run with
 * {@code bench/rebuild.sh [assignments] [--engine=docket|axon-mongo] [--cap=seconds]}: four events per
 * assignment, 5,000 assignments (20,000 events) by default, Docket's engine by default. A rebuild still
 * running at the cap (90 s) is stopped there and rated by the events it handled. Prints a table and one
 * JSON line; progress on stderr.
 */
public final class RebuildBenchmark {

    private static final String PROJECTION = "assignment-list";

    private RebuildBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // Axon's janitor thread is not a daemon and outlives the context; without this the run never ends.
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        int assignments = 5_000;
        String engine = "docket";
        double capSeconds = 90;
        for (String arg : args) {
            if (arg.startsWith("--engine=")) {
                engine = arg.substring("--engine=".length());
            } else if (arg.startsWith("--cap=")) {
                capSeconds = Double.parseDouble(arg.substring("--cap=".length()));
            } else {
                assignments = Integer.parseInt(arg);
            }
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (ConfigurableApplicationContext docket = new SpringApplicationBuilder(DocketApplication.class).run(
                "--docket.mongo.embedded.backend=memory", "--docket.mongo.embedded.port=0", "--server.port=0",
                "--docket.event-store.engine=" + engine,
                "--logging.level.root=WARN", "--logging.level.vn.docket=WARN")) {
            EventStore store = docket.getBean(EventStore.class);
            EventProcessingConfiguration processing = docket.getBean(EventProcessingConfiguration.class);
            StreamingEventProcessor processor = processing.eventProcessor(PROJECTION, StreamingEventProcessor.class).orElseThrow();
            long events = append(store, assignments);
            // Every processor stops, not only this one: the others catching up would share the server and the
            // CPU with the scan and the rebuild measured below.
            for (EventProcessor each : processing.eventProcessors().values()) {
                each.shutDown();
            }

            long scanStart = System.nanoTime();
            long scanned = 0;
            MongoDatabase database = docket.getBean(MongoDatabase.class);
            String collection = engine.equals("axon-mongo") ? "domainevents" : "docket_events";
            for (Document ignored : database.getCollection(collection).find().batchSize(1_000)) {
                scanned++;
            }
            double scanRate = scanned / seconds(scanStart);

            AtomicLong handled = new AtomicLong();
            processor.registerHandlerInterceptor((unitOfWork, chain) -> {
                handled.incrementAndGet();
                return chain.proceed();
            });
            long rebuildStart = System.nanoTime();
            processor.resetTokens();
            processor.start();
            boolean complete = waitUntilCaughtUp(processor, store, rebuildStart + (long) (capSeconds * 1e9));
            double rebuildRate = (complete ? events : handled.get()) / seconds(rebuildStart);
            String what = complete ? "rebuild of the assignment list (" + events + " events)"
                    : "rebuild, stopped at the " + (int) capSeconds + " s cap (" + handled.get() + " of " + events + ")";

            System.out.printf(Locale.ROOT, "%-56s %12s%n", "measure (" + engine + ")", "events/s");
            System.out.printf(Locale.ROOT, "%-56s %,12.0f%n", "raw cursor scan of " + collection, scanRate);
            System.out.printf(Locale.ROOT, "%-56s %,12.0f%n", what, rebuildRate);
            System.out.printf(Locale.ROOT, "%-56s %12.3f%n", "rebuild / raw scan", rebuildRate / scanRate);
            System.out.printf(Locale.ROOT, "{\"engine\":\"%s\",\"events\":%d,\"handled\":%d,\"complete\":%b,"
                            + "\"scanPerSecond\":%.0f,\"rebuildPerSecond\":%.0f,\"ratio\":%.4f}%n",
                    engine, events, complete ? events : handled.get(), complete, scanRate, rebuildRate, rebuildRate / scanRate);
        }
    }

    /** Four events per assignment, stored as the command side would store them, actor included. */
    private static long append(EventStore store, int assignments) {
        Actor clerk = new Actor("clerk", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", Role.CLERK);
        Actor unit = new Actor("tckh", "Trần Văn Minh", "Phòng Tài chính - Kế hoạch", Role.UNIT_STAFF);
        Actor chair = new Actor("chair", "Hoàng Văn Nam", "Lãnh đạo UBND thành phố", Role.CHAIR);
        LocalDate day = LocalDate.of(2021, 4, 13);
        long count = 0;
        for (int i = 0; i < assignments; i++) {
            UUID id = UUID.randomUUID();
            List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
            batch.add(event(id, 0, clerk, NewTask.task().id(id).title("Kế hoạch số " + i).deadline(day.plusDays(12)).source(null)
                    .effectiveDate(day).assigned()));
            batch.add(event(id, 1, unit, new DraftSubmitted(id, 1, "v1.docx", null, "https://vanban.example.vn/" + i, null, day)));
            batch.add(event(id, 2, chair, new RevisionRequested(id, 1, "Lãnh đạo UBND thành phố", List.of("Bổ sung"), null, day)));
            batch.add(event(id, 3, unit, new DraftSubmitted(id, 2, "v2.docx", null, "https://vanban.example.vn/" + i, null,
                    day.plusDays(5))));
            store.publish(batch);
            count += batch.size();
            if ((i + 1) % 1000 == 0) {
                System.err.printf("appended %,d of %,d assignments%n", i + 1, assignments);
            }
        }
        return count;
    }

    private static GenericDomainEventMessage<?> event(UUID id, long seq, Actor actor, Object payload) {
        return new GenericDomainEventMessage<>("Assignment", id.toString(), seq, payload,
                MetaData.from(EventMetadata.of(actor, UUID.randomUUID().toString())));
    }

    /** Whether the processor covered the store's head before the deadline (System.nanoTime()). */
    private static boolean waitUntilCaughtUp(StreamingEventProcessor processor, EventStore store, long deadline) {
        try {
            CaughtUp.await(store, Duration.ofNanos(deadline - System.nanoTime()), List.of(processor));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
