package vn.docket.platform.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash of the last event this process appended for recently used aggregates, so that appending the
 * next one needs no read of its predecessor. Only events that were inserted are remembered, and a stored
 * event never changes, so an entry is never wrong; it can only be old (another process appended since),
 * and then its sequence does not match and the engine reads the predecessor instead.
 */
final class ChainHeads {

    record Head(long sequence, String hash) {
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

    /** The hash of {@code aggregate}'s event {@code sequence}, if that is the last one remembered. */
    synchronized String hashOf(String aggregate, long sequence) {
        Head head = heads.get(aggregate);
        return head != null && head.sequence() == sequence ? head.hash() : null;
    }

    synchronized void remember(String aggregate, long sequence, String hash) {
        Head head = heads.get(aggregate);
        if (head == null || head.sequence() < sequence) {
            heads.put(aggregate, new Head(sequence, hash));
        }
    }
}
