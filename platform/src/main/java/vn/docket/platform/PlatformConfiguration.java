package vn.docket.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Imported by each Docket process (command side, query side, the app): the wiring they share. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class PlatformConfiguration {

    /** Docket's users live in Vietnam: "today" and "in the future" are judged in Asia/Ho_Chi_Minh. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Tests add a @Primary clock they can set. */
    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
