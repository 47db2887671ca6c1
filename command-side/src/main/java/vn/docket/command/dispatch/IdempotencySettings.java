package vn.docket.command.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long Docket holds an Idempotency-Key.
 *
 * @param lease  how long a key whose request is running stays claimed without news from its node. The node renews
 *               it every third of this while the request runs, so a slow request keeps its key; a request whose
 *               process died frees its key at most this long after the last renewal. 15 s leaves room for two
 *               missed renewals (a database write may take up to its 5 s timeout) and is shorter than the time a
 *               crashed node takes to restart, so a client's retry waits no longer for the key than for Docket.
 * @param expiry how long a key is remembered after its first request; a retry later than this is a new request
 */
@ConfigurationProperties(prefix = "docket.idempotency")
public record IdempotencySettings(Duration lease, Duration expiry) {

    public IdempotencySettings {
        lease = lease == null ? Duration.ofSeconds(15) : lease;
        expiry = expiry == null ? Duration.ofHours(24) : expiry;
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("docket.idempotency.lease must be at least 300ms");
        }
        if (expiry.compareTo(lease) <= 0) {
            throw new IllegalArgumentException("docket.idempotency.expiry must be longer than docket.idempotency.lease");
        }
    }
}
