package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Docket that started on the axon-mongo extension moves to Docket's engine with
 * {@code docket.event-store.migrate-from-axon-mongo=true}: its history comes along, its projections go on
 * from where they were, and a projection can still be rebuilt. Started without the migration, it says so.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationFromAxonMongoTest {

    @TempDir
    Path data;

    ConfigurableApplicationContext start(String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--docket.mongo.embedded.backend=h2";
        args[1] = "--docket.mongo.embedded.data-dir=" + data;
        System.arraycopy(settings, 0, args, 2, settings.length);
        return new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class)
                .profiles("test").run(args);
    }

    @Test
    void after_the_migration_projections_continue_without_handling_an_event_twice_and_can_be_rebuilt(
            CapturedOutput output) {
        String id;
        Map<String, Object> path;
        try (ConfigurableApplicationContext onAxonMongo = start("--docket.event-store.engine=axon-mongo")) {
            DocketClient docket = RestartTest.client(onAxonMongo);
            id = Walks.assign(docket, "Báo cáo công tác giải phóng mặt bằng", "Phòng Quản lý đô thị", "2021-04-25",
                    List.of("Lãnh đạo UBND thành phố"));
            Walks.draft(docket, "qldt", id, "2021-04-14");
            path = docket.await("auditor", "/api/assignments/" + id + "/path",
                    p -> ((List<?>) p.get("steps")).size() == 2);
            docket.await("auditor", "/api/audit?assignment=" + id, a -> ((Number) a.get("total")).intValue() == 2);
        }
        try (ConfigurableApplicationContext forgotten = start("--docket.event-store.engine=docket")) {
            // Without the migration the projections cannot run; the log says what to do. Read from both streams:
            // under "mvn test" platform's test classes, with their logback-test.xml (warnings to standard
            // error), are on the class path; under "mvn verify" its test-jar, without it (standard output).
            assertThat(output.getAll()).contains("Projection processor assignment-list/0 still holds a position in"
                    + " the axon-mongo event store and cannot process events until it is carried over: start Docket"
                    + " once with docket.event-store.migrate-from-axon-mongo=true");
        }
        try (ConfigurableApplicationContext onDocket = start("--docket.event-store.engine=docket",
                "--docket.event-store.migrate-from-axon-mongo=true")) {
            DocketClient docket = RestartTest.client(onDocket);
            assertThat(docket.getOk("auditor", "/api/assignments/" + id + "/path")).isEqualTo(path);
            // The aggregate loads from the copied events, and the projections take the new event from the
            // position the migration gave them.
            docket.ok("chair", "/api/assignments/" + id + "/approvals", Map.of("effectiveDate", "2021-04-16"));
            docket.await("auditor", "/api/assignments/" + id, a -> "APPROVED".equals(a.get("status")));
            docket.await("auditor", "/api/assignments/" + id + "/path", p -> ((List<?>) p.get("steps")).size() == 3);
            assertThat(((Number) docket.getOk("auditor", "/api/audit?assignment=" + id).get("total")).intValue())
                    .isEqualTo(3);

            // Before the migration moved the tokens, this failed: Axon cannot compare an axon-mongo token
            // with Docket's positions.
            Map<String, Object> approved = docket.getOk("auditor", "/api/assignments/" + id + "/path");
            assertThat(docket.post("admin", "/api/admin/projections/plan-path/rebuild", null)
                    .getStatusCode().value()).isEqualTo(202);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    docket.getList("admin", "/api/admin/projections").getBody().stream()
                            .anyMatch(p -> "plan-path".equals(p.get("name")) && Boolean.TRUE.equals(p.get("caughtUp"))
                                    && Boolean.FALSE.equals(p.get("rebuilding"))));
            assertThat(docket.getOk("auditor", "/api/assignments/" + id + "/path")).isEqualTo(approved);
        }
    }
}
