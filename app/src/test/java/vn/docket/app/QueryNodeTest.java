package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.query.QuerySideApplication;

/** Docket scaled out on the read side: a query node started on its own, on the database a whole node writes to. */
class QueryNodeTest {

    @Test
    void a_query_node_started_alone_lists_and_finds_what_the_other_node_recorded() {
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(DocketApplication.class,
                TestClockConfiguration.class).profiles("test").run()) {
            String database = first.getBean(DatabaseServer.class).connectionString();
            DocketClient whole = RestartTest.client(first);
            String id = Walks.assign(whole, "Kế hoạch lát lại vỉa hè các tuyến phố trung tâm", "Phòng Quản lý đô thị",
                    "2021-05-20", List.of("Lãnh đạo UBND thành phố"));
            try (ConfigurableApplicationContext second = new SpringApplicationBuilder(QuerySideApplication.class,
                    TestClockConfiguration.class).profiles("test").run("--docket.mongo.uri=" + database)) {
                DocketClient queries = RestartTest.client(second);
                Map<String, Object> found = queries.await("clerk", "/api/assignments?q=via he",
                        page -> ((List<?>) page.get("items")).size() == 1);
                assertThat(((Map<?, ?>) ((List<?>) found.get("items")).get(0)).get("id")).isEqualTo(id);
            }
        }
    }
}
