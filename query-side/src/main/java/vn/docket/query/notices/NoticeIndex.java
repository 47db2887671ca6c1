package vn.docket.query.notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import vn.docket.events.NoticeRegistered;
import vn.docket.query.assignments.AssignmentIndex;

/**
 * The registered notices, newest first, held in memory on every query node: the list pages through it and reads
 * only its page's notices, by id. The embedded database answers the list's sort and count by reading every
 * notice with every assignment it cites.
 *
 * <p>It belongs to the assignment index's processing group, whose position is kept in memory: every node reads the
 * whole event store once at start and then follows it. A notice delivered again is not added twice.
 */
@Component
@ProcessingGroup(AssignmentIndex.NAME)
class NoticeIndex {

    /** One notice: when it was registered (the event's time) and its id. */
    record Entry(long registeredAt, String id) {
    }

    /** A page of notice ids, newest first, and how many there are. */
    record Found(List<Entry> page, long total) {
    }

    /** Oldest first, so that a new notice is nearly always added at the end. */
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    /** One writer (the processor), many readers (requests). */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @EventHandler
    void on(NoticeRegistered e, @Timestamp Instant registeredAt) {
        Entry entry = new Entry(registeredAt.toEpochMilli(), e.noticeId().toString());
        lock.writeLock().lock();
        try {
            if (ids.add(entry.id())) {
                int at = entries.size();
                while (at > 0 && entries.get(at - 1).registeredAt() > entry.registeredAt()) {
                    at--; // a node whose clock is behind: put it in its place in time
                }
                entries.add(at, entry);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Newest first: skip, then at most limit; and the total. */
    Found page(long skip, int limit) {
        lock.readLock().lock();
        try {
            List<Entry> page = new ArrayList<>(Math.min(limit, 256));
            for (long at = entries.size() - 1 - skip; at >= 0 && page.size() < limit; at--) {
                page.add(entries.get((int) at));
            }
            return new Found(page, entries.size());
        } finally {
            lock.readLock().unlock();
        }
    }
}
