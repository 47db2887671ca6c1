package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.events.TaskAssigned;

/**
 * `docket.jar demo` keeps its data where Docket keeps its own (./data): started by mistake in an office's directory,
 * or on a database restored from a backup, it played its dozen made-up assignments into a record that is kept for
 * good and can never be cleaned.
 */
class DemoOnAWorkingDatabaseTest {

    @TempDir
    Path temp;

    ConfigurableApplicationContext start(Path data, boolean demo) {
        return new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class)
                .profiles("test")
                .run("--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + data,
                        "--docket.mongo.timeouts.server-selection=10s", "--docket.demo.data=" + demo);
    }

    static long assigned(ConfigurableApplicationContext app) {
        return app.getBean(MongoDatabase.class).getCollection("docket_events")
                .countDocuments(Filters.eq("payloadType", TaskAssigned.class.getName()));
    }

    @Test
    void the_demo_history_is_not_played_into_a_database_holding_assignments_recorded_without_it() {
        Path data = temp.resolve("data");
        try (ConfigurableApplicationContext app = start(data, false)) {
            Walks.assign(RestartTest.client(app), "Báo cáo công tác giải phóng mặt bằng", "Phòng Quản lý đô thị",
                    "2021-04-25", List.of("Lãnh đạo UBND thành phố"));
        }
        try (ConfigurableApplicationContext app = start(data, true)) {
            assertThat(assigned(app)).as("assignments on record").isEqualTo(1);
        }
    }

    @Test
    void a_demo_started_again_on_its_own_data_keeps_the_history_it_played_once() {
        Path data = temp.resolve("data");
        long played;
        try (ConfigurableApplicationContext app = start(data, true)) {
            played = assigned(app);
            assertThat(played).as("the demo's assignments").isGreaterThan(5);
        }
        try (ConfigurableApplicationContext app = start(data, true)) {
            assertThat(assigned(app)).isEqualTo(played);
        }
    }
}
