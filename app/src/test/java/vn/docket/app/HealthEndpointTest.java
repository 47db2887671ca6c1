package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Load balancers ask Docket's health without credentials and learn UP or DOWN, nothing more. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class HealthEndpointTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void liveness_and_readiness_answer_without_credentials_with_the_status_alone() {
        // A node is ready once its assignment index has read the event store after start-up (a moment here).
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value() == 200);
        Map<String, String> expected = Map.of(
                "/actuator/health", "{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}",
                "/actuator/health/liveness", "{\"status\":\"UP\"}",
                "/actuator/health/readiness", "{\"status\":\"UP\"}");
        expected.forEach((path, body) -> {
            ResponseEntity<String> health = http.getForEntity(path, String.class);
            assertThat(health.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(health.getBody()).as(path).isEqualTo(body);
        });
    }

    @Test
    void no_other_actuator_endpoint_answers_with_its_contents() {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/mappings"}) {
            ResponseEntity<String> answer = http.withBasicAuth("admin", "demo").getForEntity(path, String.class);
            assertThat(answer.getBody()).as(path).doesNotContain("propertySources", "\"beans\"", "\"contexts\"");
        }
    }
}
