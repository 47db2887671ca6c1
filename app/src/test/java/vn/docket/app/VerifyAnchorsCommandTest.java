package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.eventstore.ConsistentRewrite;

/**
 * {@code java -jar docket.jar verify --anchors FILE --public-key F} as an auditor runs it on a copy of the data
 * directory: Docket's main class with those arguments, in a process of its own (it ends with {@code System.exit}),
 * on a store whose events, hashes and checkpoints an attacker rewrote consistently.
 */
class VerifyAnchorsCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, List<String> out, List<String> err) {
    }

    Run verify(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DocketApplication.class.getName(), "verify"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("verify finished").isTrue();
        return new Run(process.exitValue(), Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank()).toList());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void verify_with_the_signed_anchors_reports_a_consistent_rewrite_as_an_anchor_mismatch_and_exits_non_zero()
            throws Exception {
        Path data = dir.resolve("data");
        Path keys = Files.createDirectories(dir.resolve("keys"));
        ConsistentRewrite.anchoredStore(data, keys);

        Run run = verify("--anchors", keys.resolve("anchors.jsonl").toString(),
                "--public-key", keys.resolve("anchor-key.pub.pem").toString(),
                "--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + data,
                "--docket.mongo.embedded.port=" + freePort(),
                "--docket.event-store.checkpoint-every=" + ConsistentRewrite.EVERY,
                // No signing key here: the command must not anchor the forgery it is checking.
                "--docket.event-store.anchor-key=" + dir.resolve("no-key.pem"),
                "--logging.level.root=WARN");

        assertThat(run.exitCode()).as("%s", run.err()).isEqualTo(1);
        assertThat(run.out()).as("the report, one JSON line").hasSize(1);
        assertThat(run.out().get(0)).contains("\"intact\":false", "anchor mismatch");
        assertThat(run.err()).filteredOn(line -> line.contains("anchor mismatch"))
                .allMatch(line -> line.contains("was rewritten after it was anchored")).hasSize(2);
        assertThat(run.err().get(run.err().size() - 1)).startsWith("Event store NOT intact: 2 problems found");
    }
}
