package vn.docket.command.deadlines;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.docket.platform.mongo.DatabaseUnavailable;

/**
 * Axon's {@link org.axonframework.deadline.DeadlineManager} on a MongoDB collection, because Axon 4.12 ships
 * none for MongoDB and Docket's deadlines must survive a restart. One document per scheduled deadline: its
 * id, name, the scope (an aggregate) and the payload serialized with Axon's serializer, and when it is due.
 *
 * <p>A poller delivers what is due to its scope, as Axon's Quartz and JobRunr managers do: inside a unit of
 * work, through the handler interceptors, to whichever scope-aware component (the aggregate repository) can
 * resolve the scope. A deadline is claimed with one atomic update before delivery, so two pollers (two
 * Docket processes) never deliver it both; it is removed once its handler has committed. A process that dies
 * between those two steps leaves a claim that expires after the lease and is delivered again: delivery is at
 * least once, and the aggregate's deadline handlers ignore a deadline they have already acted on.
 */
public class MongoDeadlineManager extends AbstractDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);
    static final String SCHEDULED = "SCHEDULED";
    static final String DELIVERING = "DELIVERING";
    static final String FAILED = "FAILED";
    /** A unit of work's resource: the deadlines its command scheduled, stored together before its events. */
    private static final String SCHEDULED_BY_COMMAND = MongoDeadlineManager.class.getName() + ".scheduled";

    private final MongoCollection<Document> deadlines;
    private final Serializer serializer;
    private final ScopeAwareProvider scopes;
    private final Clock clock;
    private final DeadlineSettings settings;
    private final String owner = UUID.randomUUID().toString();
    private ScheduledExecutorService poller;
    /** Only the poller thread reads and writes it. */
    private boolean databaseAway;

    public MongoDeadlineManager(MongoCollection<Document> deadlines, Serializer serializer, ScopeAwareProvider scopes,
                                Clock clock, DeadlineSettings settings) {
        this.deadlines = deadlines;
        this.serializer = serializer;
        this.scopes = scopes;
        this.clock = clock;
        this.settings = settings;
        // Used only by a real MongoDB; the embedded server ignores non-unique indexes and scans.
        deadlines.createIndex(Indexes.ascending("state", "dueAt"));
    }

    public static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection("deadlines");
    }

    // ---- scheduling: stored before the command's events ----

    /**
     * What can fail in the document (a moment no {@link Date} can hold, a payload Jackson cannot write) is
     * decided here, inside the command handler. The document is written by {@link #storeScheduled} once the
     * handler has returned and before the unit of work stores the command's events, so a deadline that cannot
     * be stored fails the command with nothing recorded: an answered command always has its deadlines. The
     * scope is serialized then too, since a new aggregate learns its id only once its constructor has run.
     * If the events then fail to store, the deadline stays behind; it is harmless, see {@link #cancelSchedule}.
     */
    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        String id = UUID.randomUUID().toString();
        DeadlineMessage<Object> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime));
        Date dueAt = Date.from(triggerDateTime);
        Document payload = message.getPayload() == null ? null
                : serialized(serializer.serialize(message.getPayload(), String.class));
        Document metaData = serialized(serializer.serialize(message.getMetaData(), String.class));
        Supplier<Document> deadline = () -> {
            SerializedObject<String> scope = serializer.serialize(deadlineScope, String.class);
            return new Document("_id", id)
                    .append("name", deadlineName)
                    .append("scope", serialized(scope))
                    .append("scopeKey", scope.getType().getName() + ":" + scope.getData())
                    .append("dueAt", dueAt)
                    .append("payload", payload)
                    .append("metaData", metaData)
                    .append("state", SCHEDULED)
                    .append("attempts", 0);
        };
        if (!CurrentUnitOfWork.isStarted()) {
            deadlines.insertOne(deadline.get());
            return id;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(SCHEDULED_BY_COMMAND, key -> {
            // Outside a command (where beforeTheEvents does it earlier) at the latest when the unit of work commits.
            unitOfWork.onPrepareCommit(this::storeScheduled);
            return new ArrayList<Supplier<Document>>();
        }).add(deadline);
        return id;
    }

    /**
     * Runs around every command handler: once the handler has returned, its deadlines are stored, all in one
     * insert (each write to the deadlines waits for the embedded database's commit, and a new assignment
     * schedules two), before the unit of work commits and stores the command's events. A failure here fails
     * the command.
     */
    public MessageHandlerInterceptor<CommandMessage<?>> beforeTheEvents() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            storeScheduled(unitOfWork);
            return result;
        };
    }

    private void storeScheduled(UnitOfWork<?> unitOfWork) {
        List<Supplier<Document>> scheduled = unitOfWork.getResource(SCHEDULED_BY_COMMAND);
        if (scheduled == null || scheduled.isEmpty()) {
            return;
        }
        List<Document> documents = scheduled.stream().map(Supplier::get).toList();
        scheduled.clear();
        deadlines.insertMany(documents);
    }

    /**
     * Docket never cancels a deadline. A cancel written before the command's events could remove a deadline
     * that a failed command did not replace; written after them it could fail once the command was recorded.
     * Instead each deadline carries what it was armed for ({@link DeadlineChaser.DeadlineDue}), and one that no
     * longer applies (the deadline moved, the work was approved or cancelled, the command that armed it was
     * never recorded) does nothing when it comes due, and is removed like any delivered deadline.
     */
    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        throw new UnsupportedOperationException("Docket's deadlines are not cancelled: " + deadlineName);
    }

    /** See {@link #cancelSchedule}. */
    @Override
    public void cancelAll(String deadlineName) {
        throw new UnsupportedOperationException("Docket's deadlines are not cancelled: " + deadlineName);
    }

    /** See {@link #cancelSchedule}. */
    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        throw new UnsupportedOperationException("Docket's deadlines are not cancelled: " + deadlineName);
    }

    // ---- delivery ----

    public synchronized void start() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "docket-deadlines");
                t.setDaemon(true);
                return t;
            });
            long every = settings.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void shutdown() {
        if (poller != null) {
            poller.shutdown();
            try {
                if (!poller.awaitTermination(10, TimeUnit.SECONDS)) {
                    poller.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    private void pollSafely() {
        try {
            deliverDue();
            if (databaseAway) {
                databaseAway = false;
                log.info("Checking for due deadlines works again");
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCauseOf(e)) {
                log.warn("Checking for due deadlines failed; trying again in {}", settings.pollInterval(), e);
            } else if (!databaseAway) {
                // Once per outage, not with every poll: nothing is lost, due deadlines go out when it is back.
                databaseAway = true;
                log.warn("Cannot check for due deadlines while the database does not answer; trying every {}",
                        settings.pollInterval());
            }
        }
    }

    /** Delivers every deadline that is due now; returns how many were delivered. */
    public int deliverDue() {
        Date now = Date.from(clock.instant());
        Bson due = Filters.or(
                Filters.and(Filters.eq("state", SCHEDULED), Filters.lte("dueAt", now)),
                Filters.and(Filters.eq("state", DELIVERING), Filters.lt("claimedUntil", now)));
        List<Document> candidates = deadlines.find(due).sort(Sorts.ascending("dueAt")).limit(100)
                .into(new ArrayList<>());
        int delivered = 0;
        for (Document candidate : candidates) {
            Document claimed = claim(candidate, now);
            if (claimed != null && deliver(claimed)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** One atomic update: only one poller wins a deadline in a given state. */
    private Document claim(Document candidate, Date now) {
        Bson sameState = DELIVERING.equals(candidate.getString("state"))
                ? Filters.and(Filters.eq("state", DELIVERING), Filters.lt("claimedUntil", now))
                : Filters.eq("state", SCHEDULED);
        return deadlines.findOneAndUpdate(Filters.and(Filters.eq("_id", candidate.getString("_id")), sameState),
                Updates.combine(Updates.set("state", DELIVERING), Updates.set("owner", owner),
                        Updates.set("claimedUntil", Date.from(now.toInstant().plus(settings.lease()))),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    private boolean deliver(Document d) {
        String id = d.getString("_id");
        String name = d.getString("name");
        try {
            ScopeDescriptor scope = deserialize(d.get("scope", Document.class));
            Object payload = d.get("payload") == null ? null : deserialize(d.get("payload", Document.class));
            MetaData metaData = deserialize(d.get("metaData", Document.class));
            DeadlineMessage<?> message = new GenericDeadlineMessage<>(name, id, payload, metaData,
                    d.getDate("dueAt").toInstant());
            UnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
            unitOfWork.attachTransaction(NoTransactionManager.INSTANCE);
            DefaultInterceptorChain<DeadlineMessage<?>> chain = new DefaultInterceptorChain<>(unitOfWork,
                    handlerInterceptors(), m -> {
                        sendToScope(m, scope);
                        return null;
                    });
            ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed);
            if (result.isExceptional()) {
                throw result.exceptionResult();
            }
            deadlines.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("owner", owner)));
            return true;
        } catch (Throwable e) {
            failed(d, e);
            return false;
        }
    }

    private void sendToScope(DeadlineMessage<?> message, ScopeDescriptor scope) throws Exception {
        List<ScopeAware> handlers = scopes.provideScopeAwareStream(scope).filter(s -> s.canResolve(scope)).toList();
        if (handlers.isEmpty()) {
            throw new IllegalStateException("Nothing in Docket can handle a deadline for " + scope.scopeDescription());
        }
        for (ScopeAware handler : handlers) {
            handler.send(message, scope);
        }
    }

    /** Tried again later with a growing pause, then parked as failed: a stuck deadline must not stop the others. */
    private void failed(Document d, Throwable e) {
        int attempts = d.getInteger("attempts", 1);
        if (attempts >= settings.maxAttempts()) {
            log.warn("Deadline {} ({}) failed {} times and is parked; its last error: {}", d.getString("_id"),
                    d.getString("name"), attempts, e.toString());
            deadlines.updateOne(Filters.eq("_id", d.getString("_id")), Updates.combine(
                    Updates.set("state", FAILED), Updates.set("lastError", e.toString())));
        } else {
            Duration pause = settings.pollInterval().multipliedBy(1L << Math.min(attempts, 10));
            log.info("Deadline {} ({}) could not be delivered ({}); trying again in {}", d.getString("_id"),
                    d.getString("name"), e.toString(), pause);
            deadlines.updateOne(Filters.eq("_id", d.getString("_id")), Updates.combine(
                    Updates.set("state", SCHEDULED), Updates.set("lastError", e.toString()),
                    Updates.set("dueAt", Date.from(clock.instant().plus(pause)))));
        }
    }

    private static Document serialized(SerializedObject<String> s) {
        return new Document("type", s.getType().getName()).append("revision", s.getType().getRevision())
                .append("data", s.getData());
    }

    private <T> T deserialize(Document d) {
        return serializer.deserialize(new SimpleSerializedObject<>(d.getString("data"), String.class,
                d.getString("type"), d.getString("revision")));
    }
}
