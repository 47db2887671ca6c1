package vn.docket.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.docket.platform.PlatformConfiguration;

/** A clock tests can set, so that "today" (timeliness, effective dates) is whatever the scenario needs. */
public class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(LocalDate today) {
        setToday(today);
    }

    public void setToday(LocalDate today) {
        this.now = today.atTime(9, 0).atZone(PlatformConfiguration.ZONE).toInstant();
    }

    /** Moves the clock on, e.g. past a lease or an expiry. */
    public void advance(Duration by) {
        this.now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return PlatformConfiguration.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
