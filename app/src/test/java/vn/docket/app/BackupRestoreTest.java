package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.platform.backup.Backup;
import vn.docket.platform.mongo.DatabaseServer;

/**
 * {@code docket.jar backup DIR} while Docket runs and takes commands, and {@code docket.jar restore DIR}
 * into an empty data directory: the copy ends at one event position, the restored store verifies up to it,
 * and Docket started on it serves what was there and goes on.
 */
class BackupRestoreTest {

    static final String LEAD = "Phòng Quản lý đô thị";
    static final List<String> LEADERS = List.of("Lãnh đạo UBND thành phố");

    @TempDir
    Path temp;

    ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class)
                .profiles("test")
                // A busy machine can take longer than the 1 s server selection to answer the first connection.
                .run("--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + data,
                        "--docket.mongo.timeouts.server-selection=10s");
    }

    record Run(int exit, String out, String err) {
    }

    static Run command(String command, Path dir, Path data, int port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BackupCommand.run(command, new String[] {dir.toString(), "--docket.mongo.embedded.backend=h2",
                        "--docket.mongo.embedded.data-dir=" + data, "--docket.mongo.embedded.port=" + port},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static int embeddedPort(ConfigurableApplicationContext app) {
        String uri = app.getBean(DatabaseServer.class).connectionString();
        return Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
    }

    @Test
    void a_backup_taken_under_load_restores_to_one_position_that_verifies_and_docket_serves_it() throws Exception {
        Path data = temp.resolve("data");
        Path backup = temp.resolve("backup");
        Path restored = temp.resolve("restored");
        String id;
        Map<String, Object> path;
        long eventsBefore;
        try (ConfigurableApplicationContext app = start(data)) {
            DocketClient docket = RestartTest.client(app);
            id = Walks.assign(docket, "Báo cáo công tác giải phóng mặt bằng", LEAD, "2021-04-25", LEADERS);
            Walks.draft(docket, "qldt", id, "2021-04-14");
            path = docket.await("auditor", "/api/assignments/" + id + "/path", p -> ((List<?>) p.get("steps")).size() == 2);
            eventsBefore = app.getBean(com.mongodb.client.MongoDatabase.class).getCollection("docket_events").countDocuments();

            // Clerks keep assigning while the backup runs.
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger assigned = new AtomicInteger();
            List<Throwable> failures = new ArrayList<>();
            Thread clerk = new Thread(() -> {
                try {
                    while (running.get()) {
                        Walks.assign(docket, "Kế hoạch chiếu sáng công cộng " + assigned.incrementAndGet(), LEAD,
                                "2021-04-30", LEADERS);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            clerk.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned.get() >= 3 || !clerk.isAlive());
            int port = embeddedPort(app);
            Run taken = command("backup", backup, data, port);
            running.set(false);
            clerk.join();
            assertThat(failures).isEmpty();
            assertThat(taken.exit()).as(taken.err()).isZero();
            assertThat(taken.out()).startsWith("Backup at event position ");

            Run refused = command("restore", backup, data, port);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err().strip()).doesNotContain("\n").contains("stop Docket before restoring");
        }

        Document manifest = Document.parse(Files.readString(backup.resolve("manifest.json")));
        long position = ((Number) manifest.get("position")).longValue();
        List<String> events = Files.readAllLines(backup.resolve("docket_events.jsonl"));
        assertThat(position).isGreaterThan(eventsBefore);
        assertThat(events).hasSize((int) position); // every position from 1 to the cut, nothing after it
        assertThat(Document.parse(events.get(events.size() - 1)).get("_id")).isEqualTo(position);

        Run restore = command("restore", backup, restored, 0);
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("Restored and verified. Backup at event position " + position + ":");
        Run again = command("restore", backup, restored, 0);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already holds " + position + " events");

        try (ConfigurableApplicationContext app = start(restored)) {
            DocketClient docket = RestartTest.client(app);
            // The read models are rebuilt from the restored events.
            assertThat(docket.await("auditor", "/api/assignments/" + id + "/path",
                    p -> ((List<?>) p.get("steps")).size() == 2)).isEqualTo(path);
            docket.ok("chair", "/api/assignments/" + id + "/approvals", Map.of("effectiveDate", "2021-04-16"));
            docket.await("auditor", "/api/assignments/" + id, a -> "APPROVED".equals(a.get("status")));
            assertThat(docket.getOk("auditor", "/api/audit/verify")).containsEntry("intact", true);
        }
    }

    /**
     * Neither can be derived from the events: a token is kept only as its SHA-256 (the event names its id), and what a
     * person marked read is their own state. Left out of the copy, every integration's token answered 401 after a
     * restore with no revocation on record, and every bell counted everything unread again.
     */
    @Test
    void personal_access_tokens_and_what_each_person_marked_read_are_the_same_after_a_restore() throws Exception {
        Path data = temp.resolve("data");
        Path backup = temp.resolve("backup");
        Path restored = temp.resolve("restored");
        String token;
        String revoked;
        try (ConfigurableApplicationContext app = start(data)) {
            DocketClient docket = RestartTest.client(app);
            String id = Walks.assign(docket, "Báo cáo công tác giải phóng mặt bằng", LEAD, "2021-04-25", LEADERS);
            docket.ok("clerk", "/api/assignments/" + id + "/reminders", Map.of("note", "Đề nghị nộp dự thảo đúng hạn"));
            docket.await("qldt", "/api/notifications/unread", u -> ((Number) u.get("unread")).intValue() == 1);
            assertThat(docket.post("qldt", "/api/notifications/read-all", Map.of()).getStatusCode().value()).isEqualTo(204);
            token = (String) docket.ok("qldt", "/api/me/tokens", Map.of("label", "báo cáo tháng")).get("token");
            Map<String, Object> other = docket.ok("qldt", "/api/me/tokens", Map.of("label", "máy cũ"));
            revoked = (String) other.get("token");
            docket.post("qldt", "/api/me/tokens/" + other.get("tokenId") + "/revoke", Map.of());
            assertThat(UsersOnDiskTest.withToken(app, token)).isEqualTo(200);
            assertThat(UsersOnDiskTest.withToken(app, revoked)).isEqualTo(401);
        }
        assertThat(command("backup", backup, data, 0).exit()).isZero();
        Run restore = command("restore", backup, restored, 0);
        assertThat(restore.exit()).as(restore.err()).isZero();

        try (ConfigurableApplicationContext app = start(restored)) {
            DocketClient docket = RestartTest.client(app);
            assertThat(UsersOnDiskTest.withToken(app, token)).as("the token kept").isEqualTo(200);
            assertThat(UsersOnDiskTest.withToken(app, revoked)).as("the token revoked").isEqualTo(401);
            assertThat(docket.getList("qldt", "/api/me/tokens").getBody()).extracting(t -> t.get("label"))
                    .containsExactly("báo cáo tháng");
            // The notifications are rebuilt from the events; the one read before the backup is still read.
            docket.await("qldt", "/api/notifications", n -> ((List<?>) n.get("items")).size() == 1);
            assertThat(docket.getOk("qldt", "/api/notifications/unread")).containsEntry("unread", 0);
        }
    }

    @Test
    void docket_does_not_start_on_a_database_a_killed_restore_left_half_loaded() {
        Path data = temp.resolve("data");
        // What a restore killed after loading part of a backup leaves: its mark, and part of the events.
        try (DatabaseServer server = DatabaseServer.embedded(new vn.docket.platform.mongo.MongoSettings.Embedded(
                data.toString(), 0, "h2"));
             var client = com.mongodb.client.MongoClients.create(server.connectionString())) {
            var database = client.getDatabase("docket");
            database.getCollection("docket_restore").insertOne(new Document("_id", "restore").append("from", "/srv/backup"));
            server.flush();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(data).close())
                .hasStackTraceContaining("has not finished");
    }

    @Test
    void a_restore_run_again_after_a_killed_one_prints_its_result_and_no_error() throws Exception {
        Path backup = backupOfOneAssignment();
        Path restored = temp.resolve("restored");
        // What a restore killed after loading its first collection leaves: its mark and the users, nothing else.
        try (DatabaseServer server = DatabaseServer.embedded(new vn.docket.platform.mongo.MongoSettings.Embedded(
                restored.toString(), 0, "h2"));
             var client = com.mongodb.client.MongoClients.create(server.connectionString())) {
            var database = client.getDatabase("docket");
            database.getCollection("docket_restore").insertOne(new Document("_id", "restore").append("from", backup.toString()));
            database.getCollection("users").insertOne(new Document("_id", "clerk"));
            server.flush();
        }

        // As the operator runs it: its own process, what it prints on the terminal.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), DocketApplication.class.getName(), "restore", backup.toString(),
                "--docket.mongo.embedded.data-dir=" + restored, "--docket.mongo.embedded.port=0")
                .redirectErrorStream(true).redirectOutput(temp.resolve("terminal.txt").toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        List<String> terminal = Files.readAllLines(temp.resolve("terminal.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as("%s", terminal).isZero();
        assertThat(terminal).anyMatch(line -> line.startsWith("Restored and verified."));
        assertThat(terminal).noneMatch(line -> line.contains(" ERROR ") || line.startsWith("\tat "));
    }

    @Test
    void verify_refuses_a_database_a_killed_restore_left_half_loaded_instead_of_calling_its_part_intact() throws Exception {
        Path data = temp.resolve("data");
        try (DatabaseServer server = DatabaseServer.embedded(new vn.docket.platform.mongo.MongoSettings.Embedded(
                data.toString(), 0, "h2"));
             var client = com.mongodb.client.MongoClients.create(server.connectionString())) {
            client.getDatabase("docket").getCollection("docket_restore")
                    .insertOne(new Document("_id", "restore").append("from", "/srv/backup"));
            server.flush();
        }
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            exit = VerifyCommand.run(new String[] {"--docket.mongo.embedded.backend=h2",
                    "--docket.mongo.embedded.data-dir=" + data, "--docket.mongo.embedded.port=0"});
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("has not finished");
    }

    /** {@code verify} with these arguments, in this process: its exit code, its report and its sentences. */
    static Run verify(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            int exit = VerifyCommand.run(args);
            return new Run(exit, report.toString(StandardCharsets.UTF_8), said.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void a_restore_and_a_verify_of_a_copy_beside_a_running_docket_act_on_the_copy_not_on_the_running_database()
            throws Exception {
        Path backup = backupOfOneAssignment();
        Path copy = temp.resolve("copy");
        try (ConfigurableApplicationContext office = start(temp.resolve("data"))) {
            // The office's Docket answers on the port the inspector's command is configured with.
            int port = embeddedPort(office);
            Walks.assign(RestartTest.client(office), "Kế hoạch sau bản sao lưu", LEAD, "2021-05-25", LEADERS);
            long officeEvents = office.getBean(com.mongodb.client.MongoDatabase.class).getCollection("docket_events")
                    .countDocuments();

            Run restore = command("restore", backup, copy, port);
            assertThat(restore.exit()).as(restore.err()).isZero();

            Run verify = verify("--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + copy,
                    "--docket.mongo.embedded.port=" + port);
            long copied = ((Number) Document.parse(Files.readString(backup.resolve(Backup.MANIFEST))).get("position"))
                    .longValue();
            assertThat(verify.exit()).as(verify.err()).isZero();
            assertThat(copied).isLessThan(officeEvents);
            assertThat(verify.out()).contains("\"upTo\":" + copied + ",");
        }
    }

    @Test
    void a_verify_of_a_data_directory_that_holds_no_database_says_so_instead_of_calling_it_intact_and_creates_nothing() {
        Path mistyped = temp.resolve("dta");

        Run run = verify("--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + mistyped,
                "--docket.mongo.embedded.port=0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("There is no Docket database in " + mistyped);
        assertThat(mistyped).doesNotExist();
    }

    /** A Docket holding one assignment whose title has Vietnamese marks to edit, backed up; the backup's directory. */
    private Path backupOfOneAssignment() throws Exception {
        Path data = temp.resolve("data");
        Path backup = temp.resolve("backup");
        try (ConfigurableApplicationContext app = start(data)) {
            Walks.assign(RestartTest.client(app), "Báo cáo công tác giải phóng mặt bằng", LEAD, "2021-04-25", LEADERS);
        }
        assertThat(command("backup", backup, data, 0).exit()).isZero();
        return backup;
    }

    @Test
    void a_backup_file_changed_after_the_backup_is_refused_and_nothing_is_restored() throws Exception {
        Path backup = backupOfOneAssignment();
        Path events = backup.resolve("docket_events.jsonl");
        Files.writeString(events, Files.readString(events).replace("giải phóng", "giai phong"));

        Path restored = temp.resolve("restored");
        Run run = command("restore", backup, restored, 0);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("docket_events.jsonl is not the one the backup wrote");
        try (DatabaseServer server = DatabaseServer.embedded(new vn.docket.platform.mongo.MongoSettings.Embedded(
                restored.toString(), 0, "h2"));
             var client = com.mongodb.client.MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("docket").getCollection("docket_events").countDocuments()).isZero();
        }
    }

    @Test
    void a_truncated_or_damaged_manifest_is_refused_in_one_line_and_nothing_is_restored() throws Exception {
        Path backup = temp.resolve("backup");
        // An empty database: a backup refuses a data directory that holds none.
        DatabaseServer.embedded(new vn.docket.platform.mongo.MongoSettings.Embedded(temp.resolve("data").toString(), 0,
                "h2")).close();
        assertThat(command("backup", backup, temp.resolve("data"), 0).exit()).isZero();
        Path manifest = backup.resolve(Backup.MANIFEST);
        String whole = Files.readString(manifest);

        for (String damaged : List.of(whole.substring(0, whole.length() / 2), // cut off while copying
                whole.replaceFirst("\"sha256\"", "\"sha\""), // a field missing
                whole.replaceFirst("\"users\": 0", "\"../users\": 0"))) { // a collection no backup writes
            Files.writeString(manifest, damaged);
            Path restored = temp.resolve("restored-" + damaged.length());
            Run run = command("restore", backup, restored, 0);
            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                    .contains("manifest.json").contains("nothing was restored").doesNotContain("org.bson", "Exception"));
        }
    }

    @Test
    void a_backup_whose_files_were_rewritten_with_the_manifest_is_refused_and_leaves_the_database_empty()
            throws Exception {
        Path backup = backupOfOneAssignment();
        // Someone edits an event and writes the file's new SHA-256 into the manifest: only the hash chain tells.
        Path events = backup.resolve("docket_events.jsonl");
        String before = vn.docket.platform.Sha256.hex(Files.readString(events));
        Files.writeString(events, Files.readString(events).replace("giải phóng", "giai phong"));
        Path manifest = backup.resolve(Backup.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace(before,
                vn.docket.platform.Sha256.hex(Files.readString(events))));

        Path restored = temp.resolve("restored");
        Run run = command("restore", backup, restored, 0);
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .contains("does not verify").contains("nothing was restored"));
        try (DatabaseServer server = DatabaseServer.embedded(new vn.docket.platform.mongo.MongoSettings.Embedded(
                restored.toString(), 0, "h2"));
             var client = com.mongodb.client.MongoClients.create(server.connectionString())) {
            var database = client.getDatabase("docket");
            assertThat(database.getCollection("docket_events").countDocuments()).isZero();
            assertThat(database.getCollection("users").countDocuments()).isZero();
            assertThat(database.getCollection("docket_counters").countDocuments()).isZero();
        }
    }
}
