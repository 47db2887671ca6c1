package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.command.notice.reading.NoticeReaderCli;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/**
 * A tool given an option it does not take refuses it in one line, naming it, and does nothing. Spring ignores a
 * setting nobody reads: a misspelt data directory had verify check ./data and call it intact, a backup copy ./data, a
 * restore fill it.
 */
class UnknownOptionsTest {

    @TempDir
    Path temp;

    /** What a tool printed on standard error. */
    final ByteArrayOutputStream said = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(said, true, StandardCharsets.UTF_8);
    final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    String said() {
        return said.toString(StandardCharsets.UTF_8);
    }

    /** An empty Docket database in {@code name}: a tool pointed at it works. */
    Path database(String name) {
        Path data = temp.resolve(name);
        DatabaseServer.embedded(new MongoSettings.Embedded(data.toString(), 0, "h2")).close();
        return data;
    }

    static String dataDir(Path data) {
        return "--docket.mongo.embedded.data-dir=" + data;
    }

    @Test
    void verify_refuses_a_misspelt_data_directory_instead_of_calling_another_store_intact() {
        Path data = database("data");

        BackupRestoreTest.Run run = BackupRestoreTest.verify(dataDir(data), "--docket.mongo.embedded.port=0",
                "--docket.mongo.embedded.data-dr=" + temp.resolve("copy"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("verify: --docket.mongo.embedded.data-dr is not an option of verify; nothing was done. It takes ")
                .contains("--anchors FILE", "docket.mongo.embedded.data-dir"));
    }

    @Test
    void verify_refuses_a_data_directory_setting_left_empty_instead_of_checking_the_default_one() {
        BackupRestoreTest.Run run = BackupRestoreTest.verify("--docket.mongo.embedded.data-dir=",
                "--docket.mongo.embedded.port=0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line).startsWith(
                "verify: --docket.mongo.embedded.data-dir needs a value (--docket.mongo.embedded.data-dir=VALUE);"
                        + " nothing was done."));
    }

    @Test
    void verify_refuses_anchors_without_their_file_instead_of_verifying_without_them() {
        Path data = database("data");

        BackupRestoreTest.Run run = BackupRestoreTest.verify(dataDir(data), "--docket.mongo.embedded.port=0", "--anchors");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("verify: --anchors needs a value (--anchors FILE); nothing was done.");
    }

    @Test
    void a_backup_given_an_option_it_does_not_take_refuses_it_and_writes_no_backup() {
        Path data = database("data");
        Path backup = temp.resolve("backup");

        int exit = BackupCommand.run("backup", new String[] {backup.toString(), dataDir(data),
                "--docket.mongo.embedded.port=0", "--anchors=anchors.jsonl"}, out, err);

        assertThat(exit).isEqualTo(1);
        assertThat(said().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("backup: --anchors is not an option of backup; nothing was done.")
                .doesNotContain("Exception"));
        assertThat(backup).doesNotExist();
    }

    @Test
    void a_restore_given_a_misspelt_data_directory_refuses_it_and_restores_nowhere() {
        Path data = database("data");
        Path backup = temp.resolve("backup");
        assertThat(BackupCommand.run("backup", new String[] {backup.toString(), dataDir(data),
                "--docket.mongo.embedded.port=0"}, out, err)).isZero();
        Path restored = temp.resolve("restored");

        int exit = BackupCommand.run("restore", new String[] {backup.toString(), dataDir(restored),
                "--docket.mongo.embedded.port=0", "--docket.mongo.embedded.datadir-copy=" + temp.resolve("copy")}, out, err);

        assertThat(exit).isEqualTo(1);
        assertThat(said()).startsWith("restore: --docket.mongo.embedded.datadir-copy is not an option of restore;");
        assertThat(restored).doesNotExist();
    }

    @Test
    void users_add_refuses_a_misspelt_setting_and_adds_nobody() throws Exception {
        Path data = temp.resolve("data");
        Path password = Files.writeString(temp.resolve("pw.txt"), "mật khẩu của Lan\n");

        int exit = DocketApplication.users(new String[] {"add", "--id", "lan", "--name", "Nguyễn Thị Lan", "--role", "CLERK",
                "--password-file", password.toString(), dataDir(data), "--docket.mongo.embedded.prot=0"},
                new ByteArrayInputStream(new byte[0]), out, err, null);

        assertThat(exit).isEqualTo(64);
        assertThat(said()).startsWith("docket users: --docket.mongo.embedded.prot is not an option of docket users;")
                .contains("--id ID", "docket.mongo.embedded.port");
        assertThat(data).doesNotExist();
    }

    @Test
    void keys_init_refuses_an_option_rather_than_make_a_key_in_a_folder_named_after_it() {
        int exit = KeysCommand.run(new String[] {"init", "--docket.event-store.anchor-key=" + temp.resolve("k.pem")},
                out, err);

        assertThat(exit).isEqualTo(2);
        assertThat(said()).startsWith("keys init: --docket.event-store.anchor-key=" + temp.resolve("k.pem")
                + " is not an option of keys init");
        assertThat(Path.of("--docket.event-store.anchor-key=")).doesNotExist();
    }

    @Test
    void preview_refuses_an_option_rather_than_look_for_a_file_named_after_it() throws Exception {
        Path notice = Files.writeString(temp.resolve("notice.txt"), "THÔNG BÁO\n");

        int exit = NoticeReaderCli.run(new String[] {notice.toString(), "--docket.units.file=units.json"}, out, err);

        assertThat(exit).isEqualTo(64);
        assertThat(said()).startsWith("preview: --docket.units.file=units.json is not an option of preview");
    }

    @Test
    void a_start_given_a_word_that_is_no_setting_is_refused_and_starts_nothing() {
        for (String[] args : new String[][] {{"--data-dir=/srv/copy"}, {"demo", "--port=8081"},
                {"--server.port=8081", "data"}, {"demo", "-Dserver.port=8081"}}) {
            said.reset();

            assertThat(DocketApplication.answeredWithoutStarting(args, out, err)).as(String.join(" ", args)).isEqualTo(1);
            assertThat(said().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                    .endsWith("is no setting of Docket, which takes settings with dotted names (such as"
                            + " --docket.mongo.embedded.data-dir=DIR or --server.port=PORT); nothing was started."));
        }
        // Any property still starts Docket: dotted names, Spring Boot's --debug, and environment-style names.
        for (String[] args : new String[][] {{"--server.port=8081", "--docket.mongo.embedded.dataDir=d", "--debug"},
                {"demo", "--spring.profiles.active=x", "--PORT=8081", "--DOCKET_MONGO_URI=mongodb://h/docket"}}) {
            assertThat(DocketApplication.answeredWithoutStarting(args, out, err)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void a_start_given_a_mistyped_docket_setting_is_refused_naming_the_setting_it_was_likely_meant_as() {
        for (String[] args : new String[][] {{"--docket.mongo.embedded.data-dr=/srv/docket"},
                {"demo", "--server.port=8081", "--docket.mongo.embedded.dataDr=/srv/docket"}}) {
            said.reset();

            assertThat(DocketApplication.answeredWithoutStarting(args, out, err)).as(String.join(" ", args)).isEqualTo(1);
            assertThat(said().lines().toList()).singleElement().satisfies(line -> assertThat(line).endsWith(
                    "is no setting of Docket (did you mean docket.mongo.embedded.data-dir?); nothing was started."));
        }
        said.reset();
        assertThat(DocketApplication.answeredWithoutStarting(new String[] {"--docket.office=Huế"}, out, err)).isEqualTo(1);
        assertThat(said()).isEqualTo("\"docket.office\" is no setting of Docket; nothing was started." + System.lineSeparator());
    }

    @Test
    void a_start_takes_every_docket_setting_as_spring_binds_it_lists_and_maps_by_parts_included() {
        for (String setting : List.of("--docket.mongo.embedded.data-dir=d", "--docket.mongo.embedded.dataDir=d",
                "--docket.mongo.embedded.data_dir=d", "--docket.mongo.timeouts.server-selection=5s",
                "--docket.security.jwt.claims.id=sub", "--docket.security.users[0].id=lan",
                "--docket.approval.levels[1].outside-body=true", "--docket.files.max-size=10MB",
                "--docket.cluster.node-id=a", "--docket.notifications.recipients[0].email=a@b.vn")) {
            assertThat(DocketApplication.answeredWithoutStarting(new String[] {setting}, out, err)).as(setting).isNull();
        }
    }

    /**
     * Settings read one by one (not from a settings record) are listed by hand in DocketSettings: each name the code
     * reads that way must be there, or a start would refuse it.
     */
    @Test
    void every_docket_setting_the_code_reads_by_name_is_one_a_start_takes() throws IOException {
        Pattern read = Pattern.compile("(?:\\$\\{|getProperty\\(\"|name = \")(docket\\.[a-z0-9.-]*[a-z0-9])");
        List<String> names = new ArrayList<>();
        for (String module : List.of("platform", "command-side", "query-side", "app")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = read.matcher(Files.readString(file));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        assertThat(names).contains("docket.files.max-size", "docket.security.jwt.issuer-uri", "docket.demo.data");
        assertThat(names).allSatisfy(name -> assertThat(DocketSettings.known(name)).as(name).isTrue());
    }

    /** Docket's own configuration files name only settings a start would take on the command line too. */
    @Test
    void every_docket_setting_in_dockets_configuration_files_is_one_a_start_takes() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path file : List.of(Path.of("..", "platform", "src", "main", "resources", "application.yml"),
                Path.of("src", "main", "resources", "application-demo.yml"))) {
            for (Object document : new org.yaml.snakeyaml.Yaml().loadAll(Files.readString(file))) {
                if (document instanceof java.util.Map<?, ?> map) {
                    leaves("", map, names);
                }
            }
        }
        assertThat(names).contains("docket.mongo.embedded.data-dir", "docket.mongo.timeouts.ping", "docket.demo.data");
        assertThat(names.stream().filter(name -> name.startsWith("docket.")))
                .allSatisfy(name -> assertThat(DocketSettings.known(name)).as(name).isTrue());
    }

    private static void leaves(String prefix, java.util.Map<?, ?> map, List<String> names) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof java.util.Map<?, ?> inner) {
                leaves(name, inner, names);
            } else {
                names.add(name);
            }
        });
    }

    @Test
    void every_settings_record_is_one_whose_settings_a_start_takes() throws IOException {
        List<String> records = new ArrayList<>();
        for (String module : List.of("platform", "command-side", "query-side", "app")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (Files.readString(file).contains("@ConfigurationProperties(")) {
                        records.add(file.getFileName().toString().replace(".java", ""));
                    }
                }
            }
        }
        assertThat(DocketSettings.RECORDS).extracting(Class::getSimpleName).containsExactlyInAnyOrderElementsOf(records);
    }
}
