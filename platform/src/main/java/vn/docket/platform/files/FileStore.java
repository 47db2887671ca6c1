package vn.docket.platform.files;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.BsonBinary;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.http.HttpStatus;
import vn.docket.platform.Sha256;
import vn.docket.platform.eventstore.FileReferences;
import vn.docket.platform.mongo.Inserts;

/**
 * Document files in MongoDB, content-addressed by the SHA-256 the server computes, so the same bytes handed in
 * twice are stored once. A file is its chunks ({@code file_chunks}) and, written last, its description
 * ({@code files}, id {@code <sha>}). An {@link Upload} writes the chunks while the bytes still arrive, before their
 * SHA-256 is known, so under an id of its own that no SHA-256 can be ({@code up-<uuid>/<n>}); the description names
 * it ({@code chunksOf}). Files stored before uploads had ids have no {@code chunksOf} and keep their chunks under
 * {@code <sha>/<n>}: both are read alike, nothing was migrated. Everything is read by exact {@code _id} (or
 * {@code _id $in}), the only lookup the embedded server answers from an index; only the {@link #sweep}, background
 * work, scans. Until the description exists the chunks are invisible, so an upload cut short leaves nothing anyone
 * can open; the request removes its chunks, or, after a crash, the sweep.
 *
 * <p>Every upload that ends in a description, or finds the same bytes already described, holds the file for its
 * request until the request {@link #keep}s it (its command is stored) or {@link #discard}s it (refused). Since
 * identical uploads share one file (the later one's chunks go), a refused request removes it only when no other
 * request holds it and no command kept it; the {@code holders} count says so. Several Docket nodes may share the
 * database, so nothing here relies on a lock in one process: a removal first marks the description
 * {@code removing}, by a conditional update that fails if anyone took a hold since, and an upload of the same bytes
 * waits until such a removal is over before it describes them again. The sweep removes only what no recorded event
 * names and nobody touched for the grace period, so a crash between storing an event and keeping its file loses
 * nothing; it also finishes a removal a crash interrupted.
 */
public final class FileStore {

    public static final String FILES = "files";
    public static final String CHUNKS = "file_chunks";
    private static final String PENDING = "pending";
    private static final String REMOVING = "removing";
    /** What an upload's id starts with: a SHA-256 is hex digits only. */
    private static final String UPLOAD = "up-";
    public static final int CHUNK_BYTES = 255 * 1024;

    /** What became of a stored file when it is hashed again. */
    public enum Check { INTACT, CHANGED, MISSING }

    /**
     * How long the {@link #sweep} leaves chunks nothing describes: an upload that wrote none for this long is taken
     * for one a crash cut off.
     */
    public static final Duration GRACE = Duration.ofHours(1);

    /**
     * The longest an upload may go without handing in a chunk, well within {@link #GRACE}: one that stalls longer is
     * refused (as cut off), since the sweep may have taken its first chunks meanwhile. A connection slow enough to
     * take this long over 255 KB (140 bytes a second) is no working connection.
     */
    static final Duration MAX_STALL = GRACE.dividedBy(2);

    /** How long an upload waits for another request's removal of the same bytes to finish before finishing it. */
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(30);

    /** One writer thread per upload under way, so the request thread goes on reading the body meanwhile. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "docket-file-writer");
        thread.setDaemon(true);
        return thread;
    });

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

    /** The bytes in chunks of {@link #CHUNK_BYTES} (the last shorter), as an {@link Upload} takes them. */
    public static List<byte[]> chunked(byte[] content) {
        List<byte[]> parts = new ArrayList<>();
        for (int from = 0; from < content.length; from += CHUNK_BYTES) {
            parts.add(Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_BYTES)));
        }
        return parts;
    }

    /** Starts an upload: its chunks are written as they are given, the file described once they are all in. */
    public Upload upload() {
        return new Upload();
    }

    /**
     * Stores bytes already in memory as an upload does, under their SHA-256 with what was read from them
     * ({@code facts}: media type, text, counts), and holds the file for the caller until it calls {@link #keep} or
     * {@link #discard}.
     * @return true if this call stored them, false if they were already there (then only the hold is written)
     */
    public boolean put(String sha256, byte[] content, Document facts) {
        try (Upload upload = upload()) {
            chunked(content).forEach(upload::write);
            return upload.finish(sha256, () -> facts);
        }
    }

    /**
     * A file's chunks written as its bytes arrive, by a writer thread of its own behind a small queue, under the
     * upload's id; {@link #finish} describes them, or {@link #close} removes them (a refused or cut-off upload).
     * Used by one request thread.
     */
    public final class Upload implements AutoCloseable {

        private static final byte[] END = new byte[0];
        private final String id = UPLOAD + UUID.randomUUID();
        /** Four chunks (1 MB) at most wait for the writer; the request thread waits when they are there. */
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
        private final Future<?> writer = WRITERS.submit(this::writeAll);
        private volatile RuntimeException failed;
        private int count;
        private long size;
        /** When the last chunk was handed in; null before the first. */
        private Instant lastChunk;
        private boolean ended;
        /** Described by this upload, or its chunks removed: nothing left for {@link #close} to do. */
        private boolean settled;

        private Upload() {
        }

        /** Queues the next chunk for writing; the array is the writer's from now on (nobody may change it). */
        public void write(byte[] chunk) {
            if (ended) {
                throw new IllegalStateException("The upload " + id + " is over");
            }
            if (failed != null) {
                throw failed;
            }
            requireNoStall();
            enqueue(chunk);
            lastChunk = clock.instant();
            count++;
            size += chunk.length;
        }

        /** Refuses the upload if it went longer than {@link #MAX_STALL} without a chunk (its chunks go on close). */
        private void requireNoStall() {
            if (lastChunk != null && Duration.between(lastChunk, clock.instant()).compareTo(MAX_STALL) > 0) {
                throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-request", "Tệp gửi lên bị ngừng quá "
                        + MAX_STALL.toMinutes() + " phút giữa chừng: Docket không nhận tệp này. Hãy gửi lại.");
            }
        }

        private void enqueue(byte[] chunk) {
            try {
                while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    if (writer.isDone()) {
                        throw new IllegalStateException("The writer of upload " + id + " stopped", failed);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while handing a chunk to the writer", e);
            }
        }

        /** The writer: whatever is queued goes in one insert; after a failure it only empties the queue. */
        private void writeAll() {
            List<byte[]> batch = new ArrayList<>();
            int n = 0;
            while (true) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    failed = new IllegalStateException("The writer of upload " + id + " was interrupted", e);
                    return;
                }
                queue.drainTo(batch);
                boolean last = batch.get(batch.size() - 1) == END;
                if (last) {
                    batch.remove(batch.size() - 1);
                }
                if (failed == null && !batch.isEmpty()) {
                    Date now = Date.from(clock.instant());
                    List<Document> parts = new ArrayList<>();
                    for (byte[] chunk : batch) {
                        // BsonBinary keeps the array as it is; Binary would copy it, and the encoder copy it again.
                        parts.add(new Document("_id", id + "/" + n++).append("data", new BsonBinary(chunk)).append("createdAt", now));
                    }
                    try {
                        chunks.insertMany(parts);
                    } catch (RuntimeException e) {
                        failed = e;
                    }
                }
                batch.clear();
                if (last) {
                    return;
                }
            }
        }

        /** No more chunks: waits until the writer has written those it was given, and throws what it failed with. */
        private void end() {
            if (!ended) {
                ended = true;
                enqueue(END);
            }
            try {
                writer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the writer of upload " + id, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            if (failed != null) {
                throw failed;
            }
        }

        /**
         * All chunks are given; their SHA-256 is {@code sha256}. If those bytes are stored already, takes a hold on
         * that file and removes this upload's chunks; otherwise describes them with what was read from them
         * ({@code facts}, asked for only then, so the reading runs while the last chunks are written), pending and
         * held for the caller. If the facts cannot be had (the file is refused), the chunks go and the refusal is
         * thrown.
         * @return true if this upload stored the bytes, false if they were already there
         */
        public boolean finish(String sha256, Supplier<Document> facts) {
            try {
                requireNoStall(); // the form's fields after the file may have been the slow part
                end();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            long giveUp = System.nanoTime() + REMOVAL_WAIT.toNanos();
            Document read = null;
            while (true) {
                if (hold(sha256)) {
                    close();
                    return false;
                }
                if (files.find(Filters.eq("_id", sha256)).projection(Projections.include("_id")).first() != null) {
                    // Another request is removing these bytes (refused, or swept): describe them again once it is
                    // done. A removal still under way after the wait was cut short by a crash: this upload finishes it.
                    if (System.nanoTime() > giveUp) {
                        remove(sha256, Filters.eq("state", REMOVING));
                    } else {
                        pause();
                    }
                    continue;
                }
                if (read == null) {
                    try {
                        read = facts.get();
                    } catch (RuntimeException e) {
                        close();
                        throw e;
                    }
                }
                Date now = Date.from(clock.instant());
                try {
                    if (Inserts.ifAbsent(files, new Document(read).append("_id", sha256).append("chunksOf", id)
                            .append("size", size).append("chunks", count).append("state", PENDING).append("holders", 1)
                            .append("createdAt", now).append("touchedAt", now))) {
                        settled = true;
                        return true;
                    }
                } catch (MongoWriteException e) {
                    settled = true; // the description may be written all the same: the sweep settles it
                    throw e;
                }
                // Another request described the same bytes first: take a hold on its file instead.
            }
        }

        /** Removes this upload's chunks unless it ended in a description (a refused or cut-off upload). */
        @Override
        public void close() {
            if (settled) {
                return;
            }
            settled = true;
            try {
                end();
            } catch (RuntimeException e) {
                // Written or not, the chunks it was given go below.
            }
            try {
                deleteChunks(ids(id, count));
            } catch (RuntimeException e) {
                // The database is away: nothing describes these chunks, the sweep removes them later.
            }
        }
    }

    /**
     * A description or chunk that is not as Docket writes them (a count that is no whole number or more chunks than a
     * byte array holds, data that are not bytes): someone edited the store by hand.
     */
    private static final class Edited extends RuntimeException {
        Edited() {
            super(null, null, false, false);
        }
    }

    /** No file Docket reads is larger than a Java array: a count beyond this was written by hand. */
    private static final int MAX_CHUNKS = Integer.MAX_VALUE / CHUNK_BYTES;

    /**
     * The ids of a file's chunks, from its description: under its upload's id, or its SHA-256 if stored before.
     * @throws Edited if the description is not as Docket writes it
     */
    private static List<String> ids(String sha256, Document description) {
        Object prefix = description.get("chunksOf");
        Object count = description.containsKey("chunks") ? description.get("chunks") : (Object) 0;
        // Any kind of number of the same value counts alike: a tool may write it as a 64-bit or floating-point one.
        if (prefix != null && !(prefix instanceof String) || !(count instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue()) || number.doubleValue() < 0
                || number.doubleValue() > MAX_CHUNKS) {
            throw new Edited();
        }
        return ids(prefix != null ? (String) prefix : sha256, number.intValue());
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "/" + i);
        }
        return ids;
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

    /**
     * Hands a stored file's description, then its chunks as they are stored, a few at a time (a backup's copy of it);
     * nothing if it is not stored.
     */
    public void copy(String sha256, Consumer<Document> description, Consumer<Document> chunk) {
        Document described = files.find(Filters.eq("_id", sha256)).first();
        if (described == null) {
            return;
        }
        description.accept(described);
        List<String> ids;
        try {
            ids = ids(sha256, described);
        } catch (Edited e) {
            return; // copied as it is: verify reports it changed, in the copy as here
        }
        for (int from = 0; from < ids.size(); from += 32) {
            chunks.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 32)))).forEach(chunk);
        }
    }

    /** The file's bytes, or null if it is not stored (or a chunk of it is gone, or was edited into no bytes at all). */
    public byte[] content(String sha256) {
        try {
            return stored(sha256);
        } catch (Edited e) {
            return null;
        }
    }

    /**
     * The file's bytes, or null if it is not stored or a chunk of it is gone.
     * @throws Edited if its description or a chunk is not as Docket writes them
     */
    private byte[] stored(String sha256) {
        Document description = files.find(Filters.eq("_id", sha256))
                .projection(Projections.include("chunks", "chunksOf")).first();
        if (description == null) {
            return null;
        }
        List<String> ids = ids(sha256, description);
        Map<String, byte[]> found = new HashMap<>();
        // Batches of ids keep each answer well under MongoDB's 16 MB message size.
        for (int from = 0; from < ids.size(); from += 32) {
            chunks.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 32))))
                    .forEach(d -> {
                        if (!(d.get("data") instanceof Binary data)) {
                            throw new Edited();
                        }
                        found.put(d.getString("_id"), data.getData());
                    });
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

    /**
     * Hashes the stored bytes again: intact, changed (someone edited them, or edited its description or a chunk
     * into something Docket never writes) or missing.
     */
    public Check check(String sha256) {
        byte[] content;
        try {
            content = stored(sha256);
        } catch (Edited e) {
            return Check.CHANGED;
        }
        if (content == null) {
            return Check.MISSING;
        }
        return Sha256.hex(content).equals(sha256) ? Check.INTACT : Check.CHANGED;
    }

    /**
     * Removes what interrupted uploads left behind: pending files nobody handed in since {@code olderThan}, and
     * chunks no description names whose upload wrote nothing since (an upload still under way writes a chunk at
     * least every few minutes, and describes them within seconds of its last). A file some recorded event names is
     * never removed; a pending one is marked kept (its request crashed after storing the event). Background work, so
     * it scans: every chunk's id and date, then the descriptions that name an upload (no lookup by {@code _id} can
     * find what nothing names).
     * @return how many chunks it removed
     */
    public long sweep(Instant olderThan) {
        Date cutoff = Date.from(olderThan);
        Set<String> candidates = new LinkedHashSet<>();
        Set<String> oldUploads = new HashSet<>();
        Set<String> youngUploads = new HashSet<>();
        chunks.find().projection(Projections.include("createdAt")).forEach(d -> {
            String prefix = d.getString("_id").substring(0, d.getString("_id").indexOf('/'));
            boolean old = d.getDate("createdAt").before(cutoff);
            if (!prefix.startsWith(UPLOAD)) {
                if (old) {
                    candidates.add(prefix); // chunks under a SHA-256, from before uploads had ids
                }
            } else {
                (old ? oldUploads : youngUploads).add(prefix);
            }
        });
        // After the chunks: an upload described meanwhile is seen here.
        oldUploads.removeAll(youngUploads);
        files.find(Filters.exists("chunksOf")).projection(Projections.include("chunksOf"))
                .forEach(d -> oldUploads.remove(d.getString("chunksOf")));
        long removed = 0;
        for (String upload : oldUploads) {
            removed += chunks.deleteMany(Filters.regex("_id", "^" + upload + "/")).getDeletedCount();
        }
        files.find(Filters.in("state", PENDING, REMOVING)).projection(Projections.include("touchedAt", "createdAt"))
                .forEach(d -> {
                    if (!touched(d).after(cutoff)) {
                        candidates.add(d.getString("_id"));
                    }
                });
        Set<String> referenced = FileReferences.among(database, candidates);
        for (String sha : candidates) {
            Document description = files.find(Filters.eq("_id", sha)).first();
            if (referenced.contains(sha)) {
                if (description != null && PENDING.equals(description.getString("state"))) {
                    files.updateOne(Filters.and(Filters.eq("_id", sha), Filters.eq("state", PENDING)),
                            Updates.set("state", "kept"));
                }
            } else if (description == null) {
                removed += chunks.deleteMany(Filters.regex("_id", "^" + sha + "/")).getDeletedCount();
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
     * request takes a hold on it or describes the same bytes again while its chunks go; the description goes last.
     */
    private long remove(String sha256, Bson still) {
        Document marked = files.findOneAndUpdate(Filters.and(Filters.eq("_id", sha256), still),
                Updates.set("state", REMOVING), new FindOneAndUpdateOptions()
                        .projection(Projections.include("chunks", "chunksOf")).returnDocument(ReturnDocument.AFTER));
        if (marked == null) {
            return 0;
        }
        long removed = deleteChunks(ids(sha256, marked));
        files.deleteOne(Filters.and(Filters.eq("_id", sha256), Filters.eq("state", REMOVING)));
        return removed;
    }

    private long deleteChunks(List<String> ids) {
        long removed = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            removed += chunks.deleteMany(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 1000))))
                    .getDeletedCount();
        }
        return removed;
    }
}
