package vn.docket.platform.files;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
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
 * no other request holds it and no command kept it; the {@code holders} count says so. Several Docket nodes may
 * share the database, so nothing here relies on a lock in one process: a removal first marks the description
 * {@code removing}, by a conditional update that fails if anyone took a hold since, and an upload of the same
 * bytes waits until such a removal is over before it writes chunks again. The sweep removes only what no recorded
 * event names and nobody touched for the grace period, so a crash between storing an event and keeping its file
 * loses nothing; it also finishes a removal a crash interrupted.
 */
public final class FileStore {

    public static final String FILES = "files";
    public static final String CHUNKS = "file_chunks";
    private static final String PENDING = "pending";
    private static final String REMOVING = "removing";
    static final int CHUNK_BYTES = 255 * 1024;

    /** What became of a stored file when it is hashed again. */
    public enum Check { INTACT, CHANGED, MISSING }

    /** How long an upload waits for another request's removal of the same bytes to finish before finishing it. */
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(30);

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
        return put(sha256, content, () -> facts);
    }

    /**
     * As {@link #put(String, byte[], Document)}, with the {@code facts} asked for once the chunks are written, so the
     * file can be read meanwhile. If they cannot be had (the file is refused), the chunks written go again, unless a
     * request has described the same bytes since (only one whose reading did not run out of time can have), and
     * the refusal is thrown.
     */
    public boolean put(String sha256, byte[] content, Supplier<Document> facts) {
        long giveUp = System.nanoTime() + REMOVAL_WAIT.toNanos();
        while (true) {
            if (hold(sha256)) {
                return false;
            }
            if (files.find(Filters.eq("_id", sha256)).projection(Projections.include("_id")).first() != null) {
                // Another request is removing these bytes (refused, or swept): write them again once it is done.
                // A removal still under way after the wait was cut short by a crash: this upload finishes it.
                if (System.nanoTime() > giveUp) {
                    remove(sha256, Filters.eq("state", REMOVING));
                } else {
                    pause();
                }
                continue;
            }
            Date now = Date.from(clock.instant());
            List<Document> parts = new ArrayList<>();
            int count = Math.max(1, (content.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
            for (int i = 0; i < count; i++) {
                int from = i * CHUNK_BYTES;
                byte[] part = Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_BYTES));
                parts.add(new Document("_id", sha256 + "/" + i).append("data", new Binary(part)).append("createdAt", now));
            }
            insertChunks(parts);
            Document read;
            try {
                read = facts.get();
            } catch (RuntimeException e) {
                if (files.find(Filters.eq("_id", sha256)).projection(Projections.include("_id")).first() == null) {
                    chunks.deleteMany(Filters.in("_id", parts.stream().map(d -> d.getString("_id")).toList()));
                }
                throw e;
            }
            try {
                files.insertOne(new Document(read).append("_id", sha256).append("size", (long) content.length)
                        .append("chunks", count).append("state", PENDING).append("holders", 1)
                        .append("createdAt", now).append("touchedAt", now));
                // A removal of the same bytes by another request may have deleted chunks written above before its
                // description went; none can start now that this request holds the file, so put back what is gone.
                rewriteMissing(sha256, parts);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Another request described the same bytes first: take a hold on its file instead.
            }
        }
    }

    private void rewriteMissing(String sha256, List<Document> parts) {
        Set<String> present = new HashSet<>();
        List<String> ids = parts.stream().map(d -> d.getString("_id")).toList();
        for (int from = 0; from < ids.size(); from += 128) {
            chunks.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 128))))
                    .projection(Projections.include("_id")).forEach(d -> present.add(d.getString("_id")));
        }
        List<Document> missing = parts.stream().filter(d -> !present.contains(d.getString("_id"))).toList();
        if (!missing.isEmpty()) {
            insertChunks(missing);
        }
    }

    private void insertChunks(List<Document> parts) {
        try {
            chunks.insertMany(parts, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Chunks left by an earlier attempt at the same bytes, or written by a request storing them right
            // now, are the same bytes: keep them.
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /** Takes a hold on a stored file that is not being removed; false if there is no such file. */
    private boolean hold(String sha256) {
        return files.updateOne(Filters.and(Filters.eq("_id", sha256), Filters.ne("state", REMOVING)),
                Updates.combine(Updates.inc("holders", 1), Updates.set("touchedAt", Date.from(clock.instant()))))
                .getMatchedCount() > 0;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a file's removal to finish", e);
        }
    }

    /** The command that refers to the file is stored: it stays, and this request's hold ends. */
    public void keep(String sha256) {
        // This request's hold keeps any removal away (a removal needs no holders), so the file is there.
        files.updateOne(Filters.eq("_id", sha256), Updates.combine(Updates.set("state", "kept"), Updates.inc("holders", -1)));
    }

    /**
     * The command this request stored or found the file for was refused: its hold ends, and the file goes if no
     * command kept it and no other request holds it (one may be handing in the same bytes right now).
     */
    public void discard(String sha256) {
        Document after = files.findOneAndUpdate(Filters.eq("_id", sha256), Updates.inc("holders", -1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after != null && PENDING.equals(after.getString("state")) && after.getInteger("holders", 0) <= 0) {
            // Only if still nobody holds it: a request elsewhere may have found the file since.
            remove(sha256, Filters.and(Filters.eq("state", PENDING), Filters.lte("holders", 0)));
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
        files.find(Filters.in("state", PENDING, REMOVING)).projection(Projections.include("touchedAt", "createdAt"))
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
            Document description = files.find(Filters.eq("_id", sha)).first();
            if (referenced.contains(sha)) {
                if (description != null && PENDING.equals(description.getString("state"))) {
                    files.updateOne(Filters.and(Filters.eq("_id", sha), Filters.eq("state", PENDING)),
                            Updates.set("state", "kept"));
                }
            } else if (description == null) {
                removed += deleteChunks(sha);
            } else if (REMOVING.equals(description.getString("state"))) {
                removed += remove(sha, Filters.eq("state", REMOVING)); // a removal a crash interrupted
            } else if (PENDING.equals(description.getString("state")) && !touched(description).after(cutoff)) {
                // Unless a request found the file again since the description was read.
                removed += remove(sha, Filters.and(Filters.eq("state", PENDING),
                        Filters.eq("touchedAt", description.getDate("touchedAt"))));
            }
        }
        return removed;
    }

    /** When a request last stored or found the file (files stored before holds were counted carry createdAt only). */
    private static Date touched(Document description) {
        Date touched = description.getDate("touchedAt");
        return touched != null ? touched : description.getDate("createdAt");
    }

    /**
     * Removes the file if its description still matches {@code still}: marked {@code removing} first, so that no
     * request takes a hold on it or writes its chunks again while they go; the description goes last.
     */
    private long remove(String sha256, Bson still) {
        if (files.updateOne(Filters.and(Filters.eq("_id", sha256), still), Updates.set("state", REMOVING)).getMatchedCount() == 0) {
            return 0;
        }
        long removed = deleteChunks(sha256);
        files.deleteOne(Filters.and(Filters.eq("_id", sha256), Filters.eq("state", REMOVING)));
        return removed;
    }

    private long deleteChunks(String sha256) {
        return chunks.deleteMany(Filters.regex("_id", "^" + sha256 + "/")).getDeletedCount();
    }
}
