package vn.docket.query.deadletters;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.docket.platform.mongo.Inserts;

/**
 * One projection's dead letters in MongoDB: the events its handlers could not process, and behind each the
 * later events of the same assignment, which wait for it so that the read model sees them in order.
 *
 * <p>One document per parked sequence ({@code _id} = projection/assignment) holds its letters in order, so a
 * sequence changes in one single-document write (there are no transactions) and is found by an exact-match
 * read of {@code _id}, which the embedded server serves from its unique index. Writes check a version
 * number, so the processor parking a later event and an administrator's retry draining the sequence cannot
 * overwrite each other; that check, and listing a projection's sequences, scan the collection, which holds
 * only parked sequences (normally none).
 *
 * <p>A processor asks for every event whether its assignment is parked. In a processor's batch the parked
 * assignments are read once, with the batch's first event, so a rebuild pays one query per batch, not per
 * event. A letter is keyed by its event, so an event delivered again after a failed batch is parked once.
 */
final class MongoDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadLetterQueue.class);

    /** How long a retry holds a sequence before another node may take it (a retry that died half-way). */
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final String projection;
    private final MongoCollection<Document> collection;
    private final Serializer serializer;
    private final Clock clock;
    private final String batchResource;

    MongoDeadLetterQueue(String projection, MongoCollection<Document> collection, Serializer serializer, Clock clock) {
        this.projection = projection;
        this.collection = collection;
        this.serializer = serializer;
        this.clock = clock;
        this.batchResource = MongoDeadLetterQueue.class.getName() + "/" + projection;
    }

    static String id(String projection, Object sequence) {
        return projection + "/" + sequence;
    }

    @Override
    public void enqueue(Object sequence, DeadLetter<? extends EventMessage<?>> letter) {
        Document stored = toDocument(letter);
        change(sequence, doc -> {
            List<Document> letters = letters(doc);
            if (letters.stream().noneMatch(l -> l.getString("eventId").equals(stored.getString("eventId")))) {
                letters.add(stored);
                letters.sort(Comparator.comparingLong(l -> l.getLong("order")));
            }
            return letters;
        });
        Set<String> parked = parkedInBatch();
        if (parked != null) {
            parked.add(sequence.toString());
        }
        letter.cause().ifPresent(cause -> log.warn("The projection {} could not take in event number {} ({}) of {}"
                + " and has set it aside, with that assignment's later events behind it; it goes on with everything"
                + " else. Once the cause is fixed, an administrator retries it on the System page. The cause: {}",
                projection, stored.get("order"), letter.message().getPayloadType().getSimpleName(), sequence,
                cause.message()));
    }

    @Override
    public boolean enqueueIfPresent(Object sequence, Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        Set<String> parked = parkedInBatch();
        // In a batch, an assignment not parked at its start is not parked now unless this batch parked it;
        // one that is parked is looked up again, as a retry on another node may have drained it since.
        if (parked != null && !parked.contains(sequence.toString())) {
            return false;
        }
        if (!contains(sequence)) {
            if (parked != null) {
                parked.remove(sequence.toString());
            }
            return false;
        }
        enqueue(sequence, letterBuilder.get());
        return true;
    }

    /** The assignments parked when the current processor batch started, or null outside a batch. */
    private Set<String> parkedInBatch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(batchResource, key -> {
            Set<String> sequences = new HashSet<>();
            collection.find(Filters.eq("projection", projection)).projection(Projections.include("sequence"))
                    .forEach(doc -> sequences.add(doc.getString("sequence")));
            return sequences;
        });
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        String eventId = letter.message().getIdentifier();
        change(sequenceOf(letter), doc -> {
            List<Document> letters = letters(doc);
            letters.removeIf(l -> l.getString("eventId").equals(eventId));
            return letters;
        });
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> update) throws NoSuchDeadLetterException {
        String eventId = letter.message().getIdentifier();
        Object sequence = sequenceOf(letter);
        change(sequence, doc -> {
            List<Document> letters = letters(doc);
            int at = indexOf(letters, eventId);
            if (at < 0) {
                throw new NoSuchDeadLetterException("The event " + eventId + " is no longer set aside for " + projection);
            }
            Document updated = toDocument(update.apply(toLetter(sequence, letters.get(at))).markTouched());
            letters.set(at, updated);
            doc.put("claimedUntil", null);
            return letters;
        });
    }

    @Override
    public boolean contains(Object sequence) {
        return read(sequence) != null;
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequence) {
        Document doc = read(sequence);
        List<DeadLetter<? extends EventMessage<?>>> result = new ArrayList<>();
        if (doc != null) {
            letters(doc).forEach(l -> result.add(toLetter(sequence, l)));
        }
        return result;
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        List<Iterable<DeadLetter<? extends EventMessage<?>>>> result = new ArrayList<>();
        for (Document doc : sequences()) {
            String sequence = doc.getString("sequence");
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            letters(doc).forEach(l -> letters.add(toLetter(sequence, l)));
            result.add(letters);
        }
        return result;
    }

    @Override
    public boolean isFull(Object sequence) {
        return false; // a projection that fails on everything parks everything; nothing is dropped
    }

    @Override
    public long size() {
        return sequences().stream().mapToLong(doc -> letters(doc).size()).sum();
    }

    @Override
    public long sequenceSize(Object sequence) {
        Document doc = read(sequence);
        return doc == null ? 0 : letters(doc).size();
    }

    @Override
    public long amountOfSequences() {
        return sequences().size();
    }

    /**
     * Processes the sequence touched longest ago whose first letter passes {@code filter} and that no other
     * retry holds: letter by letter, until one fails again (it stays first, the rest behind it) or none is left.
     */
    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> filter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        List<Document> candidates = sequences();
        candidates.sort(Comparator.comparing(doc -> letters(doc).get(0).getDate("lastTouched")));
        for (Document candidate : candidates) {
            String sequence = candidate.getString("sequence");
            DeadLetter<? extends EventMessage<?>> first = toLetter(sequence, letters(candidate).get(0));
            if (!filter.test(first) || !claim(candidate)) {
                continue;
            }
            return drain(sequence, task);
        }
        return false;
    }

    private boolean drain(String sequence,
                          Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        while (true) {
            Document doc = read(sequence);
            if (doc == null) {
                return true;
            }
            DeadLetter<? extends EventMessage<?>> letter = toLetter(sequence, letters(doc).get(0));
            EnqueueDecision<EventMessage<?>> decision;
            try {
                decision = task.apply(letter);
            } catch (RuntimeException e) {
                release(sequence);
                throw e;
            }
            if (decision.shouldEnqueue()) {
                requeue(letter, l -> decision.withDiagnostics(l).withCause(decision.enqueueCause().orElse(null)));
                return false;
            }
            evict(letter);
        }
    }

    private boolean claim(Document doc) {
        Date until = doc.getDate("claimedUntil");
        Instant now = clock.instant();
        if (until != null && until.toInstant().isAfter(now)) {
            return false;
        }
        Document claimed = new Document(doc);
        claimed.put("claimedUntil", Date.from(now.plus(CLAIM)));
        claimed.put("version", doc.getLong("version") + 1);
        return collection.replaceOne(Filters.and(Filters.eq("_id", doc.getString("_id")),
                Filters.eq("version", doc.getLong("version"))), claimed).getMatchedCount() == 1;
    }

    private void release(String sequence) {
        try {
            change(sequence, doc -> {
                doc.put("claimedUntil", null);
                return letters(doc);
            });
        } catch (RuntimeException e) {
            // The claim lapses by itself after a minute.
        }
    }

    @Override
    public void clear() {
        collection.deleteMany(Filters.eq("projection", projection));
    }

    private Document read(Object sequence) {
        return collection.find(Filters.eq("_id", id(projection, sequence))).first();
    }

    private List<Document> sequences() {
        return collection.find(Filters.eq("projection", projection)).into(new ArrayList<>());
    }

    /**
     * Reads the sequence's document, lets {@code change} return its new letters (it may also set other
     * fields), and writes it back if nobody changed it in between; otherwise reads again. No letters left:
     * the document goes.
     */
    private void change(Object sequence, Function<Document, List<Document>> change) {
        String id = id(projection, sequence);
        while (true) {
            Document doc = collection.find(Filters.eq("_id", id)).first();
            boolean isNew = doc == null;
            if (isNew) {
                doc = new Document("_id", id).append("projection", projection).append("sequence", sequence.toString())
                        .append("version", 0L).append("claimedUntil", null).append("letters", new ArrayList<Document>());
            }
            long version = doc.getLong("version");
            Document updated = new Document(doc);
            List<Document> letters = change.apply(updated);
            if (letters.isEmpty()) {
                if (isNew || collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)))
                        .getDeletedCount() == 1) {
                    return;
                }
                continue;
            }
            updated.put("letters", letters);
            updated.put("version", version + 1);
            if (isNew) {
                if (Inserts.ifAbsent(collection, updated)) {
                    return;
                }
                continue;
            }
            if (collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)), updated)
                    .getMatchedCount() == 1) {
                return;
            }
        }
    }

    private static List<Document> letters(Document doc) {
        return new ArrayList<>(doc.getList("letters", Document.class));
    }

    private static int indexOf(List<Document> letters, String eventId) {
        for (int i = 0; i < letters.size(); i++) {
            if (letters.get(i).getString("eventId").equals(eventId)) {
                return i;
            }
        }
        return -1;
    }

    private static Object sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof GenericDeadLetter<?> generic) {
            return generic.getSequenceIdentifier();
        }
        EventMessage<?> message = letter.message();
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : message.getIdentifier();
    }

    private Document toDocument(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        Document doc = new Document("eventId", message.getIdentifier())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", serializer.serialize(message.getMetaData(), String.class).getData())
                .append("timestamp", message.getTimestamp().toString());
        if (message instanceof DomainEventMessage<?> domain) {
            doc.append("aggregateType", domain.getType()).append("aggregateId", domain.getAggregateIdentifier())
                    .append("order", domain.getSequenceNumber());
        } else {
            doc.append("order", 0L);
        }
        Cause cause = letter.cause().orElse(null);
        doc.append("causeType", cause == null ? null : cause.type())
                .append("causeMessage", cause == null ? null : cause.message())
                .append("enqueuedAt", Date.from(letter.enqueuedAt()))
                .append("lastTouched", Date.from(letter.lastTouched()))
                .append("diagnostics", serializer.serialize(letter.diagnostics(), String.class).getData());
        return doc;
    }

    private DeadLetter<EventMessage<?>> toLetter(Object sequence, Document doc) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(doc.getString("payload"), String.class,
                doc.getString("payloadType"), doc.getString("payloadRevision")));
        MetaData metaData = metaData(doc.getString("metaData"));
        GenericMessage<Object> body = new GenericMessage<>(doc.getString("eventId"), payload, metaData);
        Instant timestamp = Instant.parse(doc.getString("timestamp"));
        EventMessage<?> message = doc.getString("aggregateId") == null
                ? new GenericEventMessage<>(body, () -> timestamp)
                : new GenericDomainEventMessage<>(doc.getString("aggregateType"), doc.getString("aggregateId"),
                        doc.getLong("order"), body, timestamp);
        Cause cause = doc.getString("causeType") == null ? null
                : new ThrowableCause(doc.getString("causeType"), doc.getString("causeMessage"));
        return new GenericDeadLetter<>(sequence, message, cause, doc.getDate("enqueuedAt").toInstant(),
                doc.getDate("lastTouched").toInstant(), metaData(doc.getString("diagnostics")));
    }

    private MetaData metaData(String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class, MetaData.class.getName(), null));
    }
}
