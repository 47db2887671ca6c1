package vn.docket.command.deadlines;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Docket chases deadlines.
 *
 * @param remindWorkingDaysBefore how many working days (Vietnamese calendar) before a deadline the lead unit is reminded
 * @param sendAt                  the local time (Asia/Ho_Chi_Minh) at which reminders and missed deadlines are recorded
 * @param pollInterval            how often the deadline store is checked for deadlines that are due
 * @param lease                   how long a claimed deadline stays claimed; a process that died while delivering
 *                                it lets another delivery happen after this
 * @param maxAttempts             deliveries tried before a deadline is parked as failed
 */
@ConfigurationProperties(prefix = "docket.deadlines")
public record DeadlineSettings(Integer remindWorkingDaysBefore, LocalTime sendAt, Duration pollInterval,
                               Duration lease, Integer maxAttempts) {

    public DeadlineSettings {
        remindWorkingDaysBefore = remindWorkingDaysBefore == null ? 3 : remindWorkingDaysBefore;
        if (remindWorkingDaysBefore < 0) {
            throw new IllegalArgumentException("docket.deadlines.remind-working-days-before must not be negative");
        }
        sendAt = sendAt == null ? LocalTime.of(8, 0) : sendAt;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(1) : lease;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
    }
}
