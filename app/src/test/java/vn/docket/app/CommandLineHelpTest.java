package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/**
 * {@code java -jar docket.jar --help} and a mistyped command, as an operator meets them: Docket's main class in a
 * process of its own. Neither starts Docket: a start would write into the data directory (its first start records
 * the users as events), and the restore the operator meant would then be refused for a database holding events.
 */
class CommandLineHelpTest {

    @TempDir
    Path dir;
    Process process;

    record Run(int exitCode, List<String> out, List<String> err) {
    }

    Run docket(String... args) throws Exception {
        return docket(1, args);
    }

    Run docket(int minutes, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DocketApplication.class.getName()));
        command.addAll(List.of(args));
        // Where a wrongly started Docket would go: its own data directory and free ports, never the usual ones (those a
        // test does not give itself: a setting given twice would be both values). A tool takes no HTTP port (it refuses
        // a setting it does not read).
        boolean tool = args.length > 0 && !args[0].equals("demo")
                && DocketApplication.COMMANDS.stream().anyMatch(named -> named.name().equals(args[0]));
        List<String> settings = new ArrayList<>(List.of("--docket.mongo.embedded.data-dir=" + dir.resolve("data"),
                "--docket.mongo.embedded.port=0", "--logging.level.root=WARN"));
        if (!tool) {
            settings.add("--server.port=0");
        }
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (command.stream().noneMatch(arg -> arg.startsWith(name))) {
                command.add(setting);
            }
        }
        process = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(minutes, TimeUnit.MINUTES)).as("the command ended instead of starting Docket").isTrue();
        return new Run(process.exitValue(), Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopWhatStarted() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void help_lists_every_command_and_starts_nothing() throws Exception {
        Run run = docket("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(String.join("\n", run.out())).contains("demo", "users add|list", "keys init", "verify", "backup DIR",
                "restore DIR", "preview FILE");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void a_mistyped_command_is_refused_in_one_line_and_starts_nothing() throws Exception {
        Path backup = Files.createDirectories(dir.resolve("backup"));

        Run run = docket("restor", backup.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().get(0)).isEqualTo("Unknown command \"restor\"; nothing was started.");
        assertThat(run.err()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    /**
     * The demo uses the same ./data as Docket: run by mistake in an office's directory it would have given the office an
     * administrator "admin" with the password "demo". It says why it stops, stops (a failed start used to leave the
     * process running, silent, for good) and writes nothing.
     */
    @Test
    void the_demo_does_not_start_on_a_database_that_has_people_of_its_own() throws Exception {
        Path password = Files.writeString(dir.resolve("pw.txt"), "mật khẩu của Lan\n");
        assertThat(docket("users", "add", "--id", "lan", "--name", "Nguyễn Thị Lan", "--unit",
                "Văn phòng HĐND và UBND thành phố", "--role", "CLERK", "--password-file", password.toString())
                .exitCode()).isZero();

        Run demo = docket(3, "demo", "--logging.level.vn.docket.app.ReadyMessage=INFO");

        assertThat(demo.exitCode()).isEqualTo(1);
        String said = String.join("\n", demo.out()) + String.join("\n", demo.err());
        assertThat(said).contains("Docket did not start: the demo set-up would add its users",
                "1 user of its own (lan)", "start Docket without `demo`").doesNotContain("\tat ")
                // It was not asked to stop: it did not start.
                .doesNotContain("Docket is stopping, as it was asked to");
        Run list = docket("users", "list");
        assertThat(String.join("\n", list.out())).contains("lan").doesNotContain("admin", "clerk");
    }

    /** What the operator reads of a start refused before anything started: what is wrong and what to do, no stack trace. */
    static void assertRefusedInPlainWords(Run run, String what, String toDo) {
        assertThat(run.exitCode()).isEqualTo(1);
        List<String> said = new ArrayList<>(run.out());
        said.addAll(run.err());
        assertThat(said).contains(what, toDo);
        assertThat(said).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    }

    @Test
    void a_start_on_an_http_port_another_program_holds_is_refused_with_what_to_do_and_ends() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run run = docket("--server.port=" + taken.getLocalPort());

            assertRefusedInPlainWords(run, "Port " + taken.getLocalPort()
                    + " is already in use by another program, perhaps a Docket already running.",
                    "Stop it, or start Docket on another port (--server.port=PORT).");
            assertThat(dir.resolve("data")).doesNotExist();
        }
    }

    @Test
    void a_start_on_a_data_directory_another_docket_holds_is_refused_with_what_to_do() throws Exception {
        Path data = dir.resolve("data");
        // Another Docket's embedded database, holding the data directory's file.
        try (DatabaseServer other = DatabaseServer.embedded(new MongoSettings.Embedded(data.toString(), 0, "h2"))) {
            Run run = docket();

            assertRefusedInPlainWords(run, "The data directory " + data + " is in use by another Docket.",
                    "Stop that Docket, or start this one on another data directory (--docket.mongo.embedded.data-dir=DIR).");
        }
    }

    /**
     * The start fails inside Tomcat's start (a filter's beans need the event store), so Tomcat reported every thread
     * the database had started as a leak, with its stack: some 70 lines around the one sentence that says what to do.
     */
    @Test
    void a_start_on_a_database_a_killed_restore_left_half_loaded_says_what_to_do_without_tomcat_s_warnings()
            throws Exception {
        try (DatabaseServer server = DatabaseServer.embedded(new MongoSettings.Embedded(dir.resolve("data").toString(), 0,
                "h2")); var client = com.mongodb.client.MongoClients.create(server.connectionString())) {
            client.getDatabase("docket").getCollection("docket_restore")
                    .insertOne(new org.bson.Document("_id", "restore").append("from", "/srv/backup"));
            server.flush();
        }

        Run run = docket(3);

        assertRefusedInPlainWords(run, "A restore into this database (from /srv/backup) has not finished: it holds part of"
                + " a backup. Run the restore again, which empties what the stopped one loaded.",
                "Do what the sentence above says, then start Docket again.");
        List<String> said = new ArrayList<>(run.out());
        said.addAll(run.err());
        // Spring Boot's report of the failed start, and nothing else at WARN or above.
        assertThat(said).filteredOn(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .singleElement().asString().contains("LoggingFailureAnalysisReporter");
        assertThat(said).noneMatch(line -> line.startsWith(" ") || line.contains("appears to have started a thread"));
    }

    @Test
    void docket_stopped_by_the_operating_system_says_so_in_its_log() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                DocketApplication.class.getName(), "--docket.mongo.embedded.data-dir=" + dir.resolve("data"),
                "--docket.mongo.embedded.port=0", "--server.port=0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        Path log = dir.resolve("log.txt");
        await().atMost(Duration.ofMinutes(3)).until(() -> Files.readString(log).contains("Docket is ready"));

        process.destroy(); // SIGTERM, as a service manager stops it

        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8))
                .anyMatch(line -> line.endsWith("Docket is stopping, as it was asked to; what it recorded is kept."));
    }
}
