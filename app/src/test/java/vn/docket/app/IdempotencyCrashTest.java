package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.ResponseEntity;

/**
 * Docket killed (kill -9) while clients create assignments under Idempotency-Keys, then started again on the same
 * data: every key's retry gets an answer (no key stays "in progress"), an acknowledged create answers with the
 * same assignment, and no key made two assignments.
 */
class IdempotencyCrashTest {

    private static final int CLIENTS = 3;

    /** Key to the assignment its create was acknowledged with before the kill. */
    private final Map<String, Object> acknowledged = new ConcurrentHashMap<>();
    /** Every key sent, acknowledged or not (a request may have been cut off anywhere). */
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    @TempDir
    Path data;
    /** Every Docket this test started, killed after it whatever happened (a start that timed out once left one behind). */
    private final List<Process> dockets = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (Process process : dockets) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void after_kill_dash_nine_every_keyed_create_is_answered_once_and_made_one_assignment() throws Exception {
        int port = freePort();
        Process docket = start(port, "first");
        DocketClient client = client(port);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread thread = new Thread(() -> create(client, docket), "client-" + c);
            thread.start();
            clients.add(thread);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 30 || !docket.isAlive());
        assertThat(docket.isAlive()).as("Docket died on its own; see " + data.resolve("first.log")).isTrue();
        docket.destroyForcibly(); // SIGKILL: no shutdown hooks, no final commit
        docket.waitFor(10, TimeUnit.SECONDS);
        for (Thread thread : clients) {
            thread.join(10_000);
        }

        start(port, "second");
        for (String key : sent) {
            ResponseEntity<Map<String, Object>> retry = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.postRaw("clerk", "/api/assignments", body(key), key),
                            r -> r.getStatusCode().value() != 409);
            assertThat(retry.getStatusCode().value()).as("key %s: %s", key, retry.getBody()).isEqualTo(201);
            if (acknowledged.containsKey(key)) {
                assertThat(retry.getBody().get("id")).as("key %s", key).isEqualTo(acknowledged.get(key));
            }
        }
        Map<String, Object> list = client.await("clerk", "/api/assignments?q=Crash&size=200",
                l -> ((Number) l.get("total")).intValue() >= sent.size());
        @SuppressWarnings("unchecked")
        List<Object> titles = ((List<Map<String, Object>>) list.get("items")).stream().map(a -> a.get("title")).toList();
        assertThat(titles).as("one assignment per key").hasSize(sent.size())
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(k -> (Object) ("Crash " + k)).toList());
        System.out.printf("IdempotencyCrashTest: %d keyed creates sent, %d acknowledged before kill -9; "
                + "after the restart every key answered 201 once, one assignment each%n", sent.size(), acknowledged.size());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(30);
    }

    private void create(DocketClient client, Process docket) {
        while (docket.isAlive()) {
            String key = UUID.randomUUID().toString();
            sent.add(key);
            try {
                ResponseEntity<Map<String, Object>> answer = client.postRaw("clerk", "/api/assignments", body(key), key);
                if (answer.getStatusCode().value() == 201) {
                    acknowledged.put(key, answer.getBody().get("id"));
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    private static String body(String key) {
        return "{\"title\":\"Crash " + key + "\",\"kind\":\"REPORT\",\"leadUnit\":\"Ph\\u00f2ng Qu\\u1ea3n l\\u00fd \\u0111\\u00f4 th\\u1ecb\","
                + "\"approvalRoute\":[\"L\\u00e3nh \\u0111\\u1ea1o UBND th\\u00e0nh ph\\u1ed1\"],\"effectiveDate\":\"2021-04-13\"}";
    }

    private Process start(int port, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                DocketApplication.class.getName(), "--spring.profiles.active=test", "--server.port=" + port,
                "--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + data.resolve("db"),
                // A short lease, so that the retries need not wait the default 15 s for the killed requests' keys.
                "--docket.idempotency.lease=1s");
        builder.redirectErrorStream(true).redirectOutput(data.resolve(name + ".log").toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        long started = System.nanoTime();
        Process process = builder.start();
        dockets.add(process);
        DocketClient client = client(port);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> !process.isAlive() || client.get("clerk", "/api/me").getStatusCode().value() == 200);
        assertThat(process.isAlive()).as("Docket did not start; see " + data.resolve(name + ".log")).isTrue();
        System.out.printf("IdempotencyCrashTest: the %s Docket answered after %d s%n", name,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return process;
    }

    private static DocketClient client(int port) {
        return new DocketClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
