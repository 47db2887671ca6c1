package vn.docket.query.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import vn.docket.events.AccessDenied;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.NoticeEvent;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.UserEvent;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.support.ActorRef;

/**
 * The audit log's index, held in memory on every query node: per event only what the log's filters and its
 * order read (160-190 bytes), kept oldest first so that a page walks it from the end. A page reads only its
 * own entries from the {@code audit_log} read model, by id: the embedded database scans the whole collection
 * for any filter, sort or count, which took seconds at 10,000 assignments (bench/read.sh).
 *
 * <p>It belongs to the assignment index's processing group, whose position is kept in memory: every node reads
 * the whole event store once at start (one read for both indexes) and then follows it, whatever the other nodes
 * handle ({@code AssignmentIndexConfiguration}). Public only so that the read benchmark can measure a second one.
 */
@Component
@ProcessingGroup(AssignmentIndex.NAME)
public class AuditIndex {

    /** Who did it, shared by all of that person's entries: id, unit, and id and name folded for the search. */
    record Who(String id, String unit, String words) {
    }

    /**
     * One event; {@code seq} is -1 for an event of no aggregate; {@code effectiveDay} the epoch day it took effect,
     * {@link #NO_DAY} for an event that names none (a user's, a refused attempt that named none); {@code type} the
     * event's name, as the log shows it (one of {@link #TYPES}, the same instance for every entry of a kind).
     */
    record Entry(String eventId, long recordedAt, long seq, String assignmentId, Who who, long effectiveDay, String type) {
    }

    /** Every kind of event Docket stores, by the name the log gives it: what the log may be filtered by. */
    public static final Set<String> TYPES = Stream.of(Stream.of(AssignmentEvent.class.getPermittedSubclasses()),
                    Stream.of(NoticeEvent.class.getPermittedSubclasses()), Stream.of(UserEvent.class.getPermittedSubclasses()),
                    Stream.<Class<?>>of(AccessDenied.class))
            .flatMap(classes -> classes).map(type -> type.getSimpleName().intern()).collect(Collectors.toUnmodifiableSet());

    static final long NO_DAY = Long.MIN_VALUE;

    /** A page of entries, newest first, and how many matched in all. */
    record Found(List<Entry> page, long total) {
    }

    /** The log's order, oldest first: recorded at, then the aggregate's sequence (none first). */
    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::recordedAt)
            .thenComparingLong(Entry::seq);

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Who, Who> people = new HashMap<>();
    private final Map<String, String> assignmentIds = new HashMap<>();
    /**
     * The reason of each assignment's extension request awaiting a decision, and the grants stored before
     * DeadlineExtended said whose words their reason was that carry that reason word for word: the unit's, granted
     * without a reason of the leader's own (as the plan path reads them).
     */
    private final Map<String, String> asked = new HashMap<>();
    private final Set<String> grantedWithTheRequestsReason = new HashSet<>();
    /** One writer (the processor), many readers (requests); a request's pass over the entries holds it briefly. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        ActorRef actor = ActorRef.of(message.getMetaData());
        Who who = new Who(actor.id(), actor.unit(), AuditLogProjection.actorSearch(actor));
        String assignmentId = AuditLogProjection.assignmentOf(payload);
        long seq = message instanceof DomainEventMessage<?> domain && domain.getType() != null
                ? domain.getSequenceNumber() : -1;
        lock.writeLock().lock();
        try {
            add(new Entry(message.getIdentifier(), message.getTimestamp().toEpochMilli(), seq,
                    assignmentId == null ? null : assignmentIds.computeIfAbsent(assignmentId, id -> id),
                    people.computeIfAbsent(who, w -> w), effectiveDay(payload), type(payload)));
            followRequests(payload, assignmentId, message.getIdentifier());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Interned, as {@link #TYPES} are: one string per kind, however many entries. */
    private static String type(Object payload) {
        return payload.getClass().getSimpleName().intern();
    }

    /** Any decision or extension settles a request (command-side Deadline); a lapse ends it. */
    private void followRequests(Object payload, String assignmentId, String eventId) {
        if (payload instanceof ExtensionRequested request) {
            asked.put(assignmentId, request.reason());
        } else if (payload instanceof DeadlineExtended grant) {
            String said = asked.remove(assignmentId);
            if (grant.reasonFromRequest() == null && said != null && said.equals(grant.reason())) {
                grantedWithTheRequestsReason.add(eventId);
            }
        } else if (payload instanceof ExtensionRejected || payload instanceof ExtensionRequestLapsed) {
            asked.remove(assignmentId);
        }
    }

    /** Whether the grant {@code eventId}, stored before it said so itself, carries the unit's reason as its own. */
    boolean grantedWithTheRequestsReason(String eventId) {
        lock.readLock().lock();
        try {
            return grantedWithTheRequestsReason.contains(eventId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The day it took effect, as the log's column shows it (AuditLogProjection): an assignment's step, a notice's
     * registration, or the day a refused attempt named.
     */
    private static long effectiveDay(Object payload) {
        LocalDate day = payload instanceof AssignmentEvent step ? step.effectiveDate()
                : payload instanceof NoticeRegistered notice ? notice.effectiveDate()
                : payload instanceof AccessDenied denied ? denied.effectiveDate() : null;
        return day == null ? NO_DAY : day.toEpochDay();
    }

    /**
     * Puts the entry in its place, which is nearly always the end: events arrive in the store's order, and only
     * clocks of different nodes put one a little before another. An event delivered again is not added twice.
     */
    private void add(Entry entry) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ORDER.compare(entries.get(middle), entry) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        for (int at = low - 1; at >= 0 && ORDER.compare(entries.get(at), entry) == 0; at--) {
            if (entries.get(at).eventId().equals(entry.eventId())) {
                return;
            }
        }
        entries.add(low, entry);
    }

    /**
     * The entries that pass the filter (null: every entry), newest first: skip, then at most limit; and the total.
     * Without a filter only the page is read: the log's first page is what an auditor opens most.
     */
    Found find(Predicate<Entry> filter, long skip, int limit) {
        List<Entry> page = new ArrayList<>(Math.min(limit, 256));
        long total = 0;
        lock.readLock().lock();
        try {
            if (filter == null) {
                for (long at = entries.size() - 1 - skip; at >= 0 && page.size() < limit; at--) {
                    page.add(entries.get((int) at));
                }
                return new Found(page, entries.size());
            }
            for (int at = entries.size() - 1; at >= 0; at--) {
                Entry entry = entries.get(at);
                if (filter.test(entry)) {
                    if (total >= skip && page.size() < limit) {
                        page.add(entry);
                    }
                    total++;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return new Found(page, total);
    }
}
