package vn.docket.platform.axon;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How several Docket nodes on one database share the projections. Each projection's events are split into
 * {@code segments} (by assignment, so one assignment's events stay in order on one node); a node works on a
 * segment while it holds its claim in the token store, and renews the claim every second.
 *
 * @param segments     segments per projection; a database that ran with fewer gets them split up to this
 *                     (SegmentSharing), never merged down; a node
 *                     can work on all of them, so one node alone still does everything
 * @param claimTimeout a claim not renewed for this long is free: a dead node's segments are taken over after
 *                     it, plus at most a second until a live node looks for free segments
 * @param nodeId       this node's name in the token store; unique per process (host, process id and a random
 *                     part), so two nodes never both think they hold one claim
 */
@ConfigurationProperties(prefix = "docket.cluster")
public record ClusterSettings(Integer segments, Duration claimTimeout, String nodeId) {

    /** How often a node looks for segments nobody holds; Axon's own default is 5 s. */
    public static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);

    public ClusterSettings {
        segments = segments == null ? 1 : segments;
        if (segments < 1) {
            throw new IllegalArgumentException("docket.cluster.segments must be 1 or more, not " + segments);
        }
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(5) : claimTimeout;
        if (claimTimeout.compareTo(CLAIM_INTERVAL.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("docket.cluster.claim-timeout must be at least 3s (a node renews its"
                    + " claims every second), not " + claimTimeout);
        }
        nodeId = nodeId == null || nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
    }
}
