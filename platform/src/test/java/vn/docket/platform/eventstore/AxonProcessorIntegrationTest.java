package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Docket's engine under Axon's own machinery: command gateway, aggregate repository, snapshotter, tracking processor. */
class AxonProcessorIntegrationTest {

    static final String GROUP = "tally-view";

    @ProcessingGroup(GROUP)
    public static class TallyView {
        final List<String> handled = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger replayed = new AtomicInteger();
        final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(Tally.Bumped event, ReplayStatus status) {
            handled.add(event.id() + ":" + event.count());
            if (status.isReplay()) {
                replayed.incrementAndGet();
            }
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
            handled.clear();
        }
    }

    /** Sends mail, say: must never run again for old events. */
    @ProcessingGroup(GROUP)
    @DisallowReplay
    public static class TallyMailer {
        final AtomicInteger sent = new AtomicInteger();

        @EventHandler
        void on(Tally.Bumped event) {
            sent.incrementAndGet();
        }
    }

    private EmbeddedStore store;
    private TallyApp app;
    private final TallyView view = new TallyView();
    private final TallyMailer mailer = new TallyMailer();

    @BeforeEach
    void start() {
        store = EmbeddedStore.inMemory();
        app = TallyApp.start(store.engine(), store.database, 5, 0, 50, List.of(view, mailer));
        // Let the processor claim its segment on the empty store first: a processor that starts on a
        // non-empty store treats everything up to the head it sees as a replay.
        eventually(() -> store.database.getCollection("trackingtokens")
                .find(Filters.eq("processorName", GROUP)).first() != null);
    }

    @AfterEach
    void stop() {
        app.close();
        store.close();
    }

    private TrackingEventProcessor processor() {
        return app.config.eventProcessingConfiguration().eventProcessor(GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    private void bumpAll(int tallies, int times) {
        for (int n = 0; n < times; n++) {
            for (int t = 0; t < tallies; t++) {
                assertThat(app.bump("t" + t)).isEqualTo(n + 1);
            }
        }
    }

    @Test
    void commands_append_through_the_engine_and_the_processor_sees_every_event_once_in_order() {
        bumpAll(10, 12);
        eventually(() -> view.handled.size() == 120);
        assertThat(view.handled.subList(0, 10)).containsExactly("t0:1", "t1:1", "t2:1", "t3:1", "t4:1", "t5:1", "t6:1",
                "t7:1", "t8:1", "t9:1");
        assertThat(view.handled).doesNotHaveDuplicates();
        assertThat(mailer.sent.get()).isEqualTo(120);
        // Snapshots every 5 events: the aggregate is still right when loaded from one.
        assertThat(store.database.getCollection(EventDocuments.SNAPSHOTS).countDocuments()).isEqualTo(10);
        assertThat(app.bump("t3")).isEqualTo(13);
    }

    @Test
    void a_reset_replays_everything_flagged_as_replay_skips_disallowed_handlers_and_leaves_a_tiny_token() {
        bumpAll(20, 10);
        eventually(() -> view.handled.size() == 200);

        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        eventually(() -> view.handled.size() == 200 && !processor.processingStatus().isEmpty()
                && processor.processingStatus().get(0).getTrackingToken() != null
                && processor.processingStatus().get(0).getTrackingToken().covers(new GlobalSequenceTrackingToken(200)));

        assertThat(view.resets.get()).isEqualTo(1);
        assertThat(view.replayed.get()).isEqualTo(200);
        assertThat(mailer.sent.get()).as("@DisallowReplay handlers must not see replayed events").isEqualTo(200);
        // With one-number tokens the replay ends exactly at the head it started from, not at the next new event.
        eventually(() -> !processor.isReplaying());

        app.bump("t0");
        eventually(() -> view.handled.size() == 201);
        assertThat(mailer.sent.get()).isEqualTo(201);
        assertThat(view.replayed.get()).isEqualTo(200);

        TokenStore tokens = app.config.eventProcessingConfiguration().tokenStore(GROUP);
        eventually(() -> new GlobalSequenceTrackingToken(201).equals(tokens.fetchToken(GROUP, 0)));
        TrackingToken token = tokens.fetchToken(GROUP, 0);
        byte[] serialized = JacksonSerializer.defaultSerializer().serialize(token, byte[].class).getData();
        assertThat(serialized.length).as(new String(serialized)).isLessThan(100);
        Document stored = store.database.getCollection("trackingtokens").find(Filters.eq("processorName", GROUP)).first();
        assertThat(((Binary) stored.get("token")).length()).isLessThan(100);
    }

    @Test
    void a_reset_to_a_point_in_time_replays_only_what_came_after_it() throws Exception {
        bumpAll(5, 4);
        eventually(() -> view.handled.size() == 20);
        // Events are stamped to the millisecond: those before the cut, the cut and those after it each in their own.
        Instant cut = aMillisecondAfter(Instant.now());
        aMillisecondAfter(cut);
        bumpAll(5, 0);
        for (int t = 0; t < 5; t++) {
            app.bump("t" + t);
        }
        eventually(() -> view.handled.size() == 25);

        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens(source -> source.createTokenAt(cut));
        processor.start();
        eventually(() -> view.handled.size() == 5);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> view.handled.size() == 5);
        assertThat(view.handled).containsExactly("t0:5", "t1:5", "t2:5", "t3:5", "t4:5");
        assertThat(view.replayed.get()).isEqualTo(5);
        assertThat(mailer.sent.get()).isEqualTo(25);
    }

    /** Waits for the system clock, which stamps events, to pass {@code t}'s millisecond; returns the time then. */
    static Instant aMillisecondAfter(Instant t) {
        Instant ms = t.truncatedTo(ChronoUnit.MILLIS);
        await().pollInterval(Duration.ofMillis(1)).until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(ms));
        return Instant.now();
    }

    /** Within 20 s: a processor on a loaded machine may take a while to catch up. */
    static void eventually(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(20)).until(condition::getAsBoolean);
    }
}
