package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.POSITION;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.bson.Document;

/**
 * Hands out global positions without asking the database. A writer takes the next positions from this
 * process's own counter and inserts its events with {@code _id} = position; the unique {@code _id} is
 * what makes a position belong to one writer. Another command node that wrote there first turns the
 * insert into a duplicate-key error: the writer then moves its counter past everything stored and tries
 * again. So one command costs one insert instead of an increment and an insert, and positions stay
 * consecutive, since every node writes right after the head as it knows it and moves past any position
 * it finds taken. The positions a writer took after the one it found taken are given back, or, when
 * another writer of this process has taken positions since, filled, so that readers pass them at once.
 *
 * <p>A process has at most {@value #MAX_IN_FLIGHT} positions taken and not yet written at any moment (a
 * longer append is written in pieces), so a crash leaves at most that many empty positions in a row, a
 * few nodes crashing together a few times that: fewer than one read of {@link
 * EventDocuments#MAX_KEYS_PER_READ} positions, and a reader sees the events after a gap in
 * the same read that meets the gap, so it knows to wait for it and then to fill it.
 *
 * <p>{@code docket_counters} ({@code _id: "events"}) keeps a recent position, moved forward every
 * {@value #HINT_EVERY} positions, so that finding the head at start-up is a few exact reads from there
 * rather than a walk over the whole store.
 */
public final class Positions {

    /**
     * How long a taken position may stay empty before it is taken for lost: the gap timeout, after which Docket's
     * readers mark it empty, and 2 s for them to get to it. A backup and the verifier wait as long for it.
     */
    public static Duration lostAfter(Duration gapTimeout) {
        return gapTimeout.plusSeconds(2);
    }

    static final long HINT_EVERY = 1024;
    static final int MAX_IN_FLIGHT = 32;
    /** Each collision means another writer stored something; this many in a row means something else is wrong. */
    private static final int MAX_POSITION_COLLISIONS = 100;
    private static final int PROBE_WINDOW = EventDocuments.MAX_KEYS_PER_READ;

    private final MongoCollection<Document> events;
    private final Counters counters;
    /** The next position this process hands out; 0 until the head has been read. */
    private final AtomicLong next = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    /** Positions a write took while the database went away, and that could be neither given back nor filled. */
    private final Queue<long[]> unfilled = new ConcurrentLinkedQueue<>();
    private final LongConsumer beforeInsert;

    /** @param beforeInsert tests: runs between taking positions and inserting, to hold one writer back */
    Positions(MongoDatabase database, LongConsumer beforeInsert) {
        this.events = database.getCollection(EventDocuments.EVENTS);
        this.counters = new Counters(database);
        this.beforeInsert = beforeInsert;
    }

    /** How many documents went in, in order, before {@code failure} stopped the rest (null: all went in). */
    record Written(int count, RuntimeException failure) {
    }

    /**
     * Writes the documents at the next positions, in order, {@value #MAX_IN_FLIGHT} at a time. A position
     * another writer holds sends the rest past the head; any other failure stops the write, and the
     * positions taken for the rest are given back or filled.
     */
    Written write(List<Document> docs) {
        fillWhatWasLeft();
        int done = 0;
        int collisions = 0;
        while (done < docs.size()) {
            List<Document> pending = docs.subList(done, Math.min(docs.size(), done + MAX_IN_FLIGHT));
            long first = take(pending.size());
            try {
                for (int i = 0; i < pending.size(); i++) {
                    pending.get(i).put(POSITION, first + i);
                }
                beforeInsert.accept(first);
                Written outcome;
                try {
                    outcome = insert(pending);
                } catch (RuntimeException e) {
                    // The database went away mid-write: whether anything went in is unknown. The positions are
                    // given back or filled all the same (one that did go in keeps its document: a filler or a
                    // later writer meets a duplicate), so readers need not wait out the gap timeout for them.
                    releaseIfReachable(first, pending.size());
                    throw e;
                }
                stored(first, outcome.count());
                done += outcome.count();
                if (outcome.failure() == null) {
                    continue;
                }
                long stuck = first + outcome.count();
                int unused = pending.size() - outcome.count();
                if (isPositionTaken(outcome.failure()) && ++collisions <= MAX_POSITION_COLLISIONS) {
                    // Another command node (or a reader that gave the position up for lost) was there first.
                    release(stuck + 1, unused - 1);
                    passStored(stuck);
                    continue;
                }
                release(stuck, unused);
                return new Written(done, outcome.failure());
            } finally {
                inFlight.release(pending.size());
            }
        }
        return new Written(done, null);
    }

    private Written insert(List<Document> docs) {
        try {
            if (docs.size() == 1) {
                events.insertOne(docs.get(0));
            } else {
                events.insertMany(docs, new InsertManyOptions().ordered(true));
            }
            return new Written(docs.size(), null);
        } catch (MongoBulkWriteException e) {
            return new Written(e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex(), e);
        } catch (MongoWriteException e) {
            return new Written(0, e);
        }
    }

    /** A duplicate {@code _id}: another writer took the position. */
    private static boolean isPositionTaken(RuntimeException e) {
        return EventDocuments.duplicateIndex(e).map(EventDocuments.POSITION_INDEX::equals).orElse(false);
    }

    /**
     * The next positions this process hands out come after {@code position}: the stored event a write's first event
     * of an aggregate follows. This process's counter can be behind another node's writes, and a position below them
     * can still be free (another writer's, taken and not yet inserted): an event written there would come before the
     * event it follows, and readers by position would meet them the wrong way round. Before the head is first read
     * (counter 0) the head read does the same.
     */
    void after(long position) {
        next.accumulateAndGet(position + 1, (current, floor) -> current == 0 ? 0 : Math.max(current, floor));
    }

    /**
     * Takes {@code count} consecutive positions (at most {@value #MAX_IN_FLIGHT}) and returns the first;
     * waits while too many are in flight (released when the write of that piece is over).
     */
    private long take(int count) {
        inFlight.acquireUninterruptibly(count);
        if (next.get() == 0) {
            passStored(hint());
        }
        return next.getAndAdd(count);
    }

    /** The highest position that holds a document (0 for an empty store). */
    long head() {
        return headFrom(hint());
    }

    /**
     * Another writer holds a position this process handed out: move past everything stored from
     * {@code known} on. Positions between come in one stretch (see the class comment), so reading windows
     * of them until one is empty finds the head.
     */
    private void passStored(long known) {
        long head = headFrom(known);
        next.accumulateAndGet(head + 1, Math::max);
    }

    /**
     * Positions taken but not used: given back when nobody took any after them, otherwise filled, so
     * that readers need not wait for them.
     */
    private void release(long first, int count) {
        if (count > 0 && !next.compareAndSet(first + count, first)) {
            fill(events, first, first + count - 1);
        }
    }

    private void releaseIfReachable(long first, int count) {
        try {
            release(first, count);
        } catch (RuntimeException stillAway) {
            unfilled.add(new long[] {first, first + count - 1}); // filled by the next write, once the database answers
        }
    }

    /** Fills what an earlier failed write could not; a failure leaves the rest for the write after. */
    private void fillWhatWasLeft() {
        long[] range;
        while ((range = unfilled.peek()) != null) {
            fill(events, range[0], range[1]);
            unfilled.remove(range);
        }
    }

    /** Moves the start-up hint forward when a write crossed a multiple of {@value #HINT_EVERY}. */
    private void stored(long first, int count) {
        long last = first + count - 1;
        if (count > 0 && last / HINT_EVERY != (first - 1) / HINT_EVERY) {
            counters.raise(Counters.EVENTS, last);
        }
    }

    private long hint() {
        return counters.last(Counters.EVENTS);
    }

    private long headFrom(long known) {
        long head = known;
        while (true) {
            long highest = 0;
            for (Document d : EventDocuments.in(events, POSITION, EventDocuments.positions(head + 1, PROBE_WINDOW))
                    .projection(new Document(POSITION, 1))) {
                highest = Math.max(highest, EventDocuments.position(d));
            }
            if (highest == 0) {
                return head;
            }
            head = highest;
        }
    }

    /** The head of the store in {@code database}, for tools that read it without writing (verify, backup). */
    public static long head(MongoDatabase database) {
        return new Positions(database, first -> {
        }).head();
    }

    /** Marks positions from {@code first} to {@code last} as holding no event; taken ones are left alone. */
    static void fill(MongoCollection<Document> events, long first, long last) {
        if (last < first) {
            return;
        }
        List<Document> fillers = new ArrayList<>();
        for (long p = first; p <= last; p++) {
            fillers.add(EventDocuments.filler(p));
        }
        try {
            events.insertMany(fillers, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException ignored) {
            // A position that already holds a document needs no filler.
        }
    }
}
