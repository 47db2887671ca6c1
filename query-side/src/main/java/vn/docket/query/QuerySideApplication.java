package vn.docket.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.docket.platform.PlatformConfiguration;

/**
 * The query side on its own, for scaling out: query nodes share the projections' tracking segments
 * through the token store in the shared MongoDB.
 */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
