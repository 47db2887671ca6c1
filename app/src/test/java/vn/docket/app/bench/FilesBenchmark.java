package vn.docket.app.bench;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.bson.BsonBinary;
import org.bson.RawBsonDocument;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;
import vn.docket.platform.Sha256;
import vn.docket.app.DocketApplication;
import vn.docket.platform.files.FileStore;

/**
 * Drafts as files, measured on one in-process Docket (embedded server on its default H2 backend, data in a fresh
 * directory, as a user starts it; {@code --backend=memory} for the in-memory one) over HTTP: the upload of a
 * 10 MB .docx against a raw {@code insertMany} of the same chunks, hand-ins with a file from 4 threads (p50/p99),
 * the changes between two versions of a 60-page plan (time, memory allocated), and how the store grows over 10
 * versions with small edits. Run with {@code bench/files.sh}; prints a table and one JSON line.
 */
public final class FilesBenchmark {

    private static final String UNIT = "Phòng Tài chính - Kế hoạch";
    private static final String[] WORDS = ("kế hoạch thực hiện chương trình hành động của ban chấp hành đảng bộ thành phố"
            + " nghị quyết đại hội đại biểu lần thứ nhiệm kỳ mục tiêu nhiệm vụ giải pháp phát triển kinh tế xã hội"
            + " hạ tầng giao thông đô thị nông thôn mới chuyển đổi số cải cách hành chính nâng cao chất lượng nguồn"
            + " nhân lực ủy ban nhân dân phòng tài chính quản lý đô thị văn hóa thông tin giáo dục đào tạo y tế"
            + " đầu tư công ngân sách nhà nước huy động nguồn lực xã hội hóa lộ trình cụ thể trách nhiệm phối hợp"
            + " kiểm tra giám sát đánh giá báo cáo định kỳ hằng năm giai đoạn tổ chức triển khai quyết liệt hiệu quả")
            .split(" ");

    /** Chunks per {@code insertMany} of the raw baseline (see {@link #rawInsert}). */
    private static final int RAW_BATCH = 8;

    private final Random random = new Random(15);
    private final Map<String, Object> figures = new java.util.LinkedHashMap<>();
    private RestTemplate clerk;
    private RestTemplate unit;
    private RestTemplate chair;
    private RestTemplate unitBasic;

    private FilesBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            String backend = List.of(args).stream().filter(a -> a.startsWith("--backend=")).findFirst()
                    .map(a -> a.substring("--backend=".length())).orElse("h2");
            new FilesBenchmark().run(List.of(args).contains("upload-only"), List.of(args).contains("growth-only"), backend);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // Axon's janitor thread is not a daemon and outlives the context; without this the run never ends.
        System.exit(status);
    }

    /**
     * With {@code uploadOnly}, only the 10 MB rounds: what a profile of the hand-in should see; with
     * {@code growthOnly}, only the store growth, which needs no quiet machine.
     */
    private void run(boolean uploadOnly, boolean growthOnly, String backend) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path data = Files.createTempDirectory("docket-files-bench");
        figures.put("backend of the embedded server", backend);
        try (ConfigurableApplicationContext docket = new SpringApplicationBuilder(DocketApplication.class).run(
                "--docket.mongo.embedded.backend=" + backend, "--docket.mongo.embedded.data-dir=" + data,
                "--docket.mongo.embedded.port=0", "--server.port=0",
                // A busy machine: the 1 s default can give up before the embedded server answers.
                "--docket.mongo.timeouts.server-selection=30s",
                "--docket.security.demo-users=true", "--logging.level.root=WARN", "--logging.level.vn.docket=WARN")) {
            String base = "http://localhost:" + docket.getEnvironment().getProperty("local.server.port");
            // An integration sending large files signs in with a personal access token (a SHA-256 and two reads by
            // key); HTTP Basic checks a bcrypt hash on every request, which the upload measures apart.
            clerk = withToken(base, "clerk");
            unit = withToken(base, "tckh");
            chair = withToken(base, "chair");
            unitBasic = new RestTemplateBuilder().rootUri(base).basicAuthentication("tckh", "demo").build();
            MongoDatabase database = docket.getBean(MongoDatabase.class);

            if (growthOnly) {
                storeGrowth(database);
            } else {
                upload(database, docket.getBean(FileStore.class));
            }
            if (!uploadOnly && !growthOnly) {
                concurrentHandIns();
                changesOf60Pages();
                storeGrowth(database);
            }
        }
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.out.println();
        figures.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-58s %s%n", k, v));
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(figures));
    }

    /**
     * Twelve rounds (or {@code -Dbench.upload.rounds}), fresh bytes each (no deduplication); all but the last eleven
     * warm the JIT, POI and the server. In each, the
     * whole hand-in with a personal access token and a raw insert of the same chunks ({@link #rawInsert}) run back to back, the raw one
     * first in every other round, so that what the machine is doing at that moment weighs on both alike: the figure
     * is the median of the rounds' own ratios, with their spread. Then the file store alone on the same bytes, and a
     * hand-in of other fresh bytes signed in with HTTP Basic.
     */
    private void upload(MongoDatabase database, FileStore store) throws IOException {
        // More rounds (-Dbench.upload.rounds=40) measure a JVM that has compiled what a hand-in runs: the figures are
        // always those of the last eleven.
        int rounds = Math.max(12, Integer.getInteger("bench.upload.rounds", 12));
        List<Double> handIn = new ArrayList<>();
        List<Double> basic = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> rawOneCall = new ArrayList<>();
        List<Double> put = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> basicRatio = new ArrayList<>();
        List<Double> putRatio = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> rawCpu = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        List<Double> jit = new ArrayList<>();
        List<Double> rawJit = new ArrayList<>();
        List<Double> gc = new ArrayList<>();
        List<Double> rawGc = new ArrayList<>();
        List<Double> receive = new ArrayList<>();
        List<Double> hashOnly = new ArrayList<>();
        List<Double> hashBound = new ArrayList<>();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // Journaled: a hand-in is answered once its event, and the chunks written before it, are in the file; a
        // raw write answered before its bytes are (the H2 backend commits other collections once a second) would
        // leave its own write to the next measure. The memory backend has no file and ignores it.
        MongoCollection<org.bson.Document> rawChunks = database.getCollection("bench_raw_chunks")
                .withWriteConcern(WriteConcern.JOURNALED);
        int size = 0;
        for (int round = 0; round < rounds; round++) {
            byte[] docx = docxWithPicture(paragraphs(60), 10 * 1024 * 1024);
            size = docx.length;
            String id = assign("Tải lên 10 MB, lượt " + round);
            List<org.bson.Document> chunks = rawChunks("raw-" + round, docx);
            List<org.bson.Document> oneCall = rawChunks("raw-one-" + round, docx);
            System.gc(); // garbage of the round before is not collected inside either measure
            boolean rawFirst = round % 2 == 1;
            double[] rawTimes = rawFirst ? timed(() -> rawInsert(rawChunks, chunks)) : null;
            byte[] handed = docx;
            double[] times = timed(() -> require(handIn(unit, id, handed, "Dự thảo 10MB.docx"), 201));
            if (!rawFirst) {
                rawTimes = timed(() -> rawInsert(rawChunks, chunks));
            }
            // The baseline until 04/12/2026, for comparison with the figures before: all chunks in one insertMany.
            double oneCallSeconds = timed(() -> rawChunks.insertMany(oneCall, new InsertManyOptions().ordered(false)))[0];
            double seconds = times[0];
            double rawSeconds = rawTimes[0];
            // The same form naming another SHA-256: sent, read, hashed and its chunks written as it arrives, then
            // refused and its chunks removed: the hand-in without reading the .docx, the description and the event.
            double receiveSeconds = timed(() -> {
                try {
                    handIn(unit, id, handed, "Dự thảo 10MB.docx", Map.of("documentSha256", "0".repeat(64)));
                    throw new IllegalStateException("A hand-in naming another SHA-256 was accepted");
                } catch (HttpClientErrorException e) {
                    if (e.getStatusCode().value() != 422) {
                        throw e;
                    }
                }
            })[0];
            // The least any hand-in does beyond the raw write, since the server computes the hash itself: hashing the
            // bytes once. raw / (raw + that) bounds the ratio a hand-in could reach, whatever else it skipped.
            double hashSeconds = timed(() -> Sha256.hex(handed))[0];
            // The file store alone (hash, chunks, description), on the same bytes with one changed so none is shared.
            docx[docx.length / 2] ^= 1;
            long putStart = System.nanoTime();
            String sha = Sha256.hex(docx);
            store.put(sha, docx, new org.bson.Document("mediaType", "application/octet-stream"));
            double putSeconds = (System.nanoTime() - putStart) / 1e9;
            store.discard(sha);
            // The same hand-in signed in with HTTP Basic (a bcrypt check), as an integration without a token would.
            byte[] other = docxWithPicture(paragraphs(60), 10 * 1024 * 1024);
            String basicId = assign("Tải lên 10 MB với mật khẩu, lượt " + round);
            double basicSeconds = timed(() -> require(handIn(unitBasic, basicId, other, "Dự thảo 10MB.docx"), 201))[0];
            if (round >= rounds - 11) {
                handIn.add(seconds);
                raw.add(rawSeconds);
                put.add(putSeconds);
                basic.add(basicSeconds);
                rawOneCall.add(oneCallSeconds);
                ratio.add(rawSeconds / seconds);
                receive.add(receiveSeconds);
                hashOnly.add(hashSeconds);
                hashBound.add(rawSeconds / (rawSeconds + hashSeconds));
                cpu.add(times[1]);
                rawCpu.add(rawTimes[1]);
                cpuRatio.add(rawTimes[1] / times[1]);
                jit.add(times[2]);
                rawJit.add(rawTimes[2]);
                gc.add(times[3]);
                rawGc.add(rawTimes[3]);
                putRatio.add(rawSeconds / putSeconds);
                basicRatio.add(rawSeconds / basicSeconds);
            }
            System.err.printf(Locale.ROOT, "upload round %d (%s first): hand-in %.3f s (CPU %.3f s), raw insertMany %.3f s"
                    + " (CPU %.3f s), ratio %.2f (CPU %.2f); received and refused %.3f s; Basic %.3f s, FileStore.put %.3f s;"
                    + " raw in one insertMany %.3f s%n",
                    round, rawFirst ? "raw" : "hand-in", seconds, times[1], rawSeconds, rawTimes[1], rawSeconds / seconds,
                    rawTimes[1] / times[1], receiveSeconds, basicSeconds, putSeconds, oneCallSeconds);
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int n = 11;
        double mb = size / (1024.0 * 1024.0);
        figures.put("upload .docx size (MB)", round(mb));
        figures.put("upload load average (1 min) before, after", round(loadBefore) + ", " + round(loadAfter));
        figures.put("upload hand-in over HTTP (token), median of " + n + " (s)", round(median(handIn)));
        figures.put("upload raw insertMany of the same chunks, " + RAW_BATCH + " a call, median of " + n + " (s)", round(median(raw)));
        figures.put("upload raw, all chunks in one insertMany (the baseline until 04/12/2026), median (s)", round(median(rawOneCall)));
        figures.put("upload hand-in MB/s", round(mb / median(handIn)));
        figures.put("upload raw insertMany MB/s", round(mb / median(raw)));
        figures.put("upload hand-in rate / raw rate, median of the rounds' ratios (goal >= 0.70)", round(median(ratio)));
        figures.put("upload hand-in rate / raw rate: min, quartiles, max", spread(ratio));
        figures.put("upload CPU of all threads: hand-in, raw insertMany, medians (s)", round(median(cpu)) + ", " + round(median(rawCpu)));
        figures.put("upload raw CPU / hand-in CPU, median of the rounds' ratios", round(median(cpuRatio)));
        figures.put("upload JIT compilation meanwhile: hand-in, raw insertMany, medians (s)", round(median(jit)) + ", " + round(median(rawJit)));
        figures.put("upload collector meanwhile (pauses and cycles): hand-in, raw insertMany, medians (s)", round(median(gc)) + ", " + round(median(rawGc)));
        figures.put("upload the form received (its chunks written) and refused, median of " + n + " (s)", round(median(receive)));
        figures.put("upload SHA-256 of the same bytes alone, median of " + n + " (s)", round3(median(hashOnly)));
        figures.put("upload highest ratio a hand-in could reach, raw / (raw + SHA-256): median, highest",
                round(median(hashBound)) + ", " + round(Collections.max(hashBound)));
        figures.put("upload hand-in signed in with HTTP Basic, median of " + n + " (s)", round(median(basic)));
        figures.put("upload hand-in (Basic) rate / raw rate, median", round(median(basicRatio)));
        figures.put("upload FileStore.put alone (SHA-256 + chunks + description), median of " + n + " (s)", round(median(put)));
        figures.put("upload FileStore.put rate / raw rate, median", round(median(putRatio)));
    }

    /**
     * Chunks for the raw insert as the file store writes them: 255 KB each, the array given as {@code BsonBinary}
     * ({@code Binary} would be copied once more by the encoder).
     */
    private static List<org.bson.Document> rawChunks(String prefix, byte[] content) {
        List<org.bson.Document> chunks = new ArrayList<>();
        Date now = new Date();
        List<byte[]> parts = FileStore.chunked(content);
        for (int n = 0; n < parts.size(); n++) {
            chunks.add(new org.bson.Document("_id", prefix + "/" + n).append("data", new BsonBinary(parts.get(n)))
                    .append("createdAt", now));
        }
        return chunks;
    }

    /**
     * The fastest raw write of the chunks found on the embedded server: {@link #RAW_BATCH} chunks a call, one call
     * after the other. One {@code insertMany} of all 41 chunks of a 10 MB file (the baseline until 04/12/2026) took
     * three to four times as long and as much CPU as calls of 4, 8 or 16 (a 10 MB message against 1-4 MB ones), so
     * the file store's own writer, which inserts four or five at a time, beat its "raw" baseline by 2-3 times.
     */
    private static void rawInsert(MongoCollection<org.bson.Document> collection, List<org.bson.Document> chunks) {
        for (int from = 0; from < chunks.size(); from += RAW_BATCH) {
            collection.insertMany(chunks.subList(from, Math.min(chunks.size(), from + RAW_BATCH)));
        }
    }

    /**
     * Seconds elapsed, and seconds of CPU all the process's threads used meanwhile (the server's, the garbage
     * collector's and the compiler's included): the CPU says what a step costs apart from what else the shared
     * machine is doing at that moment. Then, of that, the seconds the JIT compilers worked and the collector's
     * pauses and cycles lasted: a young JVM still compiles what a hand-in runs (perf on 05/12/2026: a third of the
     * process's CPU over the rounds was the C1 and C2 compiler threads).
     */
    private static double[] timed(Runnable action) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long gc = collectorMillis();
        long start = System.nanoTime();
        action.run();
        return new double[] {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
                (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit) / 1e3,
                (collectorMillis() - gc) / 1e3};
    }

    private static long collectorMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(c -> Math.max(0, c.getCollectionTime())).sum();
    }

    /** Lowest, first quartile, median, third quartile, highest. */
    private static String spread(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int last = sorted.size() - 1;
        return round(sorted.get(0)) + " " + round(sorted.get(last / 4)) + " " + round(sorted.get(last / 2)) + " "
                + round(sorted.get(last - last / 4)) + " " + round(sorted.get(last));
    }

    /** 4 threads, 25 hand-ins each, every one a different 3-page .docx on an assignment of its own. */
    private void concurrentHandIns() throws Exception {
        int threads = 4;
        int each = 25;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < threads * each + 4; i++) {
            ids.add(assign("Nộp song song " + i));
        }
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            files.add(docx(paragraphs(27))); // three pages
        }
        for (int i = 0; i < 4; i++) { // warm-up
            require(handIn(unit, ids.get(i), files.get(i), "Dự thảo.docx"), 201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Double>>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = 4 + t * each;
            results.add(pool.submit(() -> {
                List<Double> ms = new ArrayList<>();
                for (int i = first; i < first + each; i++) {
                    long s = System.nanoTime();
                    require(handIn(unit, ids.get(i), files.get(i), "Dự thảo " + i + ".docx"), 201);
                    ms.add((System.nanoTime() - s) / 1e6);
                }
                return ms;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : results) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        figures.put("hand-in with a ~" + files.get(0).length / 1024 + " KB .docx, 4 threads: hand-ins/s", round(all.size() / seconds));
        figures.put("hand-in with a file, 4 threads: p50 (ms)", round(all.get(all.size() / 2)));
        figures.put("hand-in with a file, 4 threads: p99 (ms)", round(all.get((int) Math.ceil(all.size() * 0.99) - 1)));
    }

    /** A 60-page plan (about 30,000 words) and v2 with 5% of its paragraphs edited, 12 added and 6 removed. */
    private void changesOf60Pages() {
        List<String> v1 = paragraphs(60 * 9);
        List<String> v2 = new ArrayList<>(v1);
        for (int i = 0; i < v2.size(); i += 20) {
            String[] words = v2.get(i).split(" ");
            words[words.length / 2] = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
            v2.set(i, String.join(" ", words));
        }
        for (int i = 0; i < 12; i++) {
            v2.add(random.nextInt(v2.size()), sentence(40));
        }
        for (int i = 0; i < 6; i++) {
            v2.remove(random.nextInt(v2.size()));
        }
        String id = assign("Kế hoạch 60 trang");
        byte[] first = docx(v1);
        require(handIn(unit, id, first, "Kế hoạch 60 trang v1.docx"), 201);
        sendBack(id);
        require(handIn(unit, id, docx(v2), "Kế hoạch 60 trang v2.docx"), 201);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        long allocated = 0;
        Map<String, Object> changes = null;
        for (int i = 0; i < 6; i++) {
            long before = totalAllocated(threads);
            long s = System.nanoTime();
            changes = chair.exchange("/api/assignments/" + id + "/drafts/2/changes?from=1", HttpMethod.GET, null,
                    new ParameterizedTypeReference<Map<String, Object>>() {
                    }).getBody();
            ms.add((System.nanoTime() - s) / 1e6);
            allocated = totalAllocated(threads) - before;
        }
        figures.put("60-page plan: paragraphs, words, .docx KB", v1.size() + ", "
                + v1.stream().mapToInt(p -> p.split(" ").length).sum() + ", " + first.length / 1024);
        figures.put("changes v1->v2 over HTTP, first call (ms)", round(ms.get(0)));
        figures.put("changes v1->v2 over HTTP, median of the next 5 (ms)", round(median(ms.subList(1, ms.size()))));
        figures.put("changes v1->v2, memory allocated by one call, all threads (MB)", round(allocated / 1048576.0));
        figures.put("changes v1->v2 figures", changes.get("figures"));
    }

    /**
     * Ten versions of the 60-page plan, each with three paragraphs edited: what each adds to the file store, in BSON
     * bytes as the server holds them (the chunk documents its description names, and the description), read back as
     * raw BSON so nothing is re-encoded or counted as JSON.
     */
    private void storeGrowth(MongoDatabase database) {
        List<String> text = paragraphs(60 * 9);
        String id = assign("Kế hoạch qua 10 phiên bản");
        MongoCollection<RawBsonDocument> files = database.getCollection(FileStore.FILES, RawBsonDocument.class);
        MongoCollection<RawBsonDocument> chunks = database.getCollection(FileStore.CHUNKS, RawBsonDocument.class);
        List<Long> chunkBytes = new ArrayList<>();
        List<Long> descriptionBytes = new ArrayList<>();
        long docxTotal = 0;
        for (int version = 1; version <= 10; version++) {
            if (version > 1) {
                for (int k = 0; k < 3; k++) {
                    int at = random.nextInt(text.size());
                    text.set(at, text.get(at) + " " + sentence(8));
                }
                sendBack(id);
            }
            byte[] docx = docx(text);
            docxTotal += docx.length;
            require(handIn(unit, id, docx, "Kế hoạch v" + version + ".docx"), 201);
            RawBsonDocument description = files.find(Filters.eq("_id", Sha256.hex(docx))).first();
            descriptionBytes.add((long) description.getByteBuffer().remaining());
            String prefix = description.containsKey("chunksOf") ? description.getString("chunksOf").getValue() : Sha256.hex(docx);
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < description.getInt32("chunks").getValue(); n++) {
                ids.add(prefix + "/" + n);
            }
            long bytes = 0;
            for (RawBsonDocument chunk : chunks.find(Filters.in("_id", ids))) {
                bytes += chunk.getByteBuffer().remaining();
            }
            chunkBytes.add(bytes);
        }
        figures.put("10 versions, 3 paragraphs edited each: .docx KB per version (mean)", round(docxTotal / 10.0 / 1024));
        figures.put("10 versions: chunk documents, BSON KB per version", kilobytes(chunkBytes));
        figures.put("10 versions: description, BSON KB per version", kilobytes(descriptionBytes));
        long total = chunkBytes.stream().mapToLong(Long::longValue).sum() + descriptionBytes.stream().mapToLong(Long::longValue).sum();
        figures.put("10 versions: store total, BSON (MB)", round(total / 1048576.0));
    }

    private static String kilobytes(List<Long> bytes) {
        return bytes.stream().map(b -> String.valueOf(round(b / 1024.0))).reduce((a, b) -> a + " " + b).orElse("");
    }

    private static long totalAllocated(com.sun.management.ThreadMXBean threads) {
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    private static RestTemplate withToken(String base, String user) {
        Map<?, ?> issued = new RestTemplateBuilder().rootUri(base).basicAuthentication(user, "demo").build()
                .postForObject("/api/me/tokens", Map.of("label", "bench/files.sh"), Map.class);
        String token = (String) issued.get("token");
        // A default header, as basicAuthentication sets its own: an interceptor would make RestTemplate buffer each
        // form whole (InterceptingClientHttpRequest) before sending a byte, a 10 MB copy in this process and no
        // overlap with the server, which made the token's hand-in look slower than HTTP Basic's (until 04/12/2026).
        return new RestTemplateBuilder().rootUri(base).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private String assign(String title) {
        ResponseEntity<Map<String, Object>> answer = clerk.exchange("/api/assignments", HttpMethod.POST,
                new HttpEntity<>(Map.of("title", title, "kind", "PLAN", "leadUnit", UNIT, "deadline", "2030-12-31",
                        "approvalRoute", List.of("Lãnh đạo UBND thành phố"))),
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
        require(answer, 201);
        return (String) answer.getBody().get("id");
    }

    private void sendBack(String id) {
        require(chair.exchange("/api/assignments/" + id + "/revision-requests", HttpMethod.POST,
                new HttpEntity<>(Map.of("reasons", List.of("Bổ sung số liệu " + random.nextInt(1000)))),
                new ParameterizedTypeReference<Map<String, Object>>() {
                }), 200);
    }

    private static ResponseEntity<Map<String, Object>> handIn(RestTemplate as, String id, byte[] content, String name) {
        return handIn(as, id, content, name, Map.of());
    }

    private static ResponseEntity<Map<String, Object>> handIn(RestTemplate as, String id, byte[] content, String name,
                                                              Map<String, String> fields) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as.exchange("/api/assignments/" + id + "/drafts", HttpMethod.POST, new HttpEntity<>(form, headers),
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
    }

    private static void require(ResponseEntity<?> answer, int status) {
        if (answer.getStatusCode().value() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + answer.getStatusCode() + ": " + answer.getBody());
        }
    }

    private synchronized String sentence(int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            out.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
        }
        return out.toString().strip() + ".";
    }

    /** About nine paragraphs of 25 to 85 words a page, with a numbered heading every tenth. */
    private synchronized List<String> paragraphs(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(i % 10 == 0 ? (i / 10 + 1) + ". " + sentence(6).toUpperCase(new Locale("vi")) : sentence(25 + random.nextInt(60)));
        }
        return out;
    }

    private static byte[] docx(List<String> paragraphs) {
        return docxWithPicture(paragraphs, 0);
    }

    /** A .docx of those paragraphs and, to reach {@code size} bytes, a photograph (incompressible bytes). */
    private static byte[] docxWithPicture(List<String> paragraphs, int size) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraphs.forEach(text -> document.createParagraph().createRun().setText(text));
            if (size > 0) {
                byte[] photo = new byte[size];
                new Random(System.nanoTime()).nextBytes(photo);
                XWPFRun run = document.createParagraph().createRun();
                run.addPicture(new ByteArrayInputStream(photo), Document.PICTURE_TYPE_JPEG, "anh-hien-trang.jpg",
                        3_000_000, 2_000_000);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
