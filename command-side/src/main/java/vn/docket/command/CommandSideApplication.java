package vn.docket.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.docket.platform.PlatformConfiguration;

/**
 * The command side on its own, for scaling out: several of these can run against one MongoDB, kept apart
 * by optimistic concurrency on each assignment's event sequence.
 */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
