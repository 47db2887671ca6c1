package vn.docket.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;

/**
 * What an attacker with the database but not the anchor key does: the events of aggregate "c" after its first
 * two are forged, every hash is redone, the checkpoints are dropped so that they are computed again over the
 * forgery. The walk of the store alone then finds nothing; only the signed anchors kept elsewhere can.
 */
public final class ConsistentRewrite {

    /** Checkpoints (and anchors) every this many positions in {@link #anchoredStore}. */
    public static final int EVERY = 4;

    private ConsistentRewrite() {
    }

    /** Aggregates "a", "b", "c" taking turns, five events each, and one without an aggregate: 16 positions. */
    static void fill(DocketEventStorageEngine engine) {
        for (int seq = 0; seq < 5; seq++) {
            engine.appendEvents(DocketEventStorageEngineTest.event("a", seq), DocketEventStorageEngineTest.event("b", seq),
                    DocketEventStorageEngineTest.event("c", seq));
            if (seq == 0) {
                engine.appendEvents(GenericEventMessage.asEventMessage(new Noted("no aggregate", 0)));
            }
        }
    }

    /** c#2, c#3 and c#4 (positions 10, 13, 16) forged, hashes and checkpoints redone. */
    static void rewrite(MongoDatabase database) {
        MongoCollection<Document> events = database.getCollection(EventDocuments.EVENTS);
        String previous = events.find(Filters.eq("_id", 7L)).first().getString("hash");
        for (long position : new long[] {10, 13, 16}) {
            Document doc = events.find(Filters.eq("_id", position)).first();
            doc.put("payload", doc.getString("payload").replace("\"c\"", "\"forged\""));
            previous = EventHash.seal(doc, previous);
            events.replaceOne(Filters.eq("_id", position), doc);
        }
        database.getCollection(Checkpointer.CHECKPOINTS).drop();
        database.getCollection(Counters.COLLECTION).deleteOne(Filters.eq("_id", Counters.CHECKPOINTS));
    }

    /**
     * An embedded H2 store in {@code dataDir} of 16 events, verified once with the key {@code keyDir/anchor-key.pem}
     * (anchors exported to {@code keyDir/anchors.jsonl}), then rewritten consistently and closed.
     */
    public static void anchoredStore(Path dataDir, Path keyDir) throws Exception {
        try (EmbeddedStore store = EmbeddedStore.onDisk(dataDir)) {
            fill(store.engine());
            Anchors.init(keyDir.resolve("anchor-key.pem"));
            Checkpointer signing = new Checkpointer(store.database, EVERY, Duration.ofSeconds(10),
                    new Anchors.Signer(keyDir.resolve("anchor-key.pem"), keyDir.resolve("anchors.jsonl")));
            new StoreVerifier(store.database, signing, Duration.ZERO).verify();
            rewrite(store.database);
        }
    }
}
