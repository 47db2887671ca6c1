package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import vn.docket.command.CommandSideApplication;
import vn.docket.platform.mongo.DatabaseServer;

/**
 * Docket scaled out: a second command node on the same database. Each node keeps the assignments it used
 * in memory; what one node does must be what the other decides on next.
 */
class TwoCommandNodesTest {

    @Test
    void a_node_decides_on_what_the_other_node_did_since_it_last_touched_the_assignment() {
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(DocketApplication.class,
                TestClockConfiguration.class).profiles("test").run()) {
            String database = first.getBean(DatabaseServer.class).connectionString();
            try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommandSideApplication.class,
                    TestClockConfiguration.class).profiles("test").run("--docket.mongo.uri=" + database)) {
                DocketClient one = RestartTest.client(first);
                DocketClient two = RestartTest.client(second);

                String id = Walks.assign(one, "Báo cáo tình hình triển khai camera giám sát", "Phòng Quản lý đô thị",
                        "2021-05-20", List.of("Lãnh đạo UBND thành phố"));
                Walks.draft(one, "qldt", id, "2021-05-03");
                String at = "/api/assignments/" + id;

                // Approved on the second node, which the first has not heard of.
                two.ok("chair", at + "/approvals", Map.of("effectiveDate", "2021-05-04"));

                // The first node's copy still awaits review: it must neither approve again nor refuse to issue.
                ResponseEntity<Map<String, Object>> again = one.post("chair", at + "/approvals",
                        Map.of("effectiveDate", "2021-05-05"));
                assertThat(again.getStatusCode().value()).isEqualTo(409);
                assertThat(again.getBody()).containsEntry("rule", "no-draft-awaiting-review");
                one.ok("clerk", at + "/issuance", Map.of("documentNumber", "12/BC-UBND", "issuedOn", "2021-05-06"));

                // And the other way round: the second node hears of the issue before it decides.
                ResponseEntity<Map<String, Object>> issuedTwice = two.post("clerk", at + "/issuance",
                        Map.of("documentNumber", "13/BC-UBND", "issuedOn", "2021-05-07"));
                assertThat(issuedTwice.getStatusCode().value()).isEqualTo(409);
                assertThat(issuedTwice.getBody()).containsEntry("rule", "already-issued");

                Map<String, Object> done = one.await("auditor", at, a -> "ISSUED".equals(a.get("status")));
                assertThat(done).containsEntry("status", "ISSUED");
                assertThat(NoticeItemOneWalkTest.items(one.getOk("auditor", "/api/audit?assignment=" + id)))
                        .as("nothing twice").extracting(e -> e.get("type"))
                        .containsExactly("DocumentIssued", "DraftApproved", "DraftSubmitted", "TaskAssigned");
            }
        }
    }
}
