package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.AGGREGATE_ID;
import static vn.docket.platform.eventstore.EventDocuments.HASH;
import static vn.docket.platform.eventstore.EventDocuments.STREAM_KEY;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Seals events before they are inserted (see {@link EventHash}), and remembers the hash of the head event of
 * recently used aggregates, so that appending the next one needs no read of its predecessor. An entry comes
 * from an append of this process or from a read of the aggregate's events; it can be old (another process
 * appended since), and then its sequence does not match and the engine reads the predecessor instead.
 *
 * <p>It can also name an event the store no longer holds: one lost in a crash of the database, or after a
 * restore from a backup, and perhaps written again differently by another node since. Chaining to it would
 * break the chain. So every read of an aggregate's events replaces the entry with what the store holds:
 * the last event read, or, when nothing was stored from the first sequence asked for, no entry from the one
 * before it on. Before each command a node reads the aggregate from the event its copy ends with (see
 * {@code CatchUpCachingRepository}), so the head it chains to is the one it has just read.
 */
final class ChainHeads {

    /** @param position where the event is stored: the next event of its aggregate must be stored after it */
    record Head(long sequence, String hash, long position) {
    }

    private final Map<String, Head> heads;

    ChainHeads(int capacity) {
        this.heads = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Seals each event with its hash, chained to the previous event of its aggregate: an earlier event of
     * the same list, the last one remembered here, or else read from the store in one exact-match query on
     * the stream keys of all predecessors still unknown.
     *
     * @return the highest position of a stored predecessor chained to (0 for none): the events must be stored after
     *         it, or a reader by position would meet an aggregate's event before the one it follows
     */
    long seal(List<Document> docs, MongoCollection<Document> events) {
        Map<String, Head> inThisList = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Document doc : docs) {
            if (EventDocuments.hasAggregate(doc)) {
                String aggregate = doc.getString(AGGREGATE_ID);
                long sequence = EventDocuments.sequence(doc);
                Head earlier = inThisList.get(aggregate);
                boolean known = sequence == 0 || (earlier != null && earlier.sequence() == sequence - 1)
                        || headAt(aggregate, sequence - 1) != null;
                if (!known) {
                    unknown.add(EventDocuments.streamKey(aggregate, sequence - 1));
                }
                inThisList.put(aggregate, new Head(sequence, null, 0));
            }
        }
        Map<String, Document> stored = new HashMap<>();
        if (!unknown.isEmpty()) {
            EventDocuments.in(events, STREAM_KEY, unknown).projection(new Document(STREAM_KEY, 1).append(HASH, 1))
                    .forEach(d -> stored.put(d.getString(STREAM_KEY), d));
        }
        long after = 0;
        inThisList.clear();
        for (Document doc : docs) {
            if (!EventDocuments.hasAggregate(doc)) {
                EventHash.seal(doc, EventHash.GENESIS);
                continue;
            }
            String aggregate = doc.getString(AGGREGATE_ID);
            long sequence = EventDocuments.sequence(doc);
            String previous = EventHash.GENESIS;
            if (sequence > 0) {
                Head earlier = inThisList.get(aggregate);
                Head remembered = headAt(aggregate, sequence - 1);
                Document read = stored.get(EventDocuments.streamKey(aggregate, sequence - 1));
                if (earlier != null && earlier.sequence() == sequence - 1) {
                    previous = earlier.hash();
                } else if (remembered != null) {
                    previous = remembered.hash();
                    after = Math.max(after, remembered.position());
                } else if (read != null) {
                    previous = read.getString(HASH);
                    after = Math.max(after, EventDocuments.position(read));
                }
                // Otherwise the predecessor is missing or was stored without a hash: it stays on genesis,
                // and the verifier reports the predecessor.
            }
            inThisList.put(aggregate, new Head(sequence, EventHash.seal(doc, previous), 0));
        }
        return after;
    }

    /** Call once the sealed events are stored: only stored events may be chained to. */
    void remember(List<Document> docs) {
        for (Document doc : docs) {
            if (EventDocuments.hasAggregate(doc)) {
                remember(doc.getString(AGGREGATE_ID), EventDocuments.sequence(doc), doc.getString(HASH),
                        EventDocuments.position(doc));
            }
        }
    }

    /**
     * What a read of {@code aggregate}'s events from {@code first} on found: {@code last} the last of them
     * (a stored event), or null when none was stored there. Then nothing from {@code first} on is stored,
     * and whether the event before is the one remembered is unknown: the next append reads it.
     */
    synchronized void read(String aggregate, long first, Document last) {
        if (last != null) {
            heads.put(aggregate, new Head(EventDocuments.sequence(last), last.getString(HASH), EventDocuments.position(last)));
            return;
        }
        Head head = heads.get(aggregate);
        if (head != null && head.sequence() >= first - 1) {
            heads.remove(aggregate);
        }
    }

    /** {@code aggregate}'s event {@code sequence}, if that is the last one remembered. */
    synchronized Head headAt(String aggregate, long sequence) {
        Head head = heads.get(aggregate);
        return head != null && head.sequence() == sequence ? head : null;
    }

    private synchronized void remember(String aggregate, long sequence, String hash, long position) {
        Head head = heads.get(aggregate);
        if (head == null || head.sequence() < sequence) {
            heads.put(aggregate, new Head(sequence, hash, position));
        }
    }
}
