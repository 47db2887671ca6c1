package vn.docket.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The H2 backend without the Java serialization that made most of the embedded server's time.
 *
 * <p>Lookups in the unique indexes do not serialize every key they pass. Each unique index is an H2 map keyed
 * by the server's {@link KeyValue}, which is not {@link Comparable}, so H2's default key type orders two keys by
 * Java-serializing both, at every step of every search through the map: reading an event, a token or a
 * read-model document by key. While a node's assignment index read the store after a restart, that was most
 * of the embedded server's samples (bench/README.md, "Index lookups on the embedded H2 server").
 * {@link KeyType} orders keys by exactly the same bytes, so maps written before keep their order and a data
 * file needs no migration, but it keeps the bytes of the keys compared last: the key being looked for, and
 * the keys of the pages a search passes, which the next searches pass again; a commit writes those bytes.
 *
 * <p>Documents are written as BSON ({@link BsonDocumentType}), and a collection does not keep its data size
 * (see {@link Database#openOrCreateCollection}).
 */
abstract class FastKeysH2Backend extends H2Backend {

    FastKeysH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * Opens each index's map with {@link KeyType} before H2Database opens it by name, which then gets the same
     * map. Inner, not static: H2Database opens the indexes in its constructor, before a field of this class
     * would be set, while the enclosing backend is there from the start.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            getMvStore().openMap(indexMapName(getFullCollectionNamespace(collectionName), indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyType()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /**
         * A collection whose documents are written as BSON ({@link BsonDocumentType}) and that does not keep
         * its data size. The server kept it by encoding a document to BSON on every insert and delete, and both
         * versions of it on every update, only to answer collStats, which Docket never asks: a fifth of the
         * server's samples under commands (bench/README.md, "A create's cost in the embedded server").
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap(DATA_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
            return new H2Collection(this, collectionName, options, documents, meta, getCursorRegistry()) {
                @Override
                protected boolean tracksDataSize() {
                    return false;
                }
            };
        }
    }

    /** The names H2Database gives a collection's maps (mongo-java-server 1.47; FastKeysH2BackendTest checks them). */
    static final String DATA_PREFIX = "databases.";
    static final String META_PREFIX = "meta.";

    /** The name H2Database gives an index's map (mongo-java-server 1.47; FastKeysH2BackendTest checks it). */
    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._index_" + indexName;
    }

    /**
     * H2's {@link ObjectDataType} (so values, and keys on disk, are written and read as before) with the same
     * order for two {@link KeyValue}s, computed from bytes serialized once per key rather than per comparison.
     * The cache is shared by all threads (the keys of an index's upper pages are the same objects for every
     * lookup), direct-mapped by identity and without a lock: a key is the same object for as long as it is
     * cached, a slot holds a key and its bytes together, and a key evicted or raced out is serialized again.
     */
    static final class KeyType extends ObjectDataType {

        private static final int SLOTS = 4096;

        private record Serialized(Object key, byte[] bytes) {
        }

        private static final AtomicReferenceArray<Serialized> CACHE = new AtomicReferenceArray<>(SLOTS);

        @Override
        public int compare(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a instanceof KeyValue && b instanceof KeyValue) {
                return compareNotNull(serialized(a), serialized(b));
            }
            return super.compare(a, b);
        }

        /**
         * Exactly what {@link ObjectDataType} writes for a serialized object (its tag 19, the length, the
         * bytes; FastKeysH2BackendTest compares them), from the bytes kept for comparing: a commit writes
         * every key of each index page it writes.
         */
        @Override
        public void write(WriteBuffer buffer, Object key) {
            if (!(key instanceof KeyValue)) {
                super.write(buffer, key);
                return;
            }
            byte[] bytes = serialized(key);
            buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
            memory = BsonDocumentType.averaged(memory, bytes.length);
        }

        /**
         * Read as H2's own type reads a key, which also keeps the estimate: after a restart nothing is written for a
         * while, and at the first guess every key counted several times its size, so the cache held fewer index pages.
         */
        @Override
        public Object read(ByteBuffer buffer) {
            int start = buffer.position();
            Object key = super.read(buffer);
            if (key instanceof KeyValue) {
                memory = BsonDocumentType.averaged(memory, buffer.position() - start);
            }
            return key;
        }

        /**
         * H2's estimate of a key's memory, which its own write and read kept: twice the serialized size, averaged over
         * the keys written and read. Without it every key counted as 10,000 bytes, H2's first guess: an index page
         * held a few keys and its cache a few pages, and reading events by key got slower (bench/README.md).
         */
        private volatile int memory = 1024;

        @Override
        public int getMemory(Object key) {
            return key instanceof KeyValue ? memory : super.getMemory(key);
        }

        private static final byte SERIALIZED_OBJECT = 19;

        private static byte[] serialized(Object key) {
            int slot = System.identityHashCode(key) & (SLOTS - 1);
            Serialized cached = CACHE.get(slot);
            if (cached == null || cached.key() != key) {
                cached = new Serialized(key, serialize(key));
                CACHE.set(slot, cached);
            }
            return cached.bytes();
        }
    }
}
