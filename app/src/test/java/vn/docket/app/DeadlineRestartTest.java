package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.platform.testing.MutableClock;

/**
 * Deadlines are stored, not held in memory: scheduled before a restart, the reminder is delivered after it,
 * once; the missed deadline after the next restart, once; nothing delivered is delivered again.
 */
class DeadlineRestartTest {

    @TempDir
    Path data;

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class)
                .profiles("test")
                .run("--docket.mongo.embedded.backend=h2", "--docket.mongo.embedded.data-dir=" + data);
    }

    static long pending(ConfigurableApplicationContext app, String id) {
        return app.getBean(MongoDatabase.class).getCollection("deadlines")
                .countDocuments(new Document("scopeKey", new Document("$regex", id)));
    }

    static long count(Map<String, Object> path, String type) {
        return NoticeItemOneWalkTest.steps(path).stream().filter(s -> type.equals(s.get("type"))).count();
    }

    @Test
    void a_reminder_and_a_missed_deadline_scheduled_before_restarts_are_each_recorded_once_after_them() throws Exception {
        String id;
        try (ConfigurableApplicationContext first = start()) {
            DocketClient docket = RestartTest.client(first);
            Map<String, Object> body = new HashMap<>();
            body.put("title", "Báo cáo tiến độ giải ngân vốn đầu tư công");
            body.put("kind", "REPORT");
            body.put("leadUnit", "Phòng Tài chính - Kế hoạch");
            body.put("deadline", "2021-05-20");
            body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
            id = (String) docket.ok("clerk", "/api/assignments", body).get("id");
            assertThat(pending(first, id)).isEqualTo(2);
        }
        String path = "/api/assignments/" + id + "/path";
        try (ConfigurableApplicationContext second = start()) {
            DocketClient docket = RestartTest.client(second);
            assertThat(pending(second, id)).isEqualTo(2);
            second.getBean(MutableClock.class).setToday(LocalDate.of(2021, 5, 17));
            docket.await("auditor", path, p -> count(p, "REMINDER_SENT") == 1);
            assertThat(pending(second, id)).isEqualTo(1);
        }
        try (ConfigurableApplicationContext third = start()) {
            DocketClient docket = RestartTest.client(third);
            third.getBean(MutableClock.class).setToday(LocalDate.of(2021, 5, 21));
            docket.await("auditor", path, p -> count(p, "DEADLINE_MISSED") == 1);
            // Several more polls of the deadline manager: nothing else may arrive.
            Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> {
                Map<String, Object> after = docket.getOk("auditor", path);
                return count(after, "REMINDER_SENT") == 1 && count(after, "DEADLINE_MISSED") == 1;
            });
            assertThat(pending(third, id)).isZero();
        }
    }
}
