package vn.docket.platform.eventstore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Remembers when a reader first saw each gap: a position that was handed out but holds no document
 * while a later position does. Readers stop in front of a gap and only pass it once it has been open
 * for the gap timeout, counted on this process's own monotonic clock, so clocks of other nodes never
 * matter. They pass it by putting a filler in it, so a position a reader has passed is never written
 * afterwards: a late writer finds it taken and stores its events further on.
 */
final class GapWatch {

    /** Plenty for any realistic number of simultaneous open gaps; guards against a leak if one is never resolved. */
    private static final int MAX_TRACKED = 10_000;

    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();

    GapWatch(Duration timeout, LongSupplier nanoClock) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
    }

    /** True once the gap at {@code position} has been open longer than the timeout; starts its clock if new. */
    boolean expired(long position) {
        long now = nanoClock.getAsLong();
        if (firstSeen.size() > MAX_TRACKED) {
            firstSeen.clear();
        }
        long seen = firstSeen.computeIfAbsent(position, p -> now);
        return now - seen >= timeoutNanos;
    }

    /**
     * Starts the clock of every gap from {@code first} up to {@code last} at once, so that a run of empty
     * positions (say, the writes in flight when a node crashed) expires together rather than one timeout
     * after another.
     */
    void noticeAll(long first, long last, LongPredicate present) {
        long now = nanoClock.getAsLong();
        for (long p = first; p < last; p++) {
            if (!present.test(p)) {
                firstSeen.putIfAbsent(p, now);
            }
        }
    }

    void resolved(long position) {
        if (!firstSeen.isEmpty()) {
            firstSeen.remove(position);
        }
    }
}
