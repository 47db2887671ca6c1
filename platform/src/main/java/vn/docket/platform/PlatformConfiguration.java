package vn.docket.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import vn.docket.calendar.WorkingDayCalendar;

/** Imported by each Docket process (command side, query side, the app): the wiring they share. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class PlatformConfiguration {

    /** Docket's users live in Vietnam: "today" and "in the future" are judged in Asia/Ho_Chi_Minh. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * Working days in Vietnam (weekends, public holidays, the government's swaps). Further years go in
     * {@code docket.calendar.dir} as vn-YYYY.txt; see shared-events/src/main/resources/calendar/README.md.
     */
    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${docket.calendar.dir:}") String dir) {
        return dir.isBlank() ? WorkingDayCalendar.bundled() : WorkingDayCalendar.load(Path.of(dir));
    }

    /** Tests add a @Primary clock they can set. */
    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
