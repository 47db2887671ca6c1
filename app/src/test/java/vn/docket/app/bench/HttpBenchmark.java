package vn.docket.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.web.client.RestTemplate;
import vn.docket.app.DocketApplication;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.dispatch.CommandDispatcher;
import vn.docket.events.Actor;
import vn.docket.events.DeliverableKind;
import vn.docket.platform.security.DemoUsers;

/**
 * A command over HTTP against the same command in-process, in one Docket on its default start (embedded server,
 * H2 backend, data in a temporary directory), demo users. In-process: {@code AssignTask} through Docket's own
 * {@link CommandDispatcher} from 4 threads. Over HTTP: Apache {@code ab -k -c 4} sending
 * {@code POST /api/assignments} with a clerk's personal access token. Three rounds of each, alternating, medians
 * reported; {@code GET /api/me} with the token as the floor of the door. With {@code --jfr=FILE} a fourth,
 * unmeasured HTTP round runs under a flight recording, summarised by where its samples are.
 * Run with {@code bench/http.sh}; prints a table and one JSON line; progress on stderr.
 */
public final class HttpBenchmark {

    private static final String BODY = "{\"title\":\"Xây dựng kế hoạch chỉnh trang đô thị các tuyến phố trung tâm năm 2027\","
            + "\"kind\":\"PLAN\",\"leadUnit\":\"Phòng Quản lý đô thị\",\"coordinatingUnits\":[\"Phòng Tài chính - Kế hoạch\"],"
            + "\"deadline\":\"2027-06-30\",\"approvalRoute\":[\"Lãnh đạo UBND thành phố\"]}";
    private static final int ROUNDS = 3;
    private static final int CLIENTS = 4;

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final DatabaseTime databaseTime = new DatabaseTime();
    private final int requests;
    private final int warmup;
    private final double seconds;
    private final Path jfr;
    /** Options named like Docket's own properties ({@code --docket.x=y}, {@code --logging.x=y}) go to Docket as they are. */
    private final List<String> docketProperties = new ArrayList<>();
    /** Requests not answered 2xx, over every round (the warm-up's included), and the longest create. */
    private int not2xx;
    private double longestCreate;
    private Path work;
    private String base;
    private String token;

    private HttpBenchmark(Map<String, String> options) {
        requests = Integer.parseInt(options.getOrDefault("requests", "3000"));
        warmup = Integer.parseInt(options.getOrDefault("warmup", "1000"));
        seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
        jfr = options.containsKey("jfr") ? Path.of(options.get("jfr")).toAbsolutePath() : null;
        options.forEach((name, value) -> {
            if (name.startsWith("docket.") || name.startsWith("logging.")) {
                docketProperties.add("--" + name + "=" + value);
            }
        });
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String a = arg.replaceFirst("^--", "");
            int eq = a.indexOf('=');
            options.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
        }
        int status = 0;
        try {
            new HttpBenchmark(options).run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // Axon's janitor thread is not a daemon and outlives the context; without this the run never ends.
        System.exit(status);
    }

    private void run() throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        work = Files.createTempDirectory("docket-http-bench");
        progress("Docket on the embedded H2 backend, data in " + work);
        List<String> arguments = new ArrayList<>(List.of(
                "--docket.mongo.embedded.data-dir=" + work.resolve("data"), "--docket.mongo.embedded.port=0",
                "--server.port=0", "--docket.security.demo-users=true",
                "--logging.level.root=WARN", "--logging.level.vn.docket=WARN"));
        arguments.addAll(docketProperties); // later arguments win
        try (ConfigurableApplicationContext docket = new SpringApplicationBuilder(DocketApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchDatabaseTime", databaseTime))
                .run(arguments.toArray(String[]::new))) {
            base = "http://127.0.0.1:" + docket.getEnvironment().getProperty("local.server.port");
            token = issueToken();
            Files.writeString(work.resolve("body.json"), BODY, StandardCharsets.UTF_8);
            CommandDispatcher commands = docket.getBean(CommandDispatcher.class);
            Actor clerk = DemoUsers.actor("clerk");

            progress("Warming up: in-process for " + seconds + " s, then " + warmup + " creates and GET /api/me over HTTP");
            inProcess(commands, clerk, seconds);
            tally(ab(warmup, true), warmup);
            tally(ab(warmup, false), warmup);

            Ab me = ab(requests, false);
            tally(me, requests);
            figures.put("GET /api/me with a token, ab -k -c 4: req/s", round(me.rate));
            figures.put("GET /api/me: p50 / p99 (ms)", me.p50 + " / " + me.p99);

            double[] local = new double[ROUNDS];
            double[] localP50 = new double[ROUNDS];
            double[] localP99 = new double[ROUNDS];
            double[] http = new double[ROUNDS];
            double[] p50 = new double[ROUNDS];
            double[] p99 = new double[ROUNDS];
            double[] localCpu = new double[ROUNDS];
            double[] httpCpu = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long cpu = processCpuNanos();
                InProcess inside = inProcess(commands, clerk, seconds);
                localCpu[round] = (processCpuNanos() - cpu) / 1e6 / inside.count();
                local[round] = inside.rate();
                localP50[round] = inside.p50();
                localP99[round] = inside.p99();
                cpu = processCpuNanos();
                Ab post = ab(requests, true);
                httpCpu[round] = (processCpuNanos() - cpu) / 1e6 / requests;
                tally(post, requests);
                http[round] = post.rate;
                p50[round] = post.p50;
                p99[round] = post.p99;
                progress(String.format(Locale.ROOT, "round %d: in-process %.0f cmd/s, p50 %.1f ms, p99 %.1f ms, CPU %.1f ms;"
                        + " HTTP %.0f req/s, p50 %.0f ms, p99 %.0f ms, CPU %.1f ms", round + 1, local[round], localP50[round],
                        localP99[round], localCpu[round], post.rate, post.p50, post.p99, httpCpu[round]));
            }
            figures.put("AssignTask in-process, 4 threads, median of 3 (cmd/s)", round(median(local)));
            figures.put("AssignTask in-process: p50 / p99 of a command, medians (ms)",
                    round(median(localP50)) + " / " + round(median(localP99)));
            figures.put("POST /api/assignments with a token, ab -k -c 4, median of 3 (req/s)", round(median(http)));
            figures.put("POST /api/assignments: p50 / p99, medians (ms)", median(p50) + " / " + median(p99));
            figures.put("POST /api/assignments: worst p99 of the rounds (ms)", Arrays.stream(p99).max().orElse(0));
            figures.put("requests not answered 2xx, every round (warm-up included)", not2xx);
            figures.put("longest create, every round (ms)", longestCreate);
            figures.put("HTTP / in-process (goal >= 0.50)", round(median(http) / median(local)));
            // What a create costs the whole process (every thread: the command, the projections catching up on it, the
            // embedded server, the collector, the compiler), measured over the round; ab runs in its own process.
            figures.put("CPU of the process per create, in-process / HTTP, medians (ms)",
                    round(median(localCpu)) + " / " + round(median(httpCpu)));
            figures.put("rounds in-process (cmd/s)", Arrays.toString(local));
            figures.put("rounds HTTP (req/s)", Arrays.toString(http));
            figures.put("load average after the rounds", Files.readString(Path.of("/proc/loadavg")).strip());

            System.out.println();
            figures.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-72s %s%n", k, v));
            System.out.println(new ObjectMapper().writeValueAsString(figures));
            if (jfr != null) {
                profile();
            }
        } finally {
            // The data file grows by a chunk per commit: hundreds of MB for a run, of no use afterwards.
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private String issueToken() {
        RestTemplate clerk = new RestTemplateBuilder().rootUri(base).basicAuthentication("clerk", DemoUsers.PASSWORD).build();
        Map<?, ?> issued = clerk.exchange(RequestEntity.post("/api/me/tokens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("label", "http bench")), Map.class).getBody();
        return (String) issued.get("token");
    }

    /**
     * AssignTask as the HTTP door sends it, as the clerk, from {@link #CLIENTS} threads for the given time: the rate,
     * and the p50 and p99 of a command's own time, the floor under the same creates' latency over HTTP.
     */
    private static InProcess inProcess(CommandDispatcher commands, Actor clerk, double seconds) throws InterruptedException {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        List<long[]> timesPerThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            long[] times = new long[200_000];
            timesPerThread.add(times);
            Thread worker = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < until && n < times.length) {
                    long start = System.nanoTime();
                    commands.sendAs(clerk, new AssignTask(UUID.randomUUID(),
                            "Xây dựng kế hoạch chỉnh trang đô thị các tuyến phố trung tâm năm 2027", DeliverableKind.PLAN,
                            "Phòng Quản lý đô thị", List.of("Phòng Tài chính - Kế hoạch"), LocalDate.of(2027, 6, 30),
                            List.of("Lãnh đạo UBND thành phố"), null, null, null));
                    times[n++] = System.nanoTime() - start;
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = timesPerThread.stream().flatMapToLong(times -> Arrays.stream(times).filter(t -> t > 0)).sorted().toArray();
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new InProcess(all.length, Math.round(all.length / elapsed), all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6);
    }

    private record InProcess(int count, double rate, double p50, double p99) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One more HTTP round, unmeasured, under a flight recording; then where its samples are. */
    private void profile() throws Exception {
        progress("Profiling " + requests + " creates over HTTP into " + jfr);
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            databaseTime.recording = true;
            Ab profiled = ab(requests, true);
            databaseTime.recording = false;
            // Reported, not required: the profile is most useful precisely when something went wrong.
            System.out.printf(Locale.ROOT, "%nprofiled round: %d of %d complete, %d not 2xx, %.0f req/s, p50 %.0f ms, p99 %.0f ms%n",
                    profiled.complete, requests, profiled.non2xx, profiled.rate, profiled.p50, profiled.p99);
            recording.stop();
            recording.dump(jfr);
        }
        summarise(jfr);
        databaseTime.print(requests);
    }

    /**
     * Each execution sample goes to the first frame, from the top, that is not the JDK's own (java., jdk., sun.):
     * the library or Docket package that asked for the work; shares of all samples, by package and by thread.
     */
    static void summarise(Path recording) throws IOException {
        Map<String, Integer> byPackage = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> marked = new LinkedHashMap<>();
        Map<String, String> markers = new LinkedHashMap<>();
        markers.put("H2 commit (WholeWritesH2Backend.commit)", "vn.docket.platform.mongo.WholeWritesH2Backend.commit");
        markers.put("personal token sign-in (its reads)", "vn.docket.platform.users.UserAccounts.signInWithToken");
        markers.put("Axon command handling (gateway, aggregate, unit of work)", "org.axonframework.commandhandling");
        markers.put("Docket event store append", "vn.docket.platform.eventstore.DocketEventStorageEngine.append");
        markers.put("deadline scheduling", "vn.docket.command.deadlines.MongoDeadlineManager.schedule");
        markers.put("Jackson", "com.fasterxml.jackson.");
        markers.put("the MongoDB driver", "com.mongodb.");
        markers.put("the embedded server (mongo-java-server)", "de.bwaldvogel.");
        markers.put("H2 MVStore", "org.h2.");
        markers.put("logging", "ch.qos.logback.");
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String owner = "(JDK only)";
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                    owner = packageOf(type);
                    break;
                }
            }
            byPackage.merge(owner, 1, Integer::sum);
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            byThread.merge(thread == null ? "?" : thread.replaceAll("\\d+", "#"), 1, Integer::sum);
            for (Map.Entry<String, String> marker : markers.entrySet()) {
                for (RecordedFrame frame : frames) {
                    String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                    if (name.startsWith(marker.getValue())) {
                        marked.merge(marker.getKey(), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        System.out.println("\nexecution samples: " + total);
        print("by the first non-JDK frame's package", byPackage, total, 20);
        print("by thread", byThread, total, 12);
        print("anywhere in the stack (overlapping)", marked, total, marked.size());
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.println("\n" + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    /** The first four segments of a class's package: enough to tell Spring Security from Spring MVC. */
    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        int n = Math.min(parts.length - 1, 4);
        return String.join(".", Arrays.copyOf(parts, Math.max(n, 1)));
    }

    /**
     * What Docket asked of the database while {@link #recording}, every thread: per command, collection and the
     * shape of its filter (field names and operators, no values), how often and how long the answers took.
     */
    static final class DatabaseTime implements CommandListener {
        volatile boolean recording;
        private final Map<Integer, String> started = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> count = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (recording) {
                started.put(event.getRequestId(), describe(event.getCommandName(), event.getCommand()));
            }
        }

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            done(event.getRequestId(), event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
        }

        @Override
        public void commandFailed(CommandFailedEvent event) {
            done(event.getRequestId(), event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
        }

        private void done(int requestId, long elapsed) {
            String what = started.remove(requestId);
            if (what != null) {
                count.computeIfAbsent(what, k -> new LongAdder()).increment();
                nanos.computeIfAbsent(what, k -> new LongAdder()).add(elapsed);
            }
        }

        private static String describe(String name, BsonDocument command) {
            BsonValue collection = command.get(name);
            BsonDocument filter = switch (name) {
                case "find" -> command.getDocument("filter", new BsonDocument());
                case "findAndModify" -> command.getDocument("query", new BsonDocument());
                case "update" -> command.getArray("updates").get(0).asDocument().getDocument("q");
                case "delete" -> command.getArray("deletes").get(0).asDocument().getDocument("q");
                default -> new BsonDocument();
            };
            return name + " " + (collection != null && collection.isString() ? collection.asString().getValue() : "")
                    + " " + shape(filter);
        }

        private static String shape(BsonValue value) {
            if (value.isDocument()) {
                StringBuilder b = new StringBuilder("{");
                value.asDocument().forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k)
                        .append(k.startsWith("$") || v.isDocument() ? ": " + shape(v) : ""));
                return b.append("}").toString();
            }
            return value.isArray() && !value.asArray().isEmpty() ? "[" + shape(value.asArray().get(0)) + "...]" : "";
        }

        void print(int requests) {
            System.out.println("\ndatabase commands during the profiled round (all threads), by total time:");
            nanos.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparingLong(LongAdder::sum).reversed()))
                    .limit(20).forEach(e -> System.out.printf(Locale.ROOT, "  %8.0f ms %7d x %6.2f per create  %s%n",
                            e.getValue().sum() / 1e6, count.get(e.getKey()).sum(),
                            count.get(e.getKey()).sum() / (double) requests, e.getKey()));
        }
    }

    private record Ab(boolean post, int complete, int failed, int non2xx, double rate, double p50, double p99, double max) {
    }

    /** Apache ab with keep-alive and {@link #CLIENTS} clients: creates ({@code post}) or {@code GET /api/me}. */
    private Ab ab(int n, boolean post) throws IOException, InterruptedException {
        // -s 120: ab's own 30 s timeout would end the run where Docket answers 503 after its 30 s read timeout.
        List<String> command = new ArrayList<>(List.of("ab", "-q", "-k", "-s", "120", "-n", String.valueOf(n), "-c", String.valueOf(CLIENTS),
                "-H", "Authorization: Bearer " + token));
        if (post) {
            command.addAll(List.of("-p", work.resolve("body.json").toString(), "-T", "application/json"));
        }
        command.add(base + (post ? "/api/assignments" : "/api/me"));
        Process ab = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(ab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ab.waitFor() != 0) {
            throw new IllegalStateException("ab failed:\n" + out);
        }
        return new Ab(post, (int) number(out, "Complete requests:\\s+(\\d+)"), (int) number(out, "Failed requests:\\s+(\\d+)"),
                (int) number(out, "Non-2xx responses:\\s+(\\d+)"), number(out, "Requests per second:\\s+([\\d.]+)"),
                number(out, "\\n\\s+50%\\s+(\\d+)"), number(out, "\\n\\s+99%\\s+(\\d+)"),
                number(out, "\\n\\s+100%\\s+(\\d+)"));
    }

    /**
     * A round's failures are counted, not required, so that a run long enough to meet the data file's compaction
     * (e.g. {@code --docket.mongo.embedded.compact-every=2m}) reports them and the longest create.
     */
    private void tally(Ab ab, int n) {
        not2xx += n - ab.complete + ab.non2xx; // ab's "failed" counts these again (their length differs)
        if (ab.post) {
            longestCreate = Math.max(longestCreate, ab.max);
        }
        if (ab.complete != n || ab.non2xx != 0 || ab.failed != 0) {
            progress("ab: " + ab.complete + " of " + n + " complete, " + ab.non2xx + " not 2xx, " + ab.failed + " failed");
        }
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void progress(String message) {
        System.err.println(message);
    }
}
