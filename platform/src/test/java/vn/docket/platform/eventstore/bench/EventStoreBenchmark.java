package vn.docket.platform.eventstore.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import vn.docket.platform.eventstore.DocketEventStorageEngine;
import vn.docket.platform.eventstore.EventDocuments;
import vn.docket.platform.eventstore.EmbeddedStore;
import vn.docket.platform.eventstore.Tally;
import vn.docket.platform.eventstore.TallyApp;

/**
 * Docket's event storage engine against the axon-mongo extension, in one JVM on the embedded server.
 * Prints a table, then the same figures as one JSON line. Progress goes to stderr.
 *
 * <pre>
 *   bench/run.sh            # full: 10,000 and 200,000 stored events
 *   bench/run.sh --quick    # smoke run: 2,000 and 20,000 stored, short measurements
 * </pre>
 * Options: {@code --stored=10000,200000 --seconds=5 (per round; three rounds per cell) --loads=200 --streams=10,1000,10000 --backend=memory|h2
 * --replay-cap=90}.
 */
public final class EventStoreBenchmark {

    private static final String DOCKET = "docket";
    private static final String AXON_MONGO = "axon-mongo";
    private static final int BATCH = 500;
    private static final int SNAPSHOT_THRESHOLD = 50;
    private static final int COMMAND_TALLIES = 1_000;
    /** As Docket runs (docket.event-store.aggregate-cache): more than the tallies commands go to. */
    private static final int AGGREGATE_CACHE = 5_000;
    /**
     * Rounds per command cell, for raw insertOne and for the replays and scans; the median is reported.
     * Identical consecutive rounds differ by up to 40% on the 2-core machines here, so one round cannot tell
     * a trend from noise.
     */
    private static final int ROUNDS = 3;

    private final long[] storedSizes;
    private final double seconds;
    private final int loads;
    private final int[] streams;
    private final String backend;
    private final double replayCapSeconds;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    private EventStoreBenchmark(Map<String, String> options) {
        boolean quick = options.containsKey("quick");
        storedSizes = longs(options.getOrDefault("stored", quick ? "2000,20000" : "10000,200000"));
        seconds = Double.parseDouble(options.getOrDefault("seconds", quick ? "2" : "5"));
        loads = Integer.parseInt(options.getOrDefault("loads", quick ? "50" : "200"));
        streams = Arrays.stream(longs(options.getOrDefault("streams", quick ? "10,1000,5000" : "10,1000,10000")))
                .mapToInt(l -> (int) l).toArray();
        backend = options.getOrDefault("backend", "memory");
        replayCapSeconds = Double.parseDouble(options.getOrDefault("replay-cap", quick ? "20" : "90"));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String a = arg.replaceFirst("^--", "");
            int eq = a.indexOf('=');
            options.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
        }
        new EventStoreBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        progress("Benchmark on the embedded server (" + backend + "), stored sizes " + Arrays.toString(storedSizes));
        results.put("backend", backend);
        warmUp();
        rawInserts();
        double maxDocketRate = 0;
        for (String engine : List.of(AXON_MONGO, DOCKET)) {
            for (long stored : storedSizes) {
                try (EmbeddedStore store = newStore()) {
                    EventStorageEngine storage = engine(engine, store);
                    preload(storage, stored);
                    for (int threads : new int[] {1, 4}) {
                        double rate = commandRate(storage, store, threads, AGGREGATE_CACHE);
                        maxDocketRate = engine.equals(DOCKET) ? Math.max(maxDocketRate, rate) : maxDocketRate;
                        record("commands/s " + engine + " stored=" + stored + " threads=" + threads, rate, "cmd/s");
                    }
                    // Every command reading its aggregate from the store: what the cache saves, and whether
                    // the engine's reads stay constant as the store grows.
                    for (int threads : new int[] {1, 4}) {
                        record("commands/s " + engine + " stored=" + stored + " threads=" + threads + " no cache",
                                commandRate(storage, store, threads, 0), "cmd/s");
                    }
                    if (stored == storedSizes[storedSizes.length - 1]) {
                        replay(engine, store, storage, stored);
                    }
                }
            }
        }
        aggregateLoads();
        projectionLag(maxDocketRate / 2);
        print();
    }

    /** Compiles the hot paths of the driver, the server, Axon and both engines before anything is timed. */
    private void warmUp() throws Exception {
        progress("Warming up");
        try (EmbeddedStore store = newStore()) {
            MongoCollection<Document> raw = store.database.getCollection("warm_raw");
            for (int i = 0; i < 5_000; i++) {
                raw.insertOne(rawEvent(i));
            }
            for (String engine : List.of(AXON_MONGO, DOCKET)) {
                EventStorageEngine storage = engine(engine, store);
                preload(storage, 2_000);
                try (TallyApp app = TallyApp.start(storage, store.database, SNAPSHOT_THRESHOLD, AGGREGATE_CACHE, BATCH, List.of(new NoOp()))) {
                    long until = System.nanoTime() + 3_000_000_000L;
                    while (System.nanoTime() < until) {
                        app.bump("warm-" + ThreadLocalRandom.current().nextInt(100));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- raw driver

    private void rawInserts() {
        try (EmbeddedStore store = newStore()) {
            MongoCollection<Document> raw = store.database.getCollection("raw_events");
            int singles = (int) Math.max(2_000, seconds * 1_000);
            double[] rates = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                for (int i = round * singles; i < (round + 1) * singles; i++) {
                    raw.insertOne(rawEvent(i));
                    store.server.flush();
                }
                rates[round] = Math.round(singles / elapsed(started));
            }
            progress("  raw insertOne rounds: " + Arrays.toString(rates));
            record("raw insertOne" + (backend.equals("h2") ? " + H2 commit each" : ""), median(rates), "docs/s");
            // The same from 4 threads, to compare with commands from 4 client threads.
            for (int round = 0; round < ROUNDS; round++) {
                AtomicLong nextId = new AtomicLong((long) (ROUNDS + round) * singles);
                long last = nextId.get() + singles;
                long started = System.nanoTime();
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    Thread writer = new Thread(() -> {
                        for (long id = nextId.getAndIncrement(); id < last; id = nextId.getAndIncrement()) {
                            raw.insertOne(rawEvent(id));
                            store.server.flush();
                        }
                    });
                    writer.start();
                    writers.add(writer);
                }
                for (Thread writer : writers) {
                    joinQuietly(writer);
                }
                rates[round] = Math.round(singles / elapsed(started));
            }
            progress("  raw insertOne, 4 threads, rounds: " + Arrays.toString(rates));
            record("raw insertOne, 4 threads" + (backend.equals("h2") ? " + H2 commit each" : ""), median(rates), "docs/s");
            singles *= ROUNDS;
            long started;
            if (backend.equals("h2")) {
                // What the commit before each answer costs: the same inserts without forcing them into the file.
                started = System.nanoTime();
                for (int i = 0; i < singles; i++) {
                    raw.insertOne(rawEvent(10_000_000 + i));
                }
                record("raw insertOne, no commit", singles / elapsed(started), "docs/s");
            }
            int many = singles * 10;
            started = System.nanoTime();
            for (int i = 0; i < many; i += 1_000) {
                List<Document> batch = new ArrayList<>(1_000);
                for (int j = 0; j < 1_000; j++) {
                    batch.add(rawEvent(2L * singles + i + j));
                }
                raw.insertMany(batch, new InsertManyOptions().ordered(true));
                store.server.flush();
            }
            record("raw insertMany (1,000 per call)", many / elapsed(started), "docs/s");
            record("raw cursor scan", scanRate(raw), "docs/s");
        }
    }

    /** Every document of the collection through one driver cursor: the physical limit of a replay. */
    private static double scanRate(MongoCollection<Document> collection) {
        long started = System.nanoTime();
        long scanned = 0;
        for (Document ignored : collection.find().batchSize(1_000)) {
            scanned++;
        }
        return scanned / elapsed(started);
    }

    private static Document rawEvent(long position) {
        String id = "raw-" + (position % 1_000);
        return new Document("_id", position).append("streamKey", id + "#" + position)
                .append("aggregateIdentifier", id).append("sequenceNumber", position).append("type", "Tally")
                .append("eventIdentifier", UUID.randomUUID().toString()).append("timestamp", Instant.now().toString())
                .append("payloadType", Tally.Bumped.class.getName()).append("payloadRevision", null)
                .append("payload", "{\"id\":\"" + id + "\",\"count\":" + position + "}")
                .append("metaData", "{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID() + "\"}");
    }

    // ---------------------------------------------------------------- commands

    private double commandRate(EventStorageEngine storage, EmbeddedStore store, int threads, int cache) throws Exception {
        try (TallyApp app = TallyApp.start(storage, store.database, SNAPSHOT_THRESHOLD, cache, BATCH, List.of())) {
            // Each cell starts alike: the preload's garbage collected, then a second of commands for the JIT
            // and the connection pool. (Without this the first cell after a 200,000-event preload ran at
            // half the rate of the next, whatever its settings.)
            System.gc();
            long warm = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < warm) {
                app.bump("cmd-" + ThreadLocalRandom.current().nextInt(COMMAND_TALLIES));
            }
            double[] rates = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                rates[round] = commandRound(app, threads);
            }
            progress(String.format(Locale.ROOT, "  %d thread(s): %s commands/s", threads, Arrays.toString(rates)));
            return median(rates);
        }
    }

    private double commandRound(TallyApp app, int threads) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < until) {
                    app.bump("cmd-" + ThreadLocalRandom.current().nextInt(COMMAND_TALLIES));
                    done.incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return Math.round(done.get() / elapsed(started));
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    // ---------------------------------------------------------------- replay

    @ProcessingGroup("replay-noop")
    public static class NoOp {
        final AtomicLong handled = new AtomicLong();
        /** When the latest event reached the handler (written by the processor's one thread). */
        volatile long lastAt;

        @EventHandler
        void on(Tally.Bumped event) {
            handled.incrementAndGet();
            lastAt = System.nanoTime();
        }
    }

    /**
     * Rounds of: a raw cursor scan, then a replay from the tail through a no-op handler (the processor's
     * tokens reset between rounds), then for Docket the engine's own read without a processor. Scan and
     * replay alternate so that both see the same JIT and heap. As for the command cells, medians of
     * {@link #ROUNDS} rounds are reported, here after one round that warms up the replay's code paths
     * (Axon's processor, the read-ahead, the server's {@code $in} reads), which nothing timed before has run
     * at this volume; the warm-up round is printed with the others. A replay that reaches the cap is not
     * repeated: it would take the cap again and show the same.
     */
    private void replay(String engine, EmbeddedStore store, EventStorageEngine storage, long stored) throws Exception {
        long total = countEvents(engine, store);
        MongoCollection<Document> events = store.database.getCollection(
                engine.equals(DOCKET) ? EventDocuments.EVENTS : "domainevents");
        progress("  replaying " + total + " events through a no-op handler (" + engine + "), a warm-up round and "
                + ROUNDS + " more");
        List<Double> scans = new ArrayList<>();
        List<Double> replays = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        List<Double> deserialized = new ArrayList<>();
        String capped = "";
        NoOp noOp = new NoOp();
        TallyApp app = null;
        try {
            for (int round = 0; round <= ROUNDS && capped.isEmpty(); round++) {
                boolean warmUp = round == 0;
                System.gc();
                double scan = scanRate(events);

                System.gc();
                noOp.handled.set(0);
                long started = System.nanoTime();
                if (app == null) {
                    app = TallyApp.start(storage, store.database, 0, 0, BATCH, List.of(noOp));
                } else {
                    processor(app).resetTokens();
                    processor(app).start();
                }
                long cap = started + (long) (replayCapSeconds * 1e9);
                long lastReport = started;
                while (noOp.handled.get() < total && System.nanoTime() < cap) { // (the handled count runs ahead of the stored token)
                    Thread.sleep(20);
                    if (System.nanoTime() - lastReport > 5e9) {
                        lastReport = System.nanoTime();
                        progress("    " + noOp.handled.get() + " / " + total);
                    }
                }
                long handled = noOp.handled.get();
                // From the processor's start to the last event: its start-up (Axon's configuration, the token
                // claim) is counted, as a user waiting for a rebuild would count it; it is tens of milliseconds.
                double replay = handled < total
                        ? handled / elapsed(started)
                        : handled / ((noOp.lastAt - started) / 1e9);
                if (handled < total) {
                    capped = " (stopped at the " + (int) replayCapSeconds + " s cap: " + handled + " of " + total + ")";
                } else if (round < ROUNDS) {
                    processor(app).shutDown();
                }
                double read = 0;
                double readDeserialized = 0;
                if (engine.equals(DOCKET)) {
                    // The engine alone, without a processor: where the replay's time goes.
                    System.gc();
                    long readStart = System.nanoTime();
                    read = ((DocketEventStorageEngine) storage).readEvents(null, false).count() / elapsed(readStart);
                    readStart = System.nanoTime();
                    readDeserialized = ((DocketEventStorageEngine) storage).readEvents(null, false)
                            .filter(e -> e.getPayload() != null).count() / elapsed(readStart);
                }
                progress(String.format(Locale.ROOT, "    %s: scan %.0f docs/s, replay %.0f events/s (%.0f%%)%s",
                        warmUp ? (capped.isEmpty() ? "warm-up" : "only round") : "round " + round, scan, replay,
                        100 * replay / scan, engine.equals(DOCKET) ? String.format(Locale.ROOT,
                                ", engine alone %.0f, with payloads %.0f", read, readDeserialized) : ""));
                if (!warmUp || !capped.isEmpty()) {
                    scans.add(scan);
                    replays.add(replay);
                    reads.add(read);
                    deserialized.add(readDeserialized);
                }
            }
            record("replay no-op handler " + engine + " stored=" + stored + capped, median(replays), "events/s");
            record("raw cursor scan of " + engine + "'s events stored=" + stored, median(scans), "docs/s");
            if (engine.equals(DOCKET)) {
                record("engine read, no processor, docket stored=" + stored, median(reads), "events/s");
                record("engine read + deserialize, no processor, docket stored=" + stored, median(deserialized),
                        "events/s");
            }
            // A processor that starts from the tail replays up to the head it saw at start, and Axon keeps the
            // ReplayToken wrapper until one event beyond that head: send one, then read the stored token.
            if (capped.isEmpty()) {
                long handled = noOp.handled.get();
                app.bump("after-replay");
                long wait = System.nanoTime() + 5_000_000_000L;
                while (noOp.handled.get() <= handled && System.nanoTime() < wait) {
                    Thread.sleep(10);
                }
            }
            Thread.sleep(500); // let the last batch's token be stored
            processor(app).shutDown();
            TrackingToken token = app.config.eventProcessingConfiguration().tokenStore("replay-noop").fetchToken("replay-noop", 0);
            int size = JacksonSerializer.defaultSerializer().serialize(token, byte[].class).getData().length;
            String shown = token.toString();
            progress("    token after replay: " + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown));
            record("token size after replay " + engine + " (" + token.getClass().getSimpleName() + ")" + capped, size, "bytes");
        } finally {
            if (app != null) {
                app.close();
            }
        }
        if (engine.equals(DOCKET)) {
            // The tamper check: a walk by position that recomputes every hash (docs/tamper-evidence.md).
            vn.docket.platform.eventstore.Checkpointer checkpointer =
                    new vn.docket.platform.eventstore.Checkpointer(store.database, 1_000, Duration.ofSeconds(10));
            checkpointer.catchUp(); // as the background checkpointer would have: time the walk alone
            long verifyStart = System.nanoTime();
            vn.docket.platform.eventstore.VerifyReport report =
                    new vn.docket.platform.eventstore.StoreVerifier(store.database, checkpointer, java.time.Duration.ZERO).verify();
            record("verify walk (intact: " + report.intact() + "), docket stored=" + stored,
                    report.upTo() / elapsed(verifyStart), "positions/s");
        }
    }

    private static TrackingEventProcessor processor(TallyApp app) {
        return app.config.eventProcessingConfiguration()
                .eventProcessor("replay-noop", TrackingEventProcessor.class).orElseThrow();
    }

    private static long countEvents(String engine, EmbeddedStore store) {
        return store.database.getCollection(engine.equals(DOCKET) ? EventDocuments.EVENTS : "domainevents")
                .countDocuments();
    }

    // ---------------------------------------------------------------- aggregate loads

    private void aggregateLoads() throws Exception {
        for (String engine : List.of(AXON_MONGO, DOCKET)) {
            try (EmbeddedStore store = newStore()) {
                EventStorageEngine storage = engine(engine, store);
                // Other aggregates around them, so that a full scan would show.
                preload(storage, storedSizes[0]);
                for (int length : streams) {
                    String id = "stream-" + length;
                    List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
                    for (int seq = 0; seq < length; seq++) {
                        batch.add(bumped(id, seq));
                        if (batch.size() == 1_000) {
                            storage.appendEvents(batch);
                            batch.clear();
                        }
                    }
                    storage.appendEvents(batch);
                }
                try (TallyApp app = TallyApp.start(storage, store.database, 0, 0, BATCH, List.of())) {
                    Repository<Tally> repository = app.config.repository(Tally.class);
                    for (boolean snapshots : new boolean[] {false, true}) {
                        for (int length : streams) {
                            String id = "stream-" + length;
                            if (snapshots) {
                                // Half-way between two snapshots of a threshold of 50: 25 events after it.
                                long seq = Math.max(0, length - 1 - SNAPSHOT_THRESHOLD / 2);
                                storage.storeSnapshot(new GenericDomainEventMessage<>("Tally", id, seq, Tally.at(id, seq + 1)));
                            }
                            int n = engine.equals(AXON_MONGO) && length >= 1_000 ? Math.max(10, loads / 5) : loads;
                            long[] nanos = new long[n];
                            for (int i = 0; i < n; i++) {
                                long t = System.nanoTime();
                                DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> repository.load(id));
                                nanos[i] = System.nanoTime() - t;
                            }
                            Arrays.sort(nanos);
                            String what = "load " + engine + " stream=" + length + (snapshots ? " snapshot" : " no snapshot");
                            record(what + " p50", percentile(nanos, 50) / 1e6, "ms");
                            record(what + " p99", percentile(nanos, 99) / 1e6, "ms");
                        }
                    }
                }
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---------------------------------------------------------------- projection lag

    @ProcessingGroup("lag")
    public static class LagMeter {
        final List<Long> lagsMicros = java.util.Collections.synchronizedList(new ArrayList<>());

        @EventHandler
        void on(Tally.Bumped event, @Timestamp Instant appended) {
            lagsMicros.add(Duration.between(appended, Instant.now()).toNanos() / 1_000);
        }
    }

    private void projectionLag(double rate) throws Exception {
        progress(String.format(Locale.ROOT, "Projection lag at %.0f commands/s (half the best Docket rate)", rate));
        try (EmbeddedStore store = newStore()) {
            EventStorageEngine storage = engine(DOCKET, store);
            preload(storage, storedSizes[0]);
            LagMeter meter = new LagMeter();
            try (TallyApp app = TallyApp.start(storage, store.database, SNAPSHOT_THRESHOLD, AGGREGATE_CACHE, BATCH, List.of(meter))) {
                while (meter.lagsMicros.size() < storedSizes[0]) {
                    Thread.sleep(20); // let the processor catch up with the preload first
                }
                meter.lagsMicros.clear();
                long intervalNanos = (long) (1e9 / Math.max(1, rate));
                long next = System.nanoTime();
                long until = next + (long) (seconds * 1e9);
                int sent = 0;
                while (System.nanoTime() < until) {
                    long now = System.nanoTime();
                    if (now < next) {
                        java.util.concurrent.locks.LockSupport.parkNanos(next - now);
                    }
                    app.bump("lag-" + ThreadLocalRandom.current().nextInt(COMMAND_TALLIES));
                    sent++;
                    next += intervalNanos;
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (meter.lagsMicros.size() < sent && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                long[] lags = meter.lagsMicros.stream().mapToLong(Long::longValue).sorted().toArray();
                record("projection lag p50 docket at " + Math.round(rate) + " cmd/s", percentile(lags, 50) / 1e3, "ms");
                record("projection lag p99 docket at " + Math.round(rate) + " cmd/s", percentile(lags, 99) / 1e3, "ms");
            }
        }
    }

    // ---------------------------------------------------------------- set-up

    private EmbeddedStore newStore() {
        if (backend.equals("h2")) {
            try {
                return EmbeddedStore.onDisk(java.nio.file.Files.createTempDirectory("docket-bench"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return EmbeddedStore.inMemory();
    }

    private static EventStorageEngine engine(String engine, EmbeddedStore store) {
        if (engine.equals(DOCKET)) {
            return DocketEventStorageEngine.builder().database(store.database).snapshotSerializer(store.serializer)
                    .eventSerializer(store.serializer).batchSize(BATCH).build()
                    .ensureIndexes();
        }
        MongoEventStorageEngine axon = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database).build())
                .snapshotSerializer(store.serializer).eventSerializer(store.serializer).batchSize(BATCH).build();
        axon.ensureIndexes();
        return axon;
    }

    /** Stores {@code count} events on 100-event streams, 1,000 events per append. */
    private static void preload(EventStorageEngine storage, long count) {
        long started = System.nanoTime();
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>(1_000);
        for (long i = 0; i < count; i++) {
            batch.add(bumped("pre-" + (i / 100), i % 100));
            if (batch.size() == 1_000) {
                storage.appendEvents(batch);
                batch.clear();
                if (i % 50_000 == 49_999) {
                    progress("    preloaded " + (i + 1) + " events");
                }
            }
        }
        if (!batch.isEmpty()) {
            storage.appendEvents(batch);
        }
        progress(String.format(Locale.ROOT, "  preloaded %d events in %.1f s (%s)", count, elapsed(started),
                storage.getClass().getSimpleName()));
    }

    private static GenericDomainEventMessage<Tally.Bumped> bumped(String id, long seq) {
        return new GenericDomainEventMessage<>("Tally", id, seq, new Tally.Bumped(id, seq + 1));
    }

    // ---------------------------------------------------------------- output

    private void record(String what, double value, String unit) {
        progress(String.format(Locale.ROOT, "  %s: %.2f %s", what, value, unit));
        rows.add(new String[] {what, String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.2f", value), unit});
        results.put(what.replaceAll("[^A-Za-z0-9=]+", "_").replaceAll("_+$", "") + "_" + unit.replace("/", "_per_"),
                Math.round(value * 100) / 100.0);
    }

    private void print() {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        StringBuilder table = new StringBuilder();
        table.append(String.format("| %-" + width + "s | %12s | %-8s |%n", "measure", "value", "unit"));
        table.append("|").append("-".repeat(width + 2)).append("|").append("-".repeat(14)).append("|").append("-".repeat(10)).append("|\n");
        for (String[] r : rows) {
            table.append(String.format("| %-" + width + "s | %12s | %-8s |%n", r[0], r[1], r[2]));
        }
        System.out.print(table);
        StringBuilder json = new StringBuilder("{");
        results.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String ? "\"" + v + "\"" : v));
        System.out.println(json.append('}'));
    }

    private static double elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void progress(String line) {
        System.err.println(line);
    }

    private static long[] longs(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }
}
