package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.docket.events.Role;
import vn.docket.events.UserDisabled;
import vn.docket.events.UserRegistered;
import vn.docket.platform.security.NfcPasswordEncoder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import vn.docket.platform.mongo.DatabaseServer;

/**
 * Users kept on disk (the embedded database's H2 file): added with {@code docket users} before Docket
 * ever ran, or while it runs, or through the API, and still there after a restart.
 */
class UsersOnDiskTest {

    static final String OFFICE = "Văn phòng HĐND và UBND thành phố";

    @TempDir
    Path data;

    String out;
    String err;

    /** {@code java -jar docket.jar users ARGS} in this JVM, with STDIN as standard input. */
    int users(String stdin, int port, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--docket.mongo.embedded.data-dir=" + data);
        all.add("--docket.mongo.embedded.port=" + port);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = DocketApplication.users(all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), null);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** A port nobody listens on, so the command opens the data file rather than someone's Docket. */
    static int nobodysPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Docket on this data directory, without the demo users: the people here are the office's own. */
    ConfigurableApplicationContext start() {
        return start(false);
    }

    ConfigurableApplicationContext start(boolean demoUsers) {
        return new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class)
                .profiles("test")
                .run("--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + data,
                        "--docket.security.demo-users=" + demoUsers);
    }

    static int signIn(ConfigurableApplicationContext app, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
        return http.exchange("/api/assignments", HttpMethod.GET, new HttpEntity<>(headers), Map.class)
                .getStatusCode().value();
    }

    @Test
    void the_command_line_adds_and_lists_users_in_the_data_directory_without_starting_docket() throws IOException {
        int port = nobodysPort();
        assertThat(users("mật khẩu của Lan\n", port, "add", "--id", "lan", "--name", "Nguyễn Thị Lan",
                "--unit", OFFICE, "--role", "CLERK")).as(err).isZero();
        assertThat(out).startsWith("Added lan (CLERK) to the data in ");

        Path file = Files.writeString(data.resolve("pw.txt"), "mật khẩu quản trị\n");
        assertThat(users("", port, "add", "--id=root", "--name=Quản trị hệ thống", "--role=admin",
                "--password-file", file.toString())).as(err).isZero();

        assertThat(users("", port, "list")).as(err).isZero();
        assertThat(out).contains("lan", "CLERK", "Nguyễn Thị Lan, " + OFFICE, "root", "ADMIN", "enabled")
                .doesNotContain("$2a$", "mật khẩu");

        // Refusals: one line on standard error, an exit code that is not 0, nothing changed.
        assertThat(users("một mật khẩu khác\n", port, "add", "--id", "lan", "--name", "Lan", "--unit", OFFICE,
                "--role", "CLERK")).isEqualTo(2);
        assertThat(err).isEqualTo("docket users: The user id 'lan' is already taken.\n");
        assertThat(users("ngắn\n", port, "add", "--id", "hoa", "--name", "Lê Thị Hoa", "--role", "AUDITOR"))
                .isEqualTo(2);
        assertThat(err).contains("at least 10 characters").hasLineCount(1);
        assertThat(users("mười ký tự trở lên\n", port, "add", "--id", "hoa", "--name", "Lê Thị Hoa", "--role",
                "UNIT_STAFF")).isEqualTo(2);
        assertThat(err).contains("give the unit");
        assertThat(users("mười ký tự trở lên\n", port, "add", "--id", "hoa", "--name", "Lê\u0007Thị Hoa", "--role",
                "AUDITOR")).isEqualTo(2);
        assertThat(err).contains("control characters");
        assertThat(users("", port, "add", "--id", "hoa", "--password", "mười ký tự trở lên")).isEqualTo(64);
        assertThat(err).contains("never given on the command line").hasLineCount(1);
        assertThat(users("", port, "disable")).isEqualTo(64);
        assertThat(users("", port, "remove", "--id", "lan")).isEqualTo(64);

        assertThat(users("", port, "disable", "--id", "lan")).as(err).isZero();
        assertThat(users("", port, "list")).isZero();
        assertThat(out).containsPattern("lan +CLERK +disabled").doesNotContain("hoa");
    }

    /**
     * The admin page keeps a unit under the name the unit directory gives it; the command line kept it as typed, so
     * staff added as "qldt" matched none of their unit's work, which is assigned to Phòng Quản lý đô thị.
     */
    @Test
    void a_unit_typed_by_its_short_name_on_the_command_line_is_kept_under_its_name_in_the_directory() {
        int port = nobodysPort();
        assertThat(users("mười ký tự trở lên\n", port, "add", "--id", "hoa", "--name", "Lê Thị Hoa", "--unit", "qldt",
                "--role", "UNIT_STAFF")).as(err).isZero();
        assertThat(users("", port, "list")).isZero();
        assertThat(out).contains("Lê Thị Hoa, Phòng Quản lý đô thị").doesNotContain("qldt");

        assertThat(users("mười ký tự trở lên\n", port, "add", "--id", "lan", "--name", "Lan", "--unit", "qldt",
                "--role", "UNIT_STAFF", "--docket.units.file=" + data.resolve("no-such-units.json"))).isEqualTo(64);
        assertThat(err).startsWith("docket users: Cannot read unit directory ").hasLineCount(1);
    }

    @Test
    void users_added_on_the_command_line_or_through_the_api_are_kept_across_a_restart() {
        // The first administrator, before Docket ever started on this data.
        assertThat(users("mật khẩu quản trị\n", nobodysPort(), "add", "--id", "root", "--name", "Quản trị",
                "--role", "ADMIN")).as(err).isZero();

        try (ConfigurableApplicationContext first = start()) {
            assertThat(signIn(first, "root", "mật khẩu quản trị")).isEqualTo(200);
            HttpHeaders headers = new HttpHeaders();
            headers.setBasicAuth("root", "mật khẩu quản trị", StandardCharsets.UTF_8);
            TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://localhost:" + first.getEnvironment().getProperty("local.server.port")));
            assertThat(http.exchange("/api/admin/users", HttpMethod.POST, new HttpEntity<>(Map.of("id", "hoa",
                    "name", "Lê Thị Hoa", "unit", "Phòng Quản lý đô thị", "role", "UNIT_STAFF",
                    "password", "mật khẩu của Hoa"), headers), Map.class).getStatusCode().value()).isEqualTo(201);

            // While Docket runs it holds the data file: the command line goes through its database server.
            int running = Integer.parseInt(first.getBean(DatabaseServer.class).connectionString().replaceAll(".*:", ""));
            assertThat(users("mật khẩu của Mai\n", running, "add", "--id", "mai", "--name", "Vũ Thị Mai",
                    "--role", "AUDITOR")).as(err).isZero();
            assertThat(out).contains("the running Docket's database");
            assertThat(signIn(first, "mai", "mật khẩu của Mai")).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(signIn(second, "root", "mật khẩu quản trị")).isEqualTo(200);
            assertThat(signIn(second, "hoa", "mật khẩu của Hoa")).isEqualTo(200);
            assertThat(signIn(second, "mai", "mật khẩu của Mai")).isEqualTo(200);
            assertThat(signIn(second, "mai", "wrong password")).isEqualTo(401);
        }
    }

    static List<Object> recorded(ConfigurableApplicationContext app, String userId) {
        return app.getBean(EventStore.class).readEvents("user:" + userId).asStream()
                .map(m -> (Object) m.getPayload()).toList();
    }

    @Test
    void users_kept_before_authority_was_recorded_and_the_demo_users_become_events_once() {
        String hash = new NfcPasswordEncoder(4).encode("mật khẩu cũ của Tú");
        try (ConfigurableApplicationContext first = start(true)) {
            assertThat(recorded(first, "clerk")).containsExactly(
                    new UserRegistered("clerk", "Nguyễn Thị Lan", OFFICE, Role.CLERK, "demo"));
            // A database from before events: a user kept only in the collection, disabled there.
            first.getBean(MongoDatabase.class).getCollection("users").insertOne(new Document("_id", "old.tu")
                    .append("name", "Đỗ Văn Tú").append("role", "AUDITOR").append("passwordHash", hash)
                    .append("enabled", false));
            assertThat(recorded(first, "old.tu")).isEmpty();
        }
        try (ConfigurableApplicationContext second = start(true)) {
            assertThat(recorded(second, "old.tu")).containsExactly(
                    new UserRegistered("old.tu", "Đỗ Văn Tú", null, Role.AUDITOR, "users-collection"),
                    new UserDisabled("old.tu"));
            assertThat(recorded(second, "clerk")).hasSize(1);
            assertThat(second.getBean(EventStore.class).readEvents("user:old.tu").asStream()
                    .map(m -> m.getMetaData().get("actorId"))).containsOnly("docket");
            assertThat(signIn(second, "old.tu", "mật khẩu cũ của Tú")).isEqualTo(401);
        }
        try (ConfigurableApplicationContext third = start(true)) {
            assertThat(recorded(third, "old.tu")).hasSize(2);
            assertThat(recorded(third, "admin")).hasSize(1);
        }
    }

    @Test
    void what_the_command_line_changes_is_recorded_as_events_by_the_command_line() {
        int port = nobodysPort();
        assertThat(users("mật khẩu của Lan\n", port, "add", "--id", "lan", "--name", "Nguyễn Thị Lan",
                "--unit", OFFICE, "--role", "CLERK")).as(err).isZero();
        assertThat(users("", port, "disable", "--id", "lan")).as(err).isZero();
        try (ConfigurableApplicationContext app = start()) {
            List<? extends DomainEventMessage<?>> events = app.getBean(EventStore.class).readEvents("user:lan")
                    .asStream().toList();
            assertThat(events).extracting(m -> (Object) m.getPayload()).containsExactly(
                    new UserRegistered("lan", "Nguyễn Thị Lan", OFFICE, Role.CLERK, "command-line"),
                    new UserDisabled("lan"));
            assertThat(events).extracting(m -> (Object) m.getMetaData().get("actorId"))
                    .containsOnly("command-line:" + System.getProperty("user.name"));
            assertThat(signIn(app, "lan", "mật khẩu của Lan")).isEqualTo(401);
        }
    }

    /** `docket users disable` is the same change as the web page's: the person's tokens are revoked for good. */
    @Test
    void a_token_of_a_user_disabled_and_enabled_again_on_the_command_line_stays_refused() {
        int port = nobodysPort();
        assertThat(users("mật khẩu của Lan\n", port, "add", "--id", "lan", "--name", "Nguyễn Thị Lan",
                "--unit", OFFICE, "--role", "CLERK")).as(err).isZero();
        String token;
        try (ConfigurableApplicationContext app = start()) {
            HttpHeaders basic = new HttpHeaders();
            basic.setBasicAuth("lan", "mật khẩu của Lan", StandardCharsets.UTF_8);
            token = (String) http(app).exchange("/api/me/tokens", HttpMethod.POST,
                    new HttpEntity<>(Map.of("label", "báo cáo tháng"), basic), Map.class).getBody().get("token");
            assertThat(withToken(app, token)).isEqualTo(200);
        }

        assertThat(users("", port, "disable", "--id", "lan")).as(err).isZero();
        assertThat(users("", port, "enable", "--id", "lan")).as(err).isZero();

        try (ConfigurableApplicationContext app = start()) {
            assertThat(signIn(app, "lan", "mật khẩu của Lan")).isEqualTo(200);
            assertThat(withToken(app, token)).isEqualTo(401);
        }
    }

    static TestRestTemplate http(ConfigurableApplicationContext app) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
    }

    static int withToken(ConfigurableApplicationContext app, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http(app).exchange("/api/assignments", HttpMethod.GET, new HttpEntity<>(headers), Map.class)
                .getStatusCode().value();
    }
}
