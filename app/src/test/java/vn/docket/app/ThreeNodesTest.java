package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.Filter;
import java.net.ConnectException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import vn.docket.events.ReminderSent;
import vn.docket.events.TaskAssigned;
import vn.docket.platform.testing.MutableClock;
import vn.docket.query.assignments.AssignmentIndex;

/**
 * Three Docket nodes (each the whole app, as in production) on one database, the way several nodes run
 * behind a load balancer: commands to any node, the projections' segments shared among the nodes, a node
 * killed while it works and its segments taken over, a rolling restart under load, and a reminder that
 * three nodes could each send sent once. The database is a MongoDB-wire server of the test's own, so any
 * node can go away without taking the data with it (with {@code DOCKET_MONGO_URI} set, a fresh database
 * on that MongoDB). The tests run in order on one cluster, the kill last: the others need three live nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodesTest {

    private static final String UNIT = "Phòng Quản lý đô thị";
    private static final String UNIT_MAIL = "qldt@ubnd.example.vn";
    private static final List<String> ROUTE = List.of("Lãnh đạo UBND thành phố");
    /** Each projection's segments: docket.cluster.segments, set to four here; plan-path keeps all in one. */
    private static final List<Integer> SEGMENTS = List.of(0, 1, 2, 3);
    private static final Map<String, List<Integer>> SEGMENTS_OF = Map.of("plan-path", List.of(0));

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    private static StoppableDatabase database;
    /** The database every node uses: the test's own server, or a fresh one on {@code DOCKET_MONGO_URI}. */
    private static String[] databaseArgs;
    private static final Node[] nodes = new Node[3];

    /** One Docket process; {@code live} is whether the load balancer sends it requests. */
    static final class Node {
        final String name;
        volatile ConfigurableApplicationContext app;
        volatile DocketClient client;
        volatile boolean live;

        Node(String name) {
            this.name = name;
        }

        /** Requests the balancer sent this node, and those the node has begun to handle (a servlet filter). */
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();

        void start() {
            sent.set(0);
            received.set(0);
            answered.set(0);
            app = new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class)
                    .initializers(context -> ((GenericApplicationContext) context).registerBean("countsRequests",
                            Filter.class, () -> (request, response, chain) -> {
                                received.incrementAndGet();
                                chain.doFilter(request, response);
                            }))
                    .profiles("test")
                    .run(databaseArgs[0], databaseArgs[1],
                            "--docket.cluster.segments=" + SEGMENTS.size(),
                            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                            "--docket.notifications.recipients[0].unit=" + UNIT,
                            "--docket.notifications.recipients[0].email=" + UNIT_MAIL);
            client = RestartTest.client(app);
            live = true;
        }

        /** The segments this node works on, by projection. */
        Map<String, Set<Integer>> segments() {
            Map<String, Set<Integer>> held = new HashMap<>();
            app.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
                if (processor instanceof TrackingEventProcessor tracking) {
                    held.put(name, new TreeSet<>(tracking.processingStatus().keySet()));
                }
            });
            return held;
        }

        /**
         * As a crash would: the node loses the database first (so it neither stores its positions nor hands
         * its claims back), then it stops.
         */
        void kill() {
            live = false;
            app.getBean(MongoClient.class).close();
            app.close();
        }
    }

    @BeforeAll
    static void startThreeNodes() {
        database = new StoppableDatabase();
        String external = System.getenv("DOCKET_MONGO_URI");
        databaseArgs = external == null || external.isBlank()
                ? new String[] {"--docket.mongo.uri=" + database.uri(), "--docket.mongo.database=docket"}
                : new String[] {"--docket.mongo.uri=" + external,
                        "--docket.mongo.database=docket_three_nodes_" + UUID.randomUUID().toString().substring(0, 8)};
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new Node("node " + (i + 1));
            nodes[i].start();
        }
    }

    @AfterAll
    static void stopThem() {
        for (Node node : nodes) {
            if (node != null && node.app != null) {
                node.app.close();
            }
        }
        database.close();
    }

    @Test
    @Order(1)
    void each_node_takes_a_share_of_every_projection_and_a_command_on_any_node_is_seen_on_the_others() {
        awaitSegmentsSharedBy(List.of(nodes));

        String id = Walks.assign(nodes[0].client, "Báo cáo tiến độ dự án nút giao thông", UNIT, "2021-12-30", ROUTE);
        Walks.draft(nodes[1].client, "qldt", id, "2021-05-03");
        Map<String, Object> seen = nodes[2].client.await("auditor", "/api/assignments/" + id + "/path",
                p -> ((List<?>) p.get("steps")).size() == 2);
        assertThat(seen).isNotNull();
        assertThat(nodes[2].client.getOk("auditor", "/api/assignments/" + id)).containsEntry("title",
                "Báo cáo tiến độ dự án nút giao thông");
    }

    @Test
    @Order(2)
    void the_chair_approving_one_draft_on_three_nodes_at_once_approves_it_once() throws Exception {
        String id = Walks.assign(nodes[0].client, "Kế hoạch chỉnh trang đô thị năm 2021", UNIT, "2021-12-30", ROUTE);
        Walks.draft(nodes[0].client, "qldt", id, "2021-05-03");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
        for (Node node : nodes) {
            answers.add(pool.submit(() -> {
                go.await();
                return node.client.post("chair", "/api/assignments/" + id + "/approvals",
                        Map.of("effectiveDate", "2021-05-04"));
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<Object> rules = new ArrayList<>();
        for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
            ResponseEntity<Map<String, Object>> r = answer.get(60, TimeUnit.SECONDS);
            statuses.add(r.getStatusCode().value());
            if (!r.getStatusCode().is2xxSuccessful()) {
                rules.add(r.getBody().get("rule"));
            }
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s / 100 == 2).as("one approval").hasSize(1);
        assertThat(statuses).filteredOn(s -> s / 100 != 2).containsOnly(409);
        assertThat(rules).hasSize(2).allMatch(r -> "no-draft-awaiting-review".equals(r) || "concurrent-change".equals(r));
        // The audit log is a projection: wait until it has the approval, then check it is there only once.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(NoticeItemOneWalkTest
                .items(nodes[1].client.getOk("auditor", "/api/audit?assignment=" + id)))
                .extracting(e -> e.get("type")).containsOnlyOnce("DraftApproved"));
    }

    @Test
    @Order(6)
    void a_node_killed_while_it_works_has_its_segments_taken_over_within_ten_seconds_and_no_create_or_reminder_is_lost_or_doubled()
            throws Exception {
        Load load = new Load(true).start(2);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= 6);
        nodes[1].kill();
        long killed = System.nanoTime();
        // Every segment of every projection held again, by the two live nodes only.
        awaitSegmentsSharedBy(List.of(nodes[0], nodes[2]), Duration.ofSeconds(10));
        double takeover = (System.nanoTime() - killed) / 1e9;
        int before = load.acknowledged.size();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= before + 4);
        load.stop();
        System.out.printf("Segments of the killed node held again after %.1f s; %d creates with a reminder"
                + " acknowledged%n", takeover, load.acknowledged.size());

        assertNothingLostOrDoubled(load);
        // Each acknowledged reminder e-mailed, as one message: a node killed after the mail server took a reminder and
        // before it recorded that has it mailed again by the node taking over, with the same Message-ID, which the
        // reader's mail program shows once (NotificationMailTest).
        Set<String> titles = load.acknowledged.keySet();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Set<String>> mailed = messageIdsByTitle(titles);
            assertThat(mailed.keySet()).containsExactlyInAnyOrderElementsOf(titles);
            assertThat(mailed).allSatisfy((title, ids) -> assertThat(ids).as(title).hasSize(1));
        });

    }

    @Test
    @Order(5)
    void a_rolling_restart_under_load_fails_no_request_and_loses_or_doubles_no_create() throws Exception {
        Load load = new Load(false).start(2);
        List<Integer> drained = new ArrayList<>();
        for (Node node : nodes) {
            int before = load.acknowledged.size();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= before + 3);
            // As a load balancer takes a node out: nothing new goes to it, and it is stopped once what was
            // sent to it has arrived (the balancer's deregistration delay). What arrived and is not answered
            // yet, graceful shutdown must answer before the node stops.
            node.live = false;
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> node.received.get() >= node.sent.get());
            int inFlight = node.sent.get() - node.answered.get();
            node.app.close();
            drained.add(inFlight);
            node.start();
        }
        int before = load.acknowledged.size();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= before + 3);
        load.stop();
        System.out.printf("Rolling restart: %d creates acknowledged, %d failed, %d sent on because a node no"
                + " longer accepted connections; requests in flight as each node stopped: %s%n",
                load.acknowledged.size(), load.failures.size(), load.rerouted.get(), drained);

        assertThat(load.failures).as("failed requests").isEmpty();
        assertNothingLostOrDoubled(load);
        awaitSegmentsSharedBy(List.of(nodes));
    }

    @Test
    @Order(3)
    void rebuilding_a_projection_other_nodes_work_on_is_refused_and_leaves_it_working() {
        ResponseEntity<Map<String, Object>> rebuild = nodes[0].client.post("admin",
                "/api/admin/projections/assignment-list/rebuild", Map.of());
        assertThat(rebuild.getStatusCode().value()).isEqualTo(409);
        assertThat(rebuild.getBody()).containsEntry("rule", "rebuild-on-other-nodes");
        awaitSegmentsSharedBy(List.of(nodes));
        String id = Walks.assign(nodes[1].client, "Báo cáo rà soát hồ sơ đất đai", UNIT, "2021-12-30", ROUTE);
        assertThat(nodes[0].client.await("auditor", "/api/assignments/" + id, a -> a.get("title") != null))
                .containsEntry("title", "Báo cáo rà soát hồ sơ đất đai");
    }

    @Test
    @Order(4)
    void a_reminder_due_on_three_nodes_is_sent_once() {
        String title = "Báo cáo kết quả xử lý vi phạm trật tự xây dựng";
        Walks.assign(nodes[2].client, title, UNIT, "2021-05-20", ROUTE);
        // Three working days before 20/5/2021, past 08:00, on every node at once.
        for (Node node : nodes) {
            node.app.getBean(MutableClock.class).setToday(LocalDate.of(2021, 5, 17));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(title) == 1);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> mailsAbout(title) == 1);
        EventStore store = nodes[0].app.getBean(EventStore.class);
        assertThat(StoredEvents.count(store, p -> p instanceof ReminderSent r
                && r.kind() == ReminderSent.Kind.BEFORE_DEADLINE)).isEqualTo(1);
    }

    /**
     * Until every segment of every projection is held by exactly one of these nodes, and each node holds some
     * of every projection split into more segments than there are nodes.
     */
    private static void awaitSegmentsSharedBy(List<Node> sharing) {
        awaitSegmentsSharedBy(sharing, Duration.ofSeconds(30));
    }

    private static void awaitSegmentsSharedBy(List<Node> sharing, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, List<Integer>> all = new HashMap<>();
            for (Node node : sharing) {
                Map<String, Set<Integer>> held = node.segments();
                assertThat(held).as(node.name).isNotEmpty();
                // Each node reads the whole store into its own in-memory assignment index: one segment, never shared.
                assertThat(held.remove(AssignmentIndex.NAME)).as("%s's own assignment index", node.name).containsExactly(0);
                held.forEach((processor, segments) -> {
                    if (SEGMENTS_OF.getOrDefault(processor, SEGMENTS).size() >= sharing.size()) {
                        assertThat(segments).as("%s on %s", processor, node.name).isNotEmpty();
                    }
                    all.computeIfAbsent(processor, p -> new ArrayList<>()).addAll(segments);
                });
            }
            all.forEach((processor, segments) -> assertThat(segments).as(processor)
                    .containsExactlyInAnyOrderElementsOf(SEGMENTS_OF.getOrDefault(processor, SEGMENTS)));
        });
    }

    /** Every acknowledged create stored once and in the read model once, on every node. */
    private static void assertNothingLostOrDoubled(Load load) {
        Map<String, String> acknowledged = Map.copyOf(load.acknowledged); // title -> id
        EventStore store = nodes[0].app.getBean(EventStore.class);
        Map<String, Integer> stored = new ConcurrentHashMap<>();
        StoredEvents.count(store, p -> {
            if (p instanceof TaskAssigned t && t.title().startsWith(load.prefix)) {
                stored.merge(t.title(), 1, Integer::sum);
            }
            return false;
        });
        assertThat(stored.keySet()).as("stored creates").containsAll(acknowledged.keySet());
        assertThat(stored.values()).as("each create stored once").containsOnly(1);
        MongoDatabase db = nodes[0].app.getBean(MongoDatabase.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.getCollection("assignments")
                .countDocuments(Filters.in("_id", acknowledged.values())) == acknowledged.size());
        for (Node node : nodes) {
            if (node.live) {
                String any = acknowledged.values().iterator().next();
                assertThat(node.client.getOk("auditor", "/api/assignments/" + any)).containsKey("title");
            }
        }
    }

    /** The Message-IDs of the e-mails that name each of these titles. */
    private static Map<String, Set<String>> messageIdsByTitle(Set<String> titles) throws Exception {
        Map<String, Set<String>> found = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            String text = mail.getContent().toString();
            for (String title : titles) {
                if (text.contains("\"" + title + "\"")) {
                    found.computeIfAbsent(title, t -> new TreeSet<>()).add(mail.getMessageID());
                }
            }
        }
        return found;
    }

    private static long mailsAbout(String title) throws Exception {
        long n = 0;
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().contains("Sắp đến hạn") && mail.getContent().toString().contains(title)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Clients behind a load balancer: each creates assignments (and, with reminders, sends one for each) at
     * the live nodes in turn. Like a load balancer, a request that no node accepted the connection for is
     * sent to the next live node (it reached no server, so nothing can have been done twice); anything else
     * that is not a 2xx is a failure.
     */
    static final class Load {
        final String prefix = "Nhiệm vụ tải " + UUID.randomUUID().toString().substring(0, 6) + " số ";
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger rerouted = new AtomicInteger();
        private final boolean reminders;
        private final AtomicInteger sequence = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> clients = new ArrayList<>();

        Load(boolean reminders) {
            this.reminders = reminders;
        }

        Load start(int count) {
            for (int c = 0; c < count; c++) {
                Thread client = new Thread(this::run, "load-" + c);
                clients.add(client);
                client.start();
            }
            return this;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(60_000);
            }
        }

        private void run() {
            while (running.get()) {
                int n = sequence.incrementAndGet();
                String title = prefix + n;
                Map<String, Object> body = new HashMap<>();
                body.put("title", title);
                body.put("kind", "REPORT");
                body.put("leadUnit", UNIT);
                body.put("deadline", "2021-12-30");
                body.put("approvalRoute", ROUTE);
                ResponseEntity<Map<String, Object>> created = send(n, "/api/assignments", body);
                if (created == null) {
                    continue;
                }
                String id = (String) created.getBody().get("id");
                if (reminders && send(n, "/api/assignments/" + id + "/reminders", Map.of("note", title)) == null) {
                    continue;
                }
                acknowledged.put(title, id);
            }
        }

        /** The answer if it was a 2xx, else null (and the failure recorded unless a killed node took it). */
        private ResponseEntity<Map<String, Object>> send(int n, String path, Object body) {
            for (int attempt = 0; attempt < nodes.length * 3; attempt++) {
                Node node = nodes[(n + attempt) % nodes.length];
                if (!node.live) {
                    continue;
                }
                try {
                    node.sent.incrementAndGet();
                    ResponseEntity<Map<String, Object>> r = node.client.post("clerk", path, body);
                    node.answered.incrementAndGet();
                    if (r.getStatusCode().is2xxSuccessful()) {
                        return r;
                    }
                    failures.add(node.name + " " + path + ": " + r.getStatusCode() + " " + r.getBody());
                    return null;
                } catch (ResourceAccessException e) {
                    if (e.getCause() instanceof ConnectException) {
                        node.sent.decrementAndGet();
                        rerouted.incrementAndGet();
                        continue;
                    }
                    failures.add(node.name + " " + path + ": " + e.getMessage());
                    return null;
                }
            }
            failures.add(path + ": no live node");
            return null;
        }
    }
}
