package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Docket stopped and started again on the same data directory has forgotten nothing. */
class RestartTest {

    @TempDir
    Path data;

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class)
                .profiles("test")
                // Command-line arguments: they outrank the test profile's in-memory backend.
                .run("--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + data);
    }

    static DocketClient client(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new DocketClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    @Test
    void after_a_restart_on_the_same_data_everything_is_still_there_and_work_goes_on() {
        String id;
        Map<String, Object> before;
        try (ConfigurableApplicationContext first = start()) {
            DocketClient docket = client(first);
            id = Walks.assign(docket, "Báo cáo công tác giải phóng mặt bằng", "Phòng Quản lý đô thị", "2021-04-25",
                    List.of("Lãnh đạo UBND thành phố"));
            Walks.draft(docket, "qldt", id, "2021-04-14");
            before = docket.await("auditor", "/api/assignments/" + id + "/path",
                    p -> ((List<?>) p.get("steps")).size() == 2);
        }
        try (ConfigurableApplicationContext second = start()) {
            DocketClient docket = client(second);
            assertThat(docket.getOk("auditor", "/api/assignments/" + id + "/path")).isEqualTo(before);
            assertThat(docket.getOk("auditor", "/api/assignments/" + id)).containsEntry("status", "DRAFT_SUBMITTED")
                    .containsEntry("currentVersion", 1);
            // The aggregate reloads from the stored events: the next step follows the rules of its state.
            docket.ok("chair", "/api/assignments/" + id + "/approvals", Map.of("effectiveDate", "2021-04-16"));
            docket.await("auditor", "/api/assignments/" + id, a -> "APPROVED".equals(a.get("status")));
            assertThat(((Number) docket.getOk("auditor", "/api/audit?assignment=" + id).get("total")).intValue())
                    .isEqualTo(3);
        }
    }
}
