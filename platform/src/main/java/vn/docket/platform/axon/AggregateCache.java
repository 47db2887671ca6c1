package vn.docket.platform.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Keeps the most recently used aggregates in memory, so that a command on an aggregate this node handled
 * recently skips reading its snapshot and events. With several command nodes a cached copy can be behind
 * what another node stored: use it through {@link CatchUpCachingRepository}, which brings it up to date
 * before each use.
 *
 * <p>Bounded by entries, least recently used first out. Axon's own {@code WeakReferenceCache} would lose
 * everything at each garbage collection, and its other caches need a caching library.
 */
public final class AggregateCache implements Cache {

    private final Map<Object, Object> entries;

    public AggregateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("An aggregate cache holds at least one aggregate, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing in Axon 4.12's repositories listens to a cache; refusing is clearer than ignoring. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("Docket's aggregate cache does not notify listeners");
    }
}
