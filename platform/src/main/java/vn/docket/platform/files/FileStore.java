package vn.docket.platform.files;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Document files in MongoDB, content-addressed by the SHA-256 the server computes, so the same bytes handed in
 * twice are stored once. A file is its chunks ({@code file_chunks}, id {@code <sha>/<n>}) and, written last, its
 * description ({@code files}, id {@code <sha>}). Everything is read by exact {@code _id}, the only lookup the
 * embedded server answers from an index. Until the description exists the chunks are invisible, so an upload cut
 * short leaves nothing anyone can open; {@link #sweep} removes such leftovers later.
 *
 * <p>A new file is {@code pending} until the command that refers to it is stored ({@link #keep}); a refused
 * command discards it ({@link #discard}), and a pending file left behind by a crash is swept.
 */
public final class FileStore {

    public static final String FILES = "files";
    public static final String CHUNKS = "file_chunks";
    static final int CHUNK_BYTES = 255 * 1024;

    /** What became of a stored file when it is hashed again. */
    public enum Check { INTACT, CHANGED, MISSING }

    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;
    private final Clock clock;

    public FileStore(MongoDatabase database, Clock clock) {
        this.files = database.getCollection(FILES);
        this.chunks = database.getCollection(CHUNKS);
        this.clock = clock;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the bytes under their SHA-256 with what was read from them ({@code facts}: media type, text, counts).
     * @return true if this call stored them, false if they were already there (then nothing is written)
     */
    public boolean put(String sha256, byte[] content, Document facts) {
        if (files.find(Filters.eq("_id", sha256)).projection(Projections.include("_id")).first() != null) {
            return false;
        }
        Date now = Date.from(clock.instant());
        List<Document> parts = new ArrayList<>();
        int count = Math.max(1, (content.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        for (int i = 0; i < count; i++) {
            int from = i * CHUNK_BYTES;
            byte[] part = java.util.Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_BYTES));
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
        Document description = new Document(facts).append("_id", sha256).append("size", (long) content.length)
                .append("chunks", count).append("state", "pending").append("createdAt", now);
        try {
            files.insertOne(description);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The command that refers to the file is stored: it stays. */
    public void keep(String sha256) {
        files.updateOne(Filters.eq("_id", sha256), Updates.set("state", "kept"));
    }

    /** The command that would have referred to a file this request stored was refused: nothing of it remains. */
    public void discard(String sha256) {
        if (files.deleteOne(Filters.and(Filters.eq("_id", sha256), Filters.eq("state", "pending"))).getDeletedCount() > 0) {
            deleteChunks(sha256);
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
     * Removes what interrupted uploads left behind: pending files and chunks without a description, both older
     * than {@code olderThan} (younger ones may belong to an upload still under way).
     * @return how many chunks it removed
     */
    public long sweep(Instant olderThan) {
        Date cutoff = Date.from(olderThan);
        List<String> abandoned = new ArrayList<>();
        files.find(Filters.and(Filters.eq("state", "pending"), Filters.lt("createdAt", cutoff)))
                .projection(Projections.include("_id")).forEach(d -> abandoned.add(d.getString("_id")));
        for (String sha : abandoned) {
            files.deleteOne(Filters.and(Filters.eq("_id", sha), Filters.eq("state", "pending")));
        }
        Set<String> owners = new LinkedHashSet<>(abandoned);
        chunks.find(Filters.lt("createdAt", cutoff)).projection(Projections.include("_id"))
                .forEach(d -> owners.add(d.getString("_id").substring(0, d.getString("_id").indexOf('/'))));
        long removed = 0;
        for (String sha : owners) {
            if (files.find(Filters.eq("_id", sha)).projection(Projections.include("_id")).first() == null) {
                removed += deleteChunks(sha);
            }
        }
        return removed;
    }

    private long deleteChunks(String sha256) {
        return chunks.deleteMany(Filters.regex("_id", "^" + sha256 + "/")).getDeletedCount();
    }
}
