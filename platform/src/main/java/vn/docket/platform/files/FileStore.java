package vn.docket.platform.files;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import vn.docket.platform.eventstore.FileReferences;

/**
 * Document files in MongoDB, content-addressed by the SHA-256 the server computes, so the same bytes handed in
 * twice are stored once. A file is its chunks ({@code file_chunks}, id {@code <sha>/<n>}) and, written last, its
 * description ({@code files}, id {@code <sha>}). Everything is read by exact {@code _id}, the only lookup the
 * embedded server answers from an index. Until the description exists the chunks are invisible, so an upload cut
 * short leaves nothing anyone can open; {@link #sweep} removes such leftovers later.
 *
 * <p>Every {@link #put} holds the file for its request until the request {@link #keep}s it (its command is stored)
 * or {@link #discard}s it (refused). Since identical uploads share one file, a refused request removes it only when
 * no other request holds it and no command kept it; the {@code holders} count says so. Writes to one file are
 * serialised in this process (Docket is one process per store), so a removal never interleaves with another
 * upload of the same bytes. The sweep removes only what no recorded event names and nobody touched for the grace
 * period, so a crash between storing an event and keeping its file loses nothing.
 */
public final class FileStore {

    public static final String FILES = "files";
    public static final String CHUNKS = "file_chunks";
    static final int CHUNK_BYTES = 255 * 1024;

    /** What became of a stored file when it is hashed again. */
    public enum Check { INTACT, CHANGED, MISSING }

    /** Per-file locks shared by every FileStore of this process: writes to one file happen one at a time. */
    private static final Object[] LOCKS = new Object[64];

    static {
        Arrays.setAll(LOCKS, i -> new Object());
    }

    private final MongoDatabase database;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;
    private final Clock clock;

    public FileStore(MongoDatabase database, Clock clock) {
        this.database = database;
        this.files = database.getCollection(FILES);
        this.chunks = database.getCollection(CHUNKS);
        this.clock = clock;
    }

    private static Object lock(String sha256) {
        return LOCKS[Math.floorMod(sha256.hashCode(), LOCKS.length)];
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the bytes under their SHA-256 with what was read from them ({@code facts}: media type, text, counts),
     * and holds the file for the caller until it calls {@link #keep} or {@link #discard}.
     * @return true if this call stored them, false if they were already there (then only the hold is written)
     */
    public boolean put(String sha256, byte[] content, Document facts) {
        synchronized (lock(sha256)) {
            Date now = Date.from(clock.instant());
            if (files.updateOne(Filters.eq("_id", sha256), Updates.combine(Updates.inc("holders", 1),
                    Updates.set("touchedAt", now))).getMatchedCount() > 0) {
                return false;
            }
            List<Document> parts = new ArrayList<>();
            int count = Math.max(1, (content.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
            for (int i = 0; i < count; i++) {
                int from = i * CHUNK_BYTES;
                byte[] part = Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_BYTES));
                parts.add(new Document("_id", sha256 + "/" + i).append("data", new Binary(part)).append("createdAt", now));
            }
            try {
                chunks.insertMany(parts, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // Chunks left by an earlier attempt at the same bytes are the same bytes: keep them.
                if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
            }
            files.insertOne(new Document(facts).append("_id", sha256).append("size", (long) content.length)
                    .append("chunks", count).append("state", "pending").append("holders", 1)
                    .append("createdAt", now).append("touchedAt", now));
            return true;
        }
    }

    /** The command that refers to the file is stored: it stays, and this request's hold ends. */
    public void keep(String sha256) {
        synchronized (lock(sha256)) {
            files.updateOne(Filters.eq("_id", sha256), Updates.combine(Updates.set("state", "kept"), Updates.inc("holders", -1)));
        }
    }

    /**
     * The command this request stored or found the file for was refused: its hold ends, and the file goes if no
     * command kept it and no other request holds it (one may be handing in the same bytes right now).
     */
    public void discard(String sha256) {
        synchronized (lock(sha256)) {
            Document after = files.findOneAndUpdate(Filters.eq("_id", sha256), Updates.inc("holders", -1),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (after != null && "pending".equals(after.getString("state")) && after.getInteger("holders", 0) <= 0) {
                remove(sha256);
            }
        }
    }

    /** The file's description (size, media type, text, counts), or null if no such file is stored. */
    public Document describe(String sha256) {
        return files.find(Filters.eq("_id", sha256)).first();
    }

    /** The file's bytes, or null if it is not stored (or a chunk of it is gone). */
    public byte[] content(String sha256) {
        Document description = files.find(Filters.eq("_id", sha256)).projection(Projections.include("chunks")).first();
        if (description == null) {
            return null;
        }
        int count = description.getInteger("chunks");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(sha256 + "/" + i);
        }
        Map<String, byte[]> found = new HashMap<>();
        // Batches of ids keep each answer well under MongoDB's 16 MB message size.
        for (int from = 0; from < ids.size(); from += 32) {
            chunks.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 32))))
                    .forEach(d -> found.put(d.getString("_id"), d.get("data", Binary.class).getData()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String id : ids) {
            byte[] part = found.get(id);
            if (part == null) {
                return null;
            }
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Hashes the stored bytes again: intact, changed (someone edited them) or missing. */
    public Check check(String sha256) {
        byte[] content = content(sha256);
        if (content == null) {
            return Check.MISSING;
        }
        return sha256(content).equals(sha256) ? Check.INTACT : Check.CHANGED;
    }

    /**
     * Removes what interrupted uploads left behind: pending files nobody handed in since {@code olderThan}, and
     * chunks without a description written before it (younger ones may belong to an upload still under way). A
     * file some recorded event names is never removed; a pending one is marked kept (its request crashed after
     * storing the event).
     * @return how many chunks it removed
     */
    public long sweep(Instant olderThan) {
        Date cutoff = Date.from(olderThan);
        Set<String> candidates = new LinkedHashSet<>();
        files.find(Filters.eq("state", "pending")).projection(Projections.include("touchedAt", "createdAt"))
                .forEach(d -> {
                    if (!touched(d).after(cutoff)) {
                        candidates.add(d.getString("_id"));
                    }
                });
        chunks.find(Filters.lt("createdAt", cutoff)).projection(Projections.include("_id"))
                .forEach(d -> candidates.add(d.getString("_id").substring(0, d.getString("_id").indexOf('/'))));
        Set<String> referenced = FileReferences.among(database, candidates);
        long removed = 0;
        for (String sha : candidates) {
            synchronized (lock(sha)) {
                Document description = files.find(Filters.eq("_id", sha)).first();
                if (referenced.contains(sha)) {
                    if (description != null && "pending".equals(description.getString("state"))) {
                        files.updateOne(Filters.eq("_id", sha), Updates.set("state", "kept"));
                    }
                } else if (description == null) {
                    removed += deleteChunks(sha);
                } else if ("pending".equals(description.getString("state"))
                        && !touched(description).after(cutoff)) {
                    removed += remove(sha);
                }
            }
        }
        return removed;
    }

    /** When a request last stored or found the file (files stored before holds were counted carry createdAt only). */
    private static Date touched(Document description) {
        Date touched = description.getDate("touchedAt");
        return touched != null ? touched : description.getDate("createdAt");
    }

    /** The description first, so nobody finds a file whose chunks are going. */
    private long remove(String sha256) {
        files.deleteOne(Filters.eq("_id", sha256));
        return deleteChunks(sha256);
    }

    private long deleteChunks(String sha256) {
        return chunks.deleteMany(Filters.regex("_id", "^" + sha256 + "/")).getDeletedCount();
    }
}
