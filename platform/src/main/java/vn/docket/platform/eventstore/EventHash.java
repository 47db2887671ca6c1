package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.AGGREGATE_ID;
import static vn.docket.platform.eventstore.EventDocuments.EVENT_ID;
import static vn.docket.platform.eventstore.EventDocuments.HASH;
import static vn.docket.platform.eventstore.EventDocuments.META_DATA;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD_REVISION;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD_TYPE;
import static vn.docket.platform.eventstore.EventDocuments.PREV_HASH;
import static vn.docket.platform.eventstore.EventDocuments.SEQUENCE;
import static vn.docket.platform.eventstore.EventDocuments.TIMESTAMP;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.bson.Document;

import vn.docket.platform.Sha256;

/**
 * The tamper-evidence hashes (SHA-256, lower-case hex).
 *
 * <p>An event's hash covers the hash of the previous event of its aggregate and the fields exactly as
 * stored (strings as the serializer wrote them), so the verifier can recompute it from the document alone.
 * The position is deliberately not covered: it is only known after the hash is computed (positions are
 * taken as late as possible, see the engine) and a retry may change it; order across aggregates is what
 * the checkpoints cover.
 *
 * <p>Each field goes in with its length first (and -1 for null), so no two different records can produce
 * the same byte string by shifting text from one field into the next.
 *
 * <p>A field goes in as its UTF-8 bytes, which are exactly the bytes BSON stores, for every string that is
 * well-formed UTF-16. A string that is not (a surrogate without its other half) has no UTF-8 form: the
 * driver writes something else and reads back U+FFFD, so a hash over the Java string would later look like
 * an edit. Such a string is refused here ({@link UnstorableText}) before the event is stored.
 */
public final class EventHash {

    /** What the first event of an aggregate, and every event without an aggregate, chains to. */
    public static final String GENESIS = "0".repeat(64);
    /** What a filler position contributes to the running hash of the checkpoints. */
    public static final String FILLER_MARK = Sha256.hex("docket:filler");

    private EventHash() {
    }

    /** The hash an event document should carry, given the hash of its aggregate's previous event. */
    static String of(Document doc, String prevHash) {
        MessageDigest sha = Sha256.digest();
        field(sha, PREV_HASH, prevHash);
        field(sha, AGGREGATE_ID, doc.getString(AGGREGATE_ID));
        field(sha, SEQUENCE, String.valueOf(((Number) doc.get(SEQUENCE)).longValue()));
        field(sha, PAYLOAD_TYPE, doc.getString(PAYLOAD_TYPE));
        field(sha, PAYLOAD_REVISION, doc.getString(PAYLOAD_REVISION));
        field(sha, PAYLOAD, doc.getString(PAYLOAD));
        field(sha, META_DATA, doc.getString(META_DATA));
        field(sha, TIMESTAMP, doc.getString(TIMESTAMP));
        field(sha, EVENT_ID, doc.getString(EVENT_ID));
        return Sha256.finish(sha);
    }

    /** Stores {@code prevHash} and the event's own hash on the document; returns the latter. */
    static String seal(Document doc, String prevHash) {
        String hash = of(doc, prevHash);
        doc.put(PREV_HASH, prevHash);
        doc.put(HASH, hash);
        return hash;
    }

    /**
     * What one position contributes to the running hash: a filler's fixed mark, otherwise the event's
     * stored hash (the verifier checks separately that the stored hash matches the content).
     */
    static String contribution(Document doc) {
        if (EventDocuments.isFiller(doc)) {
            return FILLER_MARK;
        }
        String stored = doc.getString(HASH);
        return stored != null ? stored : of(doc, GENESIS); // written before tamper evidence: the verifier flags it
    }

    /** H(n) = SHA-256(H(n-1) + hash(n)), over the hex texts. */
    static String running(String previous, String next) {
        MessageDigest sha = Sha256.digest();
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        sha.update(next.getBytes(StandardCharsets.US_ASCII));
        return Sha256.finish(sha);
    }

    private static void field(MessageDigest sha, String name, String value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        requireWellFormed(name, value);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    /** Throws {@link UnstorableText} at the first surrogate that is not half of a pair. */
    private static void requireWellFormed(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new UnstorableText(name, i, c);
            }
        }
    }
}
