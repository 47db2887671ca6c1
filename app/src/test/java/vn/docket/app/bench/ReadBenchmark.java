package vn.docket.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.app.CaughtUp;
import vn.docket.app.DocketApplication;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.NoticeSource;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.IndexHeap;
import vn.docket.query.audit.AuditIndex;

/**
 * The read side over HTTP as an integration meets it: Docket on its default embedded H2 database,
 * assignments appended in-process as the command side stores them (then projected by the running
 * processors), and Apache {@code ab} with 4 clients and a personal access token on the list (page of 50:
 * no filter, a unit, status and timeliness, folded words) and the dashboard, at each size. Then Docket is
 * restarted on the same data to time its assignment index reading the store, and the index's heap is
 * measured. Run through bench/read.sh.
 */
public final class ReadBenchmark {

    static final List<String> UNITS = List.of("Phòng Tài chính - Kế hoạch", "Phòng Kinh tế", "Phòng Quản lý đô thị",
            "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Ban Chỉ huy Quân sự",
            "Trung tâm Phát triển quỹ đất", "Phòng Tài nguyên và Môi trường");
    static final String LEVEL = "Lãnh đạo UBND thành phố";
    /** A measure whose name starts so is asked by the demo's unit staff member tckh; the others by the clerk. */
    static final String STAFF = "unit staff: ";
    /** Assignments appended per write: the seeding is not what is measured. */
    static final int PER_APPEND = 250;
    /** The first assignment, whose plan path the benchmark reads. */
    static final UUID PROBE = new UUID(19, 0);
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>(List.of(1_000, 50_000));
        int requests = 400;
        int warmup = 40;
        Path keep = null;
        List<String> only = List.of();
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                only = List.of(arg.substring("--only=".length()).split(","));
            } else if (arg.startsWith("--data=")) {
                keep = Path.of(arg.substring("--data=".length()));
            } else if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(arg.substring("--warmup=".length()));
            } else if (arg.startsWith("--requests=")) {
                requests = Integer.parseInt(arg.substring("--requests=".length()));
            } else if (arg.startsWith("--sizes=")) {
                sizes.clear();
                for (String s : arg.substring("--sizes=".length()).split(",")) {
                    sizes.add(Integer.parseInt(s));
                }
            }
        }
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        Path data = Files.createTempDirectory("docket-read-bench");
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("list", "/api/assignments?size=50");
        paths.put("list, unit", "/api/assignments?size=50&unit=" + enc(UNITS.get(1)));
        paths.put("list, status+timeliness", "/api/assignments?size=50&status=ASSIGNED&timeliness=OVERDUE");
        paths.put("list, q", "/api/assignments?size=50&q=" + enc("ke hoach chuyen doi"));
        paths.put("dashboard", "/api/stats/dashboard");
        // A unit's staff see what their unit leads or coordinates and the work it feeds: the demo's tckh, of UNITS.get(0).
        paths.put(STAFF + "list", "/api/assignments?size=50");
        paths.put(STAFF + "dashboard", "/api/stats/dashboard");
        // What else a person reads on every page (the bell's count) and on an assignment's page (its plan path),
        // and the auditor's first page.
        paths.put("plan path of one", "/api/assignments/" + PROBE + "/path");
        paths.put("bell's unread count", "/api/notifications/unread");
        // The bell opened: its ten newest, as the header asks for them (layout.js).
        paths.put("bell's list", "/api/notifications?size=10");
        paths.put("audit log, page 1", "/api/audit?size=50");
        paths.put("revision statistics", "/api/stats/revision-cycles");
        // As the statistics page asks for it: without the points, which it does not show.
        paths.put("revision stats, page's", "/api/stats/revision-cycles?points=false");
        paths.put("notices, page 1", "/api/notices?size=50");
        if (!only.isEmpty()) {
            // The rows a change is about, measured without waiting for the others.
            List<String> wanted = only;
            paths.keySet().removeIf(name -> wanted.stream().noneMatch(name::contains));
        }
        Map<Integer, Map<String, long[]>> figures = new LinkedHashMap<>();
        if (keep == null) {
            try (ConfigurableApplicationContext docket = start(data)) {
                int port = ((WebServerApplicationContext) docket).getWebServer().getPort();
                Map<String, String> tokens = Map.of("clerk", token(port, "clerk"), "tckh", token(port, "tckh"));
                EventStore store = docket.getBean(EventStore.class);
                Random random = new Random(19);
                int stored = 0;
                for (int size : sizes) {
                    long start = System.nanoTime();
                    append(store, random, stored, size);
                    stored = size;
                    waitUntilCaughtUp(docket, store);
                    System.err.printf(Locale.ROOT, "%,d assignments stored and projected in %.0f s%n", size,
                            (System.nanoTime() - start) / 1e9);
                    figures.put(size, measure(port, tokens, paths, requests, warmup, size == sizes.get(0)));
                }
            }
        } else {
            // Each size in a directory of its own under --data, seeded once (50,000 take about 10 minutes) and
            // measured again by every later run on a Docket started on it.
            for (int size : sizes) {
                data = keep.resolve(String.valueOf(size));
                Path seeded = data.resolve("seeded");
                boolean fresh = !Files.exists(seeded);
                if (fresh && Files.isDirectory(data)) {
                    // A run stopped while seeding: seeding again on top would append a second history.
                    throw new IllegalStateException(data + " was not seeded to the end: delete it and run again");
                }
                Files.createDirectories(data);
                try (ConfigurableApplicationContext docket = start(data)) {
                    int port = ((WebServerApplicationContext) docket).getWebServer().getPort();
                    Map<String, String> tokens = Map.of("clerk", token(port, "clerk"), "tckh", token(port, "tckh"));
                    EventStore store = docket.getBean(EventStore.class);
                    long start = System.nanoTime();
                    if (fresh) {
                        append(store, new Random(19), 0, size);
                    }
                    waitUntilCaughtUp(docket, store);
                    System.err.printf(Locale.ROOT, "%,d assignments %s in %.0f s%n", size,
                            fresh ? "stored and projected" : "read again", (System.nanoTime() - start) / 1e9);
                    if (fresh) {
                        Files.writeString(seeded, size + "\n");
                    }
                    figures.put(size, measure(port, tokens, paths, requests, warmup, size == sizes.get(0)));
                }
            }
        }
        // A node starting on what is stored: how long until its index has read the store, and what it holds.
        long restart = System.nanoTime();
        double catchUp = Double.NaN;
        long heap = 0;
        long auditHeap = 0;
        // Not with --only: a look at a few rows need not wait for a restart.
        if (only.isEmpty()) {
            try (ConfigurableApplicationContext docket = start(data)) {
                double started = (System.nanoTime() - restart) / 1e9;
                AssignmentIndex index = docket.getBean(AssignmentIndex.class);
                Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(20)).until(index::caughtUp);
                catchUp = (System.nanoTime() - restart) / 1e9;
                System.err.printf(Locale.ROOT, "restarted: context up in %.1f s, index caught up %.1f s after the start%n",
                        started, catchUp);
                heap = IndexHeap.of(docket.getBean(EventStore.class), IndexHeap.assignmentIndex());
                auditHeap = IndexHeap.of(docket.getBean(EventStore.class), new AuditIndex());
            }
        }

        System.out.printf(Locale.ROOT, "%-24s", "request");
        sizes.forEach(n -> System.out.printf(Locale.ROOT, " %,9d p50/p99 ms CPU ms", n));
        System.out.printf(Locale.ROOT, " %10s %8s%n", "p99 ratio", "bytes");
        for (String name : paths.keySet()) {
            System.out.printf(Locale.ROOT, "%-24s", name);
            for (int n : sizes) {
                long[] f = figures.get(n).get(name);
                System.out.printf(Locale.ROOT, " %12d/%-5d %6.2f", f[0], f[1], f[3] / 1e6);
            }
            long[] first = figures.get(sizes.get(0)).get(name);
            long[] last = figures.get(sizes.get(sizes.size() - 1)).get(name);
            System.out.printf(Locale.ROOT, " %10.2f %8d%n", (double) last[1] / Math.max(1, first[1]), last[2]);
        }
        if (only.isEmpty()) {
            System.out.printf(Locale.ROOT, "indexes at %,d assignments: caught up %.1f s after a restart began, heap %.1f MB"
                    + " (assignments) and %.1f MB (audit log)%n", sizes.get(sizes.size() - 1), catchUp, heap / 1e6, auditHeap / 1e6);
        }
        System.out.printf(Locale.ROOT, "load average before: %s; after: %s%n", loadBefore,
                Files.readString(Path.of("/proc/loadavg")).trim());
        // Threads of the closed Docket (the embedded server's among them) would keep the JVM alive.
        System.exit(0);
    }

    /**
     * {p50, p99, bytes, CPU ns a request} of each path after a warm-up ({@code --warmup}, 40 requests by default, as
     * the figures until 05/12/2026 had; a node that has served a day's requests runs code the JIT compiled long ago,
     * where 40 leave much of it being compiled beside the measured requests). The CPU is this process's (Docket
     * and its embedded database, all threads, the collector's too) over the measured requests: on a machine others
     * share, it says what a request costs where the latencies say mostly how long it waited.
     *
     * <p>{@code first}: the first size measured in this JVM, which first sends every row's requests once unmeasured.
     * Until 07/12/2026 it did not, and the first size ran code the later ones found compiled, with the compiler's
     * threads' CPU counted in its own: at 1,000 a list cost 5 ms of CPU a request and at 50,000 2.5, which flattered
     * every ratio to the first size.
     */
    private static Map<String, long[]> measure(int port, Map<String, String> tokens, Map<String, String> paths, int requests,
                                               int warmup, boolean first) throws Exception {
        if (first) {
            for (Map.Entry<String, String> p : paths.entrySet()) {
                ab("http://127.0.0.1:" + port + p.getValue(), tokenFor(p.getKey(), tokens), requests);
            }
        }
        Map<String, long[]> measured = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : paths.entrySet()) {
            String url = "http://127.0.0.1:" + port + p.getValue();
            String token = tokenFor(p.getKey(), tokens);
            ab(url, token, warmup);
            long cpu = PROCESS.getProcessCpuTime();
            long[] f = ab(url, token, requests);
            measured.put(p.getKey(), new long[] {f[0], f[1], f[2], (PROCESS.getProcessCpuTime() - cpu) / requests});
        }
        return measured;
    }

    /** The unit staff member's token for a row named {@link #STAFF}..., else the clerk's. */
    private static String tokenFor(String row, Map<String, String> tokens) {
        return tokens.get(row.startsWith(STAFF) ? "tckh" : "clerk");
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(DocketApplication.class).run(
                "--docket.mongo.embedded.data-dir=" + data, "--docket.mongo.embedded.port=0", "--server.port=0",
                // A busy machine: the 1 s default can give up before the embedded server answers.
                "--docket.mongo.timeouts.server-selection=30s",
                "--docket.security.demo-users=true", "--logging.level.root=WARN", "--logging.level.vn.docket=WARN");
    }

    /** A personal access token of a demo user, made once with HTTP Basic; the measured requests use it. */
    private static String token(int port, String user) throws Exception {
        HttpResponse<String> made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/me/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"read benchmark\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (made.statusCode() != 201) {
            throw new IllegalStateException("No token: " + made.statusCode() + " " + made.body());
        }
        return (String) new ObjectMapper().readValue(made.body(), Map.class).get("token");
    }

    /** {p50 ms, p99 ms, document bytes} of {@code ab -n requests -c 4}. */
    private static long[] ab(String url, String token, int requests) throws Exception {
        Process ab = new ProcessBuilder("ab", "-q", "-n", String.valueOf(requests), "-c", "4",
                "-H", "Authorization: Bearer " + token, url).redirectErrorStream(true).start();
        long p50 = -1;
        long p99 = -1;
        long bytes = -1;
        long failed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(ab.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String l = line.trim();
                if (l.startsWith("50%")) {
                    p50 = Long.parseLong(l.split("\\s+")[1]);
                } else if (l.startsWith("99%")) {
                    p99 = Long.parseLong(l.split("\\s+")[1]);
                } else if (l.startsWith("Document Length:")) {
                    bytes = Long.parseLong(l.split("\\s+")[2]);
                } else if (l.startsWith("Non-2xx responses:")) {
                    failed += Long.parseLong(l.substring(l.indexOf(':') + 1).trim().split("\\s+")[0]);
                }
            }
        }
        if (ab.waitFor() != 0 || failed > 0) {
            throw new IllegalStateException("ab failed on " + url + " (" + failed + " non-2xx answers)");
        }
        return new long[] {p50, p99, bytes};
    }

    /** Assignments from {@code from} to {@code to}: eight units, deadlines over five years, a third handed in, a sixth sent back once and then approved. */
    private static void append(EventStore store, Random random, int from, int to) {
        Actor clerk = new Actor("clerk", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", Role.CLERK);
        Actor unit = new Actor("tckh", "Trần Văn Minh", UNITS.get(0), Role.UNIT_STAFF);
        Actor chair = new Actor("chair", "Hoàng Văn Nam", LEVEL, Role.CHAIR);
        LocalDate first = LocalDate.of(2022, 1, 1);
        String[] subjects = {"chuyển đổi số", "phòng chống lụt bão", "cải cách hành chính", "xây dựng nông thôn mới",
            "phát triển du lịch", "quản lý đất đai"};
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            UUID id = i == 0 ? PROBE : UUID.randomUUID();
            UUID notice = new UUID(7, i / 10);
            // In the order an office assigns them: each load spreads its assignments over five years.
            LocalDate assigned = first.plusDays((long) (i - from) * 5 * 365 / (to - from));
            LocalDate deadline = assigned.plusDays(10 + random.nextInt(80));
            if (i % 10 == 0) {
                // Ten items a notice, registered by the clerk (the notices list).
                events.add(new GenericDomainEventMessage<>("Notice", notice.toString(), 0, new NoticeRegistered(notice, new NoticeParticulars((100 + i / 10) + "/TB-UBND", "UBND thành phố Lạng Sơn", "TP. Lạng Sơn", assigned, null, assigned,
                        "Nguyễn Văn Hạnh", null, "Hoàng Quân"), null, 10, assigned),
                        MetaData.from(EventMetadata.of(clerk, UUID.randomUUID().toString()))));
            }
            String title = (random.nextBoolean() ? "Kế hoạch " : "Báo cáo ") + subjects[random.nextInt(subjects.length)] + " số " + i;
            events.add(event(id, 0, clerk, NewTask.task().id(id).title(title).leadUnit(UNITS.get(random.nextInt(UNITS.size())))
                    .coordinatingUnits(random.nextBoolean() ? List.of() : List.of(UNITS.get(random.nextInt(UNITS.size()))))
                    .deadline(deadline).route(List.of(LEVEL)).source(new NoticeSource((100 + i / 10) + "/TB-UBND", i % 10 + 1, notice))
                    .effectiveDate(assigned).assigned()));
            String lead = ((TaskAssigned) events.get(events.size() - 1).getPayload()).leadUnit();
            // Every task is chased a few working days before its deadline (the unit's bell).
            events.add(event(id, 1, Actor.SYSTEM, new ReminderSent(id, lead, ReminderSent.Kind.BEFORE_DEADLINE, deadline, 3, null,
                    deadline.minusDays(5))));
            int fate = random.nextInt(6);
            if (fate <= 1) {
                LocalDate handedIn = assigned.plusDays(random.nextInt(90));
                events.add(event(id, 2, unit, new DraftSubmitted(id, 1, "v1.docx", null, "https://vanban.example.vn/" + i, null, handedIn)));
                if (fate == 1) {
                    // Sent back once with two points, then approved (the revision statistics' rounds).
                    events.add(event(id, 3, chair, new RevisionRequested(id, 1, LEVEL, List.of("Bổ sung số liệu",
                            "Làm rõ lộ trình"), null, handedIn.plusDays(3))));
                    events.add(event(id, 4, unit, new DraftSubmitted(id, 2, "v2.docx", null, "https://vanban.example.vn/"
                            + i + "/2", null, handedIn.plusDays(10))));
                    events.add(event(id, 5, chair, new DraftApproved(id, 2, LEVEL, true, null, null, handedIn.plusDays(12))));
                }
            } else if (fate == 2) {
                // One in six is missed: the unit and the clerks are told (the clerk's bell).
                events.add(event(id, 2, Actor.SYSTEM, new DeadlineMissed(id, lead, deadline, deadline.plusDays(1))));
            }
            if ((i + 1 - from) % PER_APPEND == 0 || i + 1 == to) {
                store.publish(events);
                events.clear();
            }
            if ((i + 1) % 5000 == 0) {
                System.err.printf("appended %,d of %,d assignments%n", i + 1, to);
            }
        }
    }

    private static GenericDomainEventMessage<?> event(UUID id, long seq, Actor actor, Object payload) {
        return new GenericDomainEventMessage<>("Assignment", id.toString(), seq, payload,
                MetaData.from(EventMetadata.of(actor, UUID.randomUUID().toString())));
    }

    /** Until the list's read model and the index have every event stored, saying how far they are every 10 s. */
    private static void waitUntilCaughtUp(ConfigurableApplicationContext docket, EventStore store) {
        EventProcessingConfiguration processing = docket.getBean(EventProcessingConfiguration.class);
        CaughtUp.await(store, Duration.ofHours(1), List.of(
                processing.eventProcessor("assignment-list", StreamingEventProcessor.class).orElseThrow(),
                processing.eventProcessor(AssignmentIndex.NAME, StreamingEventProcessor.class).orElseThrow(),
                processing.eventProcessor("plan-path", StreamingEventProcessor.class).orElseThrow(),
                processing.eventProcessor("notifications", StreamingEventProcessor.class).orElseThrow(),
                processing.eventProcessor("audit-log", StreamingEventProcessor.class).orElseThrow(),
                processing.eventProcessor("notices", StreamingEventProcessor.class).orElseThrow()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
