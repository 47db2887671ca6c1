package vn.docket.platform.backup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.docket.platform.Progress;
import vn.docket.platform.Sha256;
import vn.docket.platform.eventstore.Checkpointer;
import vn.docket.platform.eventstore.Counters;
import vn.docket.platform.eventstore.EventDocuments;
import vn.docket.platform.eventstore.FileReferences;
import vn.docket.platform.eventstore.Positions;
import vn.docket.platform.eventstore.StoreVerifier;
import vn.docket.platform.eventstore.VerifyReport;
import vn.docket.platform.files.FileStore;

/**
 * A copy of Docket's database that is consistent at one position of the event store, taken while Docket
 * runs, and putting it back into an empty database.
 *
 * <p>What is copied: every event position from 1 up to the cut (the highest position stored when the backup
 * starts; a position below it that stays empty past the gap timeout refuses the backup, which would otherwise leave
 * out the events stored after it), the checkpoints up to the cut,
 * and what Docket cannot derive from the events: users, their personal access tokens and the in-app notifications,
 * read just before the events, and what each person has marked read; scheduled deadlines and notice keys, read before
 * and after them (only where their assignment or notice is in the copy); and the stored files the copied events name,
 * read after them. What is not:
 * read models, processor positions, dead letters and snapshots, which Docket rebuilds from the events when it
 * starts on the restored database, and idempotency keys (a client that retries after the restore is kept
 * from doubling a command by the command id on the events).
 *
 * <p>Each collection is a file of one extended-JSON document per line, so every value reads back with its
 * type; {@code manifest.json} names the cut, the last event's hash and each file's SHA-256. A restore checks
 * the files against it, loads them, walks the restored store with the verifier and compares where it ends
 * with the cut.
 */
public final class Backup {

    public static final String MANIFEST = "manifest.json";
    static final String EVENTS = EventDocuments.EVENTS;
    /** The collections a backup writes besides the events and checkpoints ({@link #backup}). */
    private static final String USERS = "users";
    private static final String DEADLINES = "deadlines";
    private static final String NOTICE_KEYS = "notice_keys";
    /** Personal access tokens, kept only as their SHA-256: nobody can issue the same token again. */
    private static final String ACCESS_TOKENS = "access_tokens";
    /**
     * The in-app notifications, and what each person has marked read of them. Their processor starts at the head of
     * the store (it must not mail anybody about the past again), so a restore could not rebuild them from the events;
     * the bell's keys are rebuilt from them when Docket starts.
     */
    private static final String NOTIFICATIONS = "notifications";
    private static final String NOTIFICATION_READS = "notification_reads";
    /** The collections a backup writes, and so the only ones a manifest may name: each file is {@code NAME.jsonl}. */
    private static final Set<String> COLLECTIONS = Set.of(EVENTS, Checkpointer.CHECKPOINTS, USERS, ACCESS_TOKENS,
            DEADLINES, NOTICE_KEYS, FileStore.FILES, FileStore.CHUNKS, NOTIFICATIONS, NOTIFICATION_READS);
    /**
     * Holds one document from before a restore loads anything until it verified: while it is there, the database holds
     * part of a backup (the restore was killed, or the machine went down), which Docket does not start on and the next
     * restore empties.
     */
    static final String RESTORING = "docket_restore";
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(Backup.class);
    /** A restore inserts at most this many characters of documents at once: a file's chunks are 255 KB each. */
    private static final long BATCH_CHARS = 16L << 20;
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What a backup holds; also what a restore reports. */
    public record Manifest(long position, long events, String lastHash, Instant takenAt, Map<String, Long> documents,
                           Map<String, String> sha256) {

        Document toDocument() {
            return new Document("format", 1).append("position", position).append("events", events)
                    .append("lastHash", lastHash).append("takenAt", takenAt.toString())
                    .append("documents", new Document(new LinkedHashMap<>(documents)))
                    .append("sha256", new Document(new LinkedHashMap<>(sha256)));
        }

        static Manifest of(Document doc) {
            Map<String, Long> documents = new LinkedHashMap<>();
            doc.get("documents", Document.class).forEach((k, v) -> documents.put(k, ((Number) v).longValue()));
            Map<String, String> sha = new LinkedHashMap<>();
            doc.get("sha256", Document.class).forEach((k, v) -> sha.put(k, (String) v));
            return new Manifest(((Number) doc.get("position")).longValue(), ((Number) doc.get("events")).longValue(),
                    doc.getString("lastHash"), Instant.parse(doc.getString("takenAt")), documents, sha);
        }

        public String sentence() {
            return "Backup at event position " + position + ": " + events + " events"
                    + documents.entrySet().stream().filter(e -> !e.getKey().equals(EVENTS))
                    .map(e -> ", " + e.getValue() + " " + e.getKey()).reduce("", String::concat)
                    + ", taken " + takenAt;
        }
    }

    /** A backup or restore refused before it changed anything; the message is one line for the operator. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private Backup() {
    }

    /**
     * Copies the database into {@code dir}, which must not exist or be empty.
     *
     * @param gapTimeout how long a taken position may stay empty (a writer still at work, or Docket's readers about
     *                   to mark it empty) before the backup is refused
     */
    public static Manifest backup(MongoDatabase database, Path dir, Duration gapTimeout) {
        return backup(database, dir, gapTimeout, Clock.systemUTC());
    }

    /** {@link #backup(MongoDatabase, Path, Duration)}, saying how far it got by {@code clock} ({@link Progress}). */
    public static Manifest backup(MongoDatabase database, Path dir, Duration gapTimeout, Clock clock) {
        Progress progress = new Progress(clock, log::info);
        prepare(dir);
        MongoCollection<Document> events = database.getCollection(EVENTS);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        // Users before the events: a row is written after its user's events, so copied first it is never ahead of the
        // events copied (one behind them is caught up when read, as after a crash). Copied after, a change made
        // meanwhile was restored without its event: a role held with nothing on record.
        copy(database.getCollection(USERS), dir, d -> true, counts, hashes, progress);
        // Tokens after the users and before the events: a token is stored after the event that issues it, and removed
        // after the one that revokes it but before its user's row shows that event. So a token copied is on record in
        // the copy, and one revoked on record there whose row was copied before the revocation is removed when its
        // user's row is caught up, at its first use (UserAccounts).
        copy(database.getCollection(ACCESS_TOKENS), dir, d -> true, counts, hashes, progress);
        // Notifications before the events as well: each is written after the event it tells of, so none copied tells
        // of an event the copy lacks. Those of events recorded while the backup runs are not in the copy (their e-mail
        // went out).
        copy(database.getCollection(NOTIFICATIONS), dir, d -> true, counts, hashes, progress);
        // Deadlines before the events too: one delivered while the events are copied is deleted once its delivery's
        // events, after the cut, are stored, so read only after them it was neither delivered nor scheduled in the copy.
        Path deadlinesBefore = readBefore(database.getCollection(DEADLINES), dir, progress);
        // Notice keys too: a key is marked registered once all its notice's events are stored, so one read only after
        // them could stand for a registration the copy holds part of, which then could never be completed.
        Path noticeKeysBefore = readBefore(database.getCollection(NOTICE_KEYS), dir, progress);
        long head = Positions.head(database); // the highest position stored when the backup starts
        Set<String> aggregates = new HashSet<>();
        Set<String> files = new LinkedHashSet<>();
        long cut = 0;
        long empty = 0;
        long edited = 0;
        String why = null;
        String lastHash = null;
        try (Output out = new Output(dir.resolve(EVENTS + ".jsonl"), null)) {
            walk:
            for (long first = 1; first <= head; first += BATCH) {
                int count = (int) Math.min(BATCH, head - first + 1);
                Map<Long, Document> found = EventDocuments.byPosition(events, first, count);
                long deadline = System.nanoTime() + Positions.lostAfter(gapTimeout).toNanos();
                while (found.size() < count && System.nanoTime() < deadline) {
                    long at = first;
                    progress.step(() -> "Backing up the event store: waiting for a position from " + at
                            + " on to be written (" + head + " in all)");
                    sleep();
                    found = EventDocuments.byPosition(events, first, count); // a writer at work, or the gap watch filling it
                }
                for (long p = first; p < first + count; p++) {
                    Document doc = found.get(p);
                    if (doc == null) {
                        empty = p;
                        break walk;
                    }
                    why = EventDocuments.isFiller(doc) ? null : EventDocuments.misshapen(doc);
                    if (why != null) {
                        edited = p;
                        break walk;
                    }
                    out.write(doc);
                    if (doc.getString("aggregateIdentifier") != null) {
                        aggregates.add(doc.getString("aggregateIdentifier"));
                    }
                    if (!EventDocuments.isFiller(doc)) {
                        lastHash = doc.getString("hash"); // a position marked empty has none
                        String file = FileReferences.named(doc);
                        if (file != null) {
                            files.add(file);
                        }
                    }
                    cut = p;
                    long at = p;
                    progress.step(() -> "Backing up the event store: position " + at + " of " + head);
                }
            }
            counts.put(EVENTS, out.lines);
            hashes.put(EVENTS, out.sha256());
        }
        if (empty > 0 || edited > 0) {
            counts.keySet().forEach(name -> delete(dir.resolve(name + ".jsonl")));
            delete(deadlinesBefore);
            delete(noticeKeysBefore);
        }
        if (edited > 0) {
            // Its restore would not verify, so the copy could never be used.
            throw new Refused("Event position " + edited + " was edited with a database tool (its " + why + "): run"
                    + " `java -jar docket.jar verify`, which lists what was changed; nothing was backed up.");
        }
        if (empty > 0) {
            // Cut before it, the backup would leave out the acknowledged events stored after it, and its restore would
            // still verify: nobody would know they were lost.
            throw new Refused("Event position " + empty + " is still empty after " + Positions.lostAfter(gapTimeout).toSeconds()
                    + " s while later positions hold events (a writer stopped before writing it): start Docket, whose"
                    + " readers mark such a position as empty after the gap timeout, and take the backup again; nothing"
                    + " was backed up.");
        }
        long position = cut;
        // The files the copied events name, after them: a file is stored before the event that names it, and one a
        // recorded event names is never removed. Without them the copy's drafts could not be opened, nor would it verify.
        FileStore fileStore = new FileStore(database, Clock.systemUTC());
        try (Output descriptions = new Output(dir.resolve(FileStore.FILES + ".jsonl"), null);
             Output chunks = new Output(dir.resolve(FileStore.CHUNKS + ".jsonl"), progress)) {
            files.forEach(sha -> fileStore.copy(sha, descriptions::write, chunks::write));
            counts.put(FileStore.FILES, descriptions.lines);
            hashes.put(FileStore.FILES, descriptions.sha256());
            counts.put(FileStore.CHUNKS, chunks.lines);
            hashes.put(FileStore.CHUNKS, chunks.sha256());
        }
        copy(database.getCollection(Checkpointer.CHECKPOINTS), dir, d -> ((Number) d.get("_id")).longValue() <= position,
                counts, hashes, progress);
        // A mark on a notification the copy lacks marks nothing.
        copy(database.getCollection(NOTIFICATION_READS), dir, d -> true, counts, hashes, progress);
        // A deadline read twice, delivered in the copy or armed after the cut is harmless: every deadline that no longer
        // applies sees so when it comes due and records nothing.
        copyReadTwice(database.getCollection(DEADLINES), dir, deadlinesBefore,
                d -> mentionsAny(d.getString("scopeKey"), aggregates), d -> d, counts, hashes, progress);
        // A key first read after the events may stand for events after the cut: it is restored as a registration that
        // stopped midway (NoticeRegistrar's "incomplete"), which confirming the same read-out completes.
        copyReadTwice(database.getCollection(NOTICE_KEYS), dir, noticeKeysBefore,
                d -> aggregates.contains(d.getString("noticeId")), d -> d.append("state", "incomplete"), counts, hashes,
                progress);
        Manifest manifest = new Manifest(cut, counts.get(EVENTS), lastHash, clock.instant(), counts, hashes);
        write(dir.resolve(MANIFEST), manifest.toDocument().toJson(JsonWriterSettings.builder().indent(true).build()));
        return manifest;
    }

    /**
     * Loads a backup into {@code database}, which must hold nothing the backup writes, and verifies it: the hash chain is
     * intact and ends at the backup's position. Docket rebuilds its read models when it starts on it.
     */
    public static Manifest restore(MongoDatabase database, Path dir, int checkpointEvery, Duration gapTimeout) {
        return restore(database, dir, checkpointEvery, gapTimeout, Clock.systemUTC());
    }

    /** {@link #restore(MongoDatabase, Path, int, Duration)}, saying how far it got by {@code clock} ({@link Progress}). */
    public static Manifest restore(MongoDatabase database, Path dir, int checkpointEvery, Duration gapTimeout,
                                   Clock clock) {
        Progress progress = new Progress(clock, log::info);
        requireBackup(dir);
        Manifest manifest = manifest(dir.resolve(MANIFEST));
        MongoCollection<Document> restoring = database.getCollection(RESTORING);
        Counters counters = new Counters(database);
        if (restoring.find().first() != null) {
            // A restore stopped before its clean-up could run (killed): it loaded into an empty database, so all that a
            // backup writes here is its, and goes.
            dropExisting(database, COLLECTIONS);
            counters.clear();
        }
        long present = database.getCollection(EVENTS).countDocuments();
        if (present > 0) {
            throw new Refused("The database already holds " + present + " events; restore into an empty one"
                    + " (for the embedded database: move its data directory aside).");
        }
        for (Map.Entry<String, String> file : manifest.sha256().entrySet()) {
            Read actual = sha256(dir.resolve(file.getKey() + ".jsonl"), progress);
            // A backup copied through Windows may end its lines in CR LF: no document holds a raw CR or LF (JSON escapes
            // them), so read with LF alone it is the same documents, and the restore reads either.
            if (!actual.sha256().equals(file.getValue()) && !actual.sha256OfLfLines().equals(file.getValue())) {
                throw new Refused("The backup file " + file.getKey() + ".jsonl is not the one the backup wrote"
                        + " (its SHA-256 differs); nothing was restored.");
            }
            // A line a document: a count that differs is a manifest edited (the backup wrote both from the same lines).
            if (actual.lines() != manifest.documents().get(file.getKey())) {
                throw new Refused(MANIFEST + " says " + file.getKey() + ".jsonl holds " + manifest.documents().get(file.getKey())
                        + " documents, but it holds " + actual.lines() + "; nothing was restored.");
            }
        }
        if (manifest.events() != manifest.documents().get(EVENTS) || manifest.events() != manifest.position()) {
            throw new Refused(MANIFEST + " says " + manifest.events() + " events up to position " + manifest.position()
                    + ", but " + EVENTS + ".jsonl holds " + manifest.documents().get(EVENTS) + "; nothing was restored.");
        }
        for (String collection : manifest.documents().keySet()) {
            long held = database.getCollection(collection).countDocuments();
            if (held > 0) {
                throw new Refused("The database already holds " + held + " documents in " + collection
                        + "; restore into an empty one (for the embedded database: move its data directory aside).");
            }
        }
        if (counters.anySet()) {
            throw new Refused("The database already counts event positions (" + Counters.COLLECTION
                    + "); restore into an empty one (for the embedded database: move its data directory aside).");
        }
        restoring.deleteMany(new Document());
        restoring.insertOne(new Document("_id", "restore").append("from", dir.toString())
                .append("position", manifest.position()));
        try {
            for (String collection : manifest.documents().keySet()) {
                load(database.getCollection(collection), dir.resolve(collection + ".jsonl"),
                        manifest.documents().get(collection), progress);
            }
            counters.raise(Counters.EVENTS, manifest.position());
            long checkpoint = 0;
            for (Document d : database.getCollection(Checkpointer.CHECKPOINTS).find()) {
                checkpoint = Math.max(checkpoint, ((Number) d.get("_id")).longValue());
            }
            if (checkpoint > 0) {
                counters.raise(Counters.CHECKPOINTS, checkpoint);
            }
            // Nothing writes during a restore: an empty position is judged at once.
            VerifyReport report = new StoreVerifier(database, new Checkpointer(database, checkpointEvery, gapTimeout),
                    Duration.ZERO, clock).verify();
            if (!report.intact() || report.upTo() != manifest.position()) {
                throw new Refused("The restored event store does not verify: " + report.sentence()
                        + "; the backup's position is " + manifest.position() + "; nothing was restored.");
            }
            String lastHash = lastHash(database.getCollection(EVENTS), manifest.position());
            // A backup taken before 05/12/2026 of a store ending in positions marked empty named no hash (null).
            boolean olderEndingEmpty = manifest.lastHash() == null && manifest.position() > 0 && EventDocuments.isFiller(
                    EventDocuments.byPosition(database.getCollection(EVENTS), manifest.position(), 1).get(manifest.position()));
            if (!Objects.equals(lastHash, manifest.lastHash()) && !olderEndingEmpty) {
                throw new Refused("The restored store's last event has the hash " + lastHash + ", not " + manifest.lastHash()
                        + " as " + MANIFEST + " says; nothing was restored.");
            }
        } catch (RuntimeException e) {
            // Every collection written here was empty before: emptied again, the database is as it was, and the
            // next restore is not refused for the events a failed one left behind.
            dropExisting(database, manifest.documents().keySet());
            counters.clear();
            restoring.drop();
            throw e;
        }
        restoring.drop();
        return manifest;
    }

    /**
     * Drops those of {@code collections} the database holds. The embedded server logs the drop of a collection it does
     * not hold as an error with its stack trace, which the operator of a restore run again after a killed one read as
     * the restore failing.
     */
    private static void dropExisting(MongoDatabase database, Collection<String> collections) {
        Set<String> held = database.listCollectionNames().into(new HashSet<>());
        collections.stream().filter(held::contains).forEach(collection -> database.getCollection(collection).drop());
    }

    /** Refuses a directory that holds no backup: none at all, or one a backup stopped before it was done (killed). */
    public static void requireBackup(Path dir) {
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw new Refused(dir + " holds no Docket backup (no " + MANIFEST + "; a backup interrupted before its end"
                    + " writes none): name the directory a finished backup wrote.");
        }
    }

    /** Refuses a database a restore is loading, or stopped loading before it verified (killed): it is not whole. */
    public static void requireWhole(MongoDatabase database) {
        Document restore = database.getCollection(RESTORING).find().first();
        if (restore != null) {
            throw new Refused("A restore into this database (from " + restore.getString("from") + ") has not finished:"
                    + " it holds part of a backup. Run the restore again, which empties what the stopped one loaded.");
        }
    }

    /**
     * The manifest as a backup wrote it, or a refusal in one line: one cut off while copied, edited, or naming a
     * collection no backup writes (a name such as "../x" would read a file outside the backup) restores nothing.
     */
    private static Manifest manifest(Path file) {
        Manifest manifest;
        try {
            manifest = Manifest.of(Document.parse(read(file)));
        } catch (RuntimeException e) {
            throw new Refused(file + " is damaged or is not a Docket backup's manifest (cut off or edited);"
                    + " nothing was restored.");
        }
        if (!manifest.documents().keySet().equals(manifest.sha256().keySet())
                || !COLLECTIONS.containsAll(manifest.documents().keySet())
                || !manifest.documents().containsKey(EVENTS)) {
            throw new Refused(file + " names other collections than a backup writes (" + String.join(", ",
                    manifest.documents().keySet()) + "); nothing was restored.");
        }
        return manifest;
    }

    /** The hash of the last event at or below {@code position}, passing positions marked empty; null if none. */
    private static String lastHash(MongoCollection<Document> events, long position) {
        for (long p = position; p > 0; p--) {
            Document doc = EventDocuments.byPosition(events, p, 1).get(p);
            if (doc != null && !EventDocuments.isFiller(doc)) {
                return doc.getString("hash");
            }
        }
        return null;
    }

    private static boolean mentionsAny(String text, Set<String> ids) {
        if (text == null) {
            return false;
        }
        Matcher m = UUID.matcher(text);
        while (m.find()) {
            if (ids.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static void copy(MongoCollection<Document> collection, Path dir, Predicate<Document> keep,
                             Map<String, Long> counts, Map<String, String> hashes, Progress progress) {
        String name = collection.getNamespace().getCollectionName();
        try (Output out = new Output(dir.resolve(name + ".jsonl"), progress)) {
            for (Document doc : collection.find()) {
                if (keep.test(doc)) {
                    out.write(doc);
                }
            }
            counts.put(name, out.lines);
            hashes.put(name, out.sha256());
        }
    }

    /** Reads every document of {@code collection} into a file beside the backup's, before the events are read. */
    private static Path readBefore(MongoCollection<Document> collection, Path dir, Progress progress) {
        Path before = dir.resolve(collection.getNamespace().getCollectionName() + ".before.jsonl");
        try (Output out = new Output(before, progress)) {
            collection.find().forEach(out::write);
        }
        return before;
    }

    /**
     * Copies what {@code keep} keeps of {@code collection} as read before the events ({@link #readBefore}) and, of the
     * documents first read after them, as {@code firstReadAfter} gives them.
     */
    private static void copyReadTwice(MongoCollection<Document> collection, Path dir, Path before, Predicate<Document> keep,
                                      UnaryOperator<Document> firstReadAfter, Map<String, Long> counts,
                                      Map<String, String> hashes, Progress progress) {
        String name = collection.getNamespace().getCollectionName();
        Set<Object> copied = new HashSet<>();
        try (Output out = new Output(dir.resolve(name + ".jsonl"), progress)) {
            try (BufferedReader in = Files.newBufferedReader(before, StandardCharsets.UTF_8)) {
                in.lines().map(Document::parse).filter(keep).forEach(d -> {
                    copied.add(d.get("_id"));
                    out.write(d);
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + before, e);
            }
            for (Document d : collection.find()) {
                if (keep.test(d) && copied.add(d.get("_id"))) {
                    out.write(firstReadAfter.apply(d));
                }
            }
            counts.put(name, out.lines);
            hashes.put(name, out.sha256());
        }
        delete(before);
    }

    private static void load(MongoCollection<Document> collection, Path file, long documents, Progress progress) {
        List<Document> batch = new ArrayList<>(BATCH);
        long chars = 0;
        long loaded = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                batch.add(Document.parse(line));
                chars += line.length();
                long read = ++loaded;
                progress.step(() -> "Restoring " + collection.getNamespace().getCollectionName() + ": " + read + " of "
                        + documents + " documents read");
                if (batch.size() == BATCH || chars >= BATCH_CHARS) {
                    collection.insertMany(batch);
                    batch.clear();
                    chars = 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    private static void prepare(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new Refused("The backup directory " + dir + " is not empty; name a new one"
                                + (Files.exists(dir.resolve(MANIFEST)) ? "." : " (it holds no " + MANIFEST
                                + ": a backup interrupted there, whose files can go)."));
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the backup directory " + dir, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an event position to be written", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * A backup file's SHA-256, that of its bytes with each CR LF read as LF, and how many lines (documents) it holds.
     */
    private record Read(String sha256, String sha256OfLfLines, long lines) {
    }

    private static Read sha256(Path file, Progress progress) {
        MessageDigest digest = Sha256.digest();
        MessageDigest lf = Sha256.digest();
        long lines = 0;
        boolean cr = false; // the last byte read was a CR, not yet passed on to lf
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            long bytes = 0;
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                long read = bytes += n;
                progress.step(() -> "Checking the backup file " + file.getFileName() + ": "
                        + read * 100 / Math.max(1, file.toFile().length()) + "% read");
                digest.update(buffer, 0, n);
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (cr && buffer[i] != '\n') {
                        lf.update((byte) '\r');
                    }
                    cr = buffer[i] == '\r';
                    if (cr) {
                        lf.update(buffer, from, i - from);
                        from = i + 1;
                    } else if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                lf.update(buffer, from, n - from);
            }
        } catch (IOException e) {
            throw new Refused("The backup file " + file.getFileName() + " cannot be read: " + e.getMessage());
        }
        if (cr) {
            lf.update((byte) '\r');
        }
        return new Read(Sha256.finish(digest), Sha256.finish(lf), lines);
    }

    /** One collection's file: a document a line, hashed as it is written; with a progress, saying how many so far. */
    private static final class Output implements AutoCloseable {
        private final Path file;
        private final Progress progress;
        private final BufferedWriter writer;
        private final MessageDigest digest = Sha256.digest();
        long lines;

        Output(Path file, Progress progress) {
            this.file = file;
            this.progress = progress;
            try {
                this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file, e);
            }
        }

        void write(Document doc) {
            String line = doc.toJson(JSON) + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            try {
                writer.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file, e);
            }
            lines++;
            if (progress != null) {
                progress.step(() -> "Backing up: " + lines + " documents written to " + file.getFileName());
            }
        }

        String sha256() {
            return Sha256.finish(digest);
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file, e);
            }
        }
    }
}
