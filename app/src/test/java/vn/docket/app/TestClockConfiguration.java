package vn.docket.app;

import java.time.LocalDate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.docket.platform.testing.MutableClock;

/** Today is 10/5/2021 unless a test moves the clock: after the walk of notice 311's first item. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(LocalDate.of(2021, 5, 10));
    }
}
