package vn.docket.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.text.CollationKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mail.javamail.JavaMailSender;
import vn.docket.events.AccessDenied;
import vn.docket.events.AccessTokenIssued;
import vn.docket.events.AccessTokenRevoked;
import vn.docket.events.Actor;
import vn.docket.events.ApprovalLevelGranted;
import vn.docket.events.ApprovalLevelWithdrawn;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DecisionRef;
import vn.docket.events.DeliverableKind;
import vn.docket.events.DocumentFile;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NewTask;
import vn.docket.events.NoticeEvent;
import vn.docket.events.NoticeNumberCorrected;
import vn.docket.events.NoticeNumbered;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.NoticeSource;
import vn.docket.events.PasswordReset;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionPointsAnswered.Answer;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.events.UserDisabled;
import vn.docket.events.UserEnabled;
import vn.docket.events.UserEvent;
import vn.docket.events.UserRegistered;
import vn.docket.events.UserRoleChanged;
import vn.docket.events.UserUnitChanged;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.query.notifications.NotificationSettings;
import vn.docket.query.support.ReadModelBatch;
import vn.docket.query.support.ReadModels;

/**
 * The README's promise for every projection of the query side: delivered again (at least once, and a batch
 * again from an earlier position after a crash) it changes nothing, and rebuilt (its reset handler, then every
 * event flagged as a replay) it gives the read models of the live run. Events reach each projection as its
 * processor hands them over: through Axon's own handler invocation ({@link AnnotationEventHandlerAdapter}, with
 * {@code @DisallowReplay} honoured), in batches under the read-model batch interceptor ({@link ReadModelBatch}).
 * The history is generated once and holds every event type Docket stores.
 */
class ProjectionReplayTest {

    static final History HISTORY = History.generate(new Random(20), 50);
    /**
     * Fields that are the wall clock of the handling, not something the events say: a notification's
     * {@code notifiedAt} (when this node claimed it) and an index entry's {@code indexedAt} (how fresh a page is).
     */
    static final Set<String> WALL_CLOCK = Set.of("notifiedAt", "indexedAt");
    /** As Spring Boot configures it for Docket: dates as ISO text, as the audit log stores them in production. */
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    static MongoServer server;
    static MongoClient client;
    static final AtomicInteger databases = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    /**
     * A projection as its processor runs it. The projections are package-private Spring components, so they are
     * made here by their constructor from the arguments Spring would give them.
     */
    record Listed(String className, Function<MongoDatabase, Object[]> arguments) {

        Object make(MongoDatabase database) {
            Object[] args = arguments.apply(database);
            try {
                for (Constructor<?> c : Class.forName(className).getDeclaredConstructors()) {
                    Class<?>[] types = c.getParameterTypes();
                    if (types.length == args.length && IntStream.range(0, args.length).allMatch(i -> types[i].isInstance(args[i]))) {
                        c.setAccessible(true);
                        return c.newInstance(args);
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("No constructor of " + className + " takes " + Arrays.toString(args));
        }

        @Override
        public String toString() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /** Every class of the query side with an event handler; a new one fails the listing test until it is added. */
    static List<Listed> projections() {
        return List.of(
                new Listed("vn.docket.query.assignments.AssignmentListProjection", db -> new Object[] {db}),
                // Kept in memory, built by each node from the whole store at start; its state is read below.
                new Listed("vn.docket.query.assignments.AssignmentIndex",
                        db -> new Object[] {(BooleanSupplier) () -> true, Duration.ZERO}),
                new Listed("vn.docket.query.audit.AuditLogProjection", db -> new Object[] {db, JSON}),
                // Kept in memory like the assignment index, in its processing group; its entries are read below.
                new Listed("vn.docket.query.audit.AuditIndex", db -> new Object[] {}),
                new Listed("vn.docket.query.planpath.PlanPathProjection", db -> new Object[] {db}),
                new Listed("vn.docket.query.notifications.NotificationProjection", db -> new Object[] {db,
                        new NotificationSettings(null, null), new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(),
                        new ApprovalLevels(null)}),
                new Listed("vn.docket.query.reports.TaskTimelineProjection", db -> new Object[] {db}),
                new Listed("vn.docket.query.notices.NoticeProjection", db -> new Object[] {db}),
                // Kept in memory like the assignment index, in its processing group; its entries are read below.
                new Listed("vn.docket.query.notices.NoticeIndex", db -> new Object[] {}),
                new Listed("vn.docket.query.revisioncycles.RevisionCycleProjection", db -> new Object[] {db}),
                // Kept in memory like the assignment index, in its processing group; its rounds are read below.
                new Listed("vn.docket.query.revisioncycles.RevisionIndex", db -> new Object[] {}));
    }

    @Test
    void every_class_of_the_query_side_with_an_event_handler_is_listed_here() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition bean) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(EventHandler.class.getName()));
        Set<String> handlers = scanner.findCandidateComponents("vn.docket.query").stream()
                .map(bean -> bean.getBeanClassName()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(handlers).as("classes with @EventHandler under vn.docket.query")
                .isEqualTo(projections().stream().map(Listed::className).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void the_history_holds_every_event_type_docket_stores() {
        Set<Class<?>> types = new HashSet<>();
        Stream.of(AssignmentEvent.class, UserEvent.class, NoticeEvent.class)
                .forEach(sealed -> types.addAll(List.of(sealed.getPermittedSubclasses())));
        types.add(AccessDenied.class);

        Set<Class<?>> stored = HISTORY.events().stream().<Class<?>>map(EventMessage::getPayloadType).collect(Collectors.toSet());
        assertThat(stored).containsAll(types);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projections")
    void delivering_every_event_a_second_time_changes_no_read_model(Listed listed) throws Exception {
        Run live = new Run(listed);
        live.deliver(0, HISTORY.size(), 20, false);
        Map<String, Map<String, String>> once = live.contents();

        live.deliver(0, HISTORY.size(), 13, false);

        assertThat(once).as("what the live run wrote").isNotEmpty();
        assertSameContents(live.contents(), once);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projections")
    void batches_cut_short_by_crashes_and_delivered_again_from_an_earlier_position_give_the_read_models_of_a_run_without_crashes(
            Listed listed) throws Exception {
        Run clean = new Run(listed);
        clean.deliver(0, HISTORY.size(), 20, false);

        Run crashing = new Run(listed);
        Random random = new Random(listed.className().hashCode());
        int position = 0;
        int crashes = 0;
        while (position < HISTORY.size()) {
            int size = 1 + random.nextInt(20);
            int end = Math.min(HISTORY.size(), position + size);
            int chance = random.nextInt(10);
            if (chance < 3) {
                // The batch fails half-way (the node dies, the database goes away): what the handlers wrote
                // directly stays, the batch's collected writes are lost, the token stays where it was.
                crashing.deliverFailing(position, end, position + random.nextInt(end - position));
                crashes++;
            } else if (chance < 5) {
                // The batch was written but its token was not, or the token on disk is older still (the embedded
                // database commits positions once a second): the processor starts again from an earlier position.
                crashing.deliver(position, end, end - position, false);
                position = Math.max(0, position - random.nextInt(40));
                crashes++;
            } else {
                crashing.deliver(position, end, end - position, false);
                position = end;
            }
        }

        assertThat(crashes).as("crashes in the run").isGreaterThan(10);
        assertSameContents(crashing.contents(), clean.contents());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projections")
    void a_reset_and_a_replay_of_every_event_give_the_read_models_of_the_live_run(Listed listed) throws Exception {
        Run run = new Run(listed);
        run.deliver(0, HISTORY.size(), 7, false);
        Map<String, Map<String, String>> live = run.contents();

        run.handlers.prepareReset(); // what the processor calls on a rebuild: the projection's @ResetHandler
        run.deliver(0, HISTORY.size(), 500, true);

        assertThat(live).as("what the live run wrote").isNotEmpty();
        assertSameContents(run.contents(), live);
    }

    /** Events whose payload changed shape (a new revision) after the sample was taken: NoticeRegistered revision 2. */
    static final List<String> RESHAPED_SINCE_SAMPLE = List.of("NoticeRegistered", "DeadlineExtended");

    /** Notifications that keep more values and say more since the sample was taken (06/12/2026). */
    static final List<String> SAYS_MORE_SINCE_SAMPLE = List.of("DEADLINE_EXTENDED", "EXTENSION_REJECTED", "REVISION_REQUESTED", "DEADLINE_MISSED");

    /**
     * The read models whose documents are read back through a record's codec, by the class with its
     * {@code read(Document)}; every other read model is read as the document it is.
     */
    static final Map<String, String> RECORDS = Map.of(
            "assignments", "vn.docket.query.assignments.AssignmentRecord",
            "audit_log", "vn.docket.query.audit.AuditLogProjection$LogEntry",
            "notices", "vn.docket.query.notices.Notice",
            "notifications", "vn.docket.query.notifications.Notified",
            "notification_tasks", "vn.docket.query.notifications.NotificationProjection$TaskNames",
            "plan_path_roles", "vn.docket.query.planpath.PlanPathProjection$RoleHeld",
            "plan_path_steps", "vn.docket.query.planpath.PlanPath$Step",
            "revision_cycles", "vn.docket.query.revisioncycles.RevisionCycle");

    /**
     * A database an earlier version wrote is read as this version reads its own, so an upgrade needs no rebuild:
     * {@code stored-read-models/4bb7e13.json} is a sample of what this history's live run stored at 4bb7e13, before
     * the read models became records (every type of audit entry, plan-path step and notification it has, and the
     * fullest documents of the rest). Each old document must read as the same record as the document this version
     * writes for the same events, and a read model without a record must be stored exactly as it was. Should the
     * history above ever change, the ids stop matching and this test says so; the sample is then taken again by
     * running the history on 4bb7e13 and keeping the documents of the same ids.
     */
    @Test
    void the_read_models_an_earlier_version_stored_read_as_the_ones_this_version_writes() throws Exception {
        Document earlier = Document.parse(new String(ProjectionReplayTest.class
                .getResourceAsStream("/stored-read-models/4bb7e13.json").readAllBytes(), StandardCharsets.UTF_8));
        Map<String, Map<String, String>> now = new TreeMap<>();
        for (Listed listed : projections()) {
            Run run = new Run(listed);
            run.deliver(0, HISTORY.size(), 7, false);
            run.contents().forEach((collection, documents) -> now.computeIfAbsent(collection, c -> new TreeMap<>()).putAll(documents));
        }

        assertThat(earlier.keySet()).as("the sample's read models").containsAll(RECORDS.keySet());
        int compared = 0;
        for (String collection : earlier.keySet()) {
            for (Document old : earlier.getList(collection, Document.class)) {
                String id = String.valueOf(old.get("_id"));
                // Since 07/12/2026 the bell's own documents live apart from the months' feeds (NotificationFeeds.BELL);
                // an earlier version's are moved there once at start.
                boolean bells = collection.equals("notification_feeds") && (id.equals("months") || id.matches(".*\\|(newest|settled)"));
                String written = now.getOrDefault(bells ? "notification_bell" : collection, Map.of()).get(id);
                assertThat(written).as("%s %s, written by the same history today", collection, id).isNotNull();
                Document current = Document.parse(written);
                if (RECORDS.containsKey(collection)) {
                    Object record = read(collection, old);
                    if (collection.equals("audit_log") && RESHAPED_SINCE_SAMPLE.contains(old.getString("type"))) {
                        // The log keeps each event's payload as it was when logged: an entry logged before its event's
                        // new revision keeps the old shape (a rebuild of the log shows it in the new one).
                        assertThat(record).as(collection + " " + id).usingRecursiveComparison().ignoringFields("payload")
                                .isEqualTo(read(collection, current));
                        if (old.getString("type").equals("NoticeRegistered")) {
                            assertThat(current.get("payload", Document.class).get("notice", Document.class))
                                    .as("the particulars, moved into one part").containsEntry("number",
                                            old.get("payload", Document.class).getString("number"));
                        } else {
                            // DeadlineExtended revision 2 says whose words its reason is; the rest is as it was.
                            assertThat(current.get("payload", Document.class)).as(collection + " " + id)
                                    .containsAllEntriesOf(old.get("payload", Document.class))
                                    .containsKey("reasonFromRequest");
                        }
                    } else if (collection.equals("plan_path_steps") && "DEADLINE_EXTENDED".equals(old.getString("type"))) {
                        // A grant stored before DeadlineExtended revision 2 did not say whose words its reason is: its step
                        // reads as not saying so (the page then compares it with the request's words), as it was stored.
                        assertThat(record).as(collection + " " + id).usingRecursiveComparison()
                                .ignoringFields("details.reasonFromRequest").isEqualTo(read(collection, current));
                    } else if (collection.equals("assignments") && old.get("originalDeadline") == null
                            && current.get("originalDeadline") != null) {
                        // Since 06/12/2026 the first deadline set on a task assigned without one is its original; a list
                        // stored before shows none until it is rebuilt (README, "Deadlines").
                        assertThat(record).as(collection + " " + id).usingRecursiveComparison()
                                .ignoringFields("originalDeadline").isEqualTo(read(collection, current));
                    } else if (collection.equals("notifications") && SAYS_MORE_SINCE_SAMPLE.contains(old.getString("type"))) {
                        // Since 06/12/2026 these say what the reader needs to act (who decided, the day asked for, ...):
                        // this version keeps more values and words them so. One stored before keeps the values and the
                        // text it was sent with.
                        assertThat(record).as(collection + " " + id).usingRecursiveComparison().ignoringFields("text", "values")
                                .isEqualTo(read(collection, current));
                        assertThat(current.get("values", Document.class)).as(collection + " " + id)
                                .containsAllEntriesOf(old.get("values", Document.class));
                        assertThat(record).as(collection + " " + id).extracting("text").isEqualTo(old.getString("text"));
                    } else if (collection.equals("notifications")) {
                        // The text is the e-mail as it was sent, kept so: until 06/12/2026 its dates were written
                        // 04/04/2021, since then 4/4/2021 as the notices write them.
                        assertThat(record).as(collection + " " + id).usingRecursiveComparison().ignoringFields("text")
                                .isEqualTo(read(collection, current));
                        assertThat(old.getString("text").replaceAll("\\b0(\\d)/", "$1/")).as(collection + " " + id)
                                .isEqualTo(current.getString("text"));
                    } else {
                        assertThat(record).as(collection + " " + id).isEqualTo(read(collection, current));
                    }
                    // And nothing it held is lost when this version writes the document again.
                    Document rewritten = write(record, old);
                    old.forEach((key, value) -> {
                        // Not the record's to write: the id, the sequence ReadModels.apply keeps beside it, and a
                        // notice's citing assignments (each added to the notice on its own).
                        boolean beside = key.equals("_id") || key.equals("seq") && !rewritten.containsKey("seq")
                                || collection.equals("notices") && key.equals("assignments");
                        if (value != null && !beside) {
                            assertThat(new Document(key, rewritten.get(key)).toJson(EXTENDED)).as("%s %s, rewritten", collection, id)
                                    .isEqualTo(new Document(key, value).toJson(EXTENDED));
                        }
                    });
                } else if (collection.equals("notification_feeds") && old.containsKey("members")) {
                    // Since 06/12/2026 drafts handed in and approved are notified too: a feed holds those besides all it
                    // held before.
                    assertThat(current.getList("members", String.class)).as(collection + " " + id)
                            .containsAll(old.getList("members", String.class));
                } else {
                    assertThat(written).as(collection + " " + id).isEqualTo(old.toJson(EXTENDED));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static Object read(String collection, Document stored) throws ReflectiveOperationException {
        Method read = Class.forName(RECORDS.get(collection)).getDeclaredMethod("read", Document.class);
        read.setAccessible(true);
        return read.invoke(null, stored);
    }

    /** The record as its projection stores it (a plan-path step is also given its assignment and place in it). */
    private static Document write(Object record, Document stored) throws ReflectiveOperationException {
        for (Method m : record.getClass().getDeclaredMethods()) {
            if (m.getName().equals("toDocument")) {
                m.setAccessible(true);
                return (Document) (m.getParameterCount() == 0 ? m.invoke(record)
                        : m.invoke(record, stored.getString("assignmentId"), ((Number) stored.get("seq")).longValue()));
            }
        }
        throw new IllegalStateException(record.getClass() + " has no toDocument");
    }

    /** One projection on a database of its own, fed events as its tracking processor feeds them. */
    static final class Run {
        final Object projection;
        final MongoDatabase database;
        final AnnotationEventHandlerAdapter handlers;

        Run(Listed listed) {
            database = client.getDatabase("replays" + databases.incrementAndGet());
            projection = listed.make(database);
            handlers = new AnnotationEventHandlerAdapter(projection);
        }

        /** Events [from, to) in batches of {@code size}; {@code replay}: flagged as a replay after a reset at the head. */
        void deliver(int from, int to, int size, boolean replay) throws Exception {
            for (int start = from; start < to; start += size) {
                Exception failure = batch(start, Math.min(to, start + size), -1, replay);
                if (failure != null) {
                    throw failure;
                }
            }
        }

        /** One batch [from, to) whose node dies before it hands event {@code dies} over; the batch is rolled back. */
        void deliverFailing(int from, int to, int dies) throws Exception {
            Exception failure = batch(from, to, dies, false);
            assertThat(failure).as("the batch's failure").hasMessage("the node died");
        }

        private Exception batch(int from, int to, int dies, boolean replay) throws Exception {
            List<EventMessage<?>> messages = new ArrayList<>();
            for (int i = from; i < to; i++) {
                messages.add(HISTORY.tracked(i, replay));
            }
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
            MessageHandler<EventMessage<?>> handler = message -> {
                if (((TrackedEventMessage<?>) message).trackingToken().position().orElseThrow() == dies) {
                    throw new IllegalStateException("the node died");
                }
                return handlers.canHandle(message) ? handlers.handle(message) : null;
            };
            batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(new ReadModelBatch.Interceptor()), handler).proceed());
            if (batch.getExecutionResult() != null && batch.getExecutionResult().isExceptionResult()) {
                return (Exception) batch.getExecutionResult().getExceptionResult();
            }
            return null;
        }

        /**
         * Every collection, each document as extended JSON (types and field order kept) by its id, without the
         * wall-clock fields. A set document ({@link ReadModels#include}) is read as the set it is: how the events
         * were cut into batches decides the order of its members and whether one emptied by a later batch is left
         * behind (a batch that adds and takes out the same member writes neither), and its readers see neither.
         * A projection kept in memory is read the same way, one entry a document.
         */
        Map<String, Map<String, String>> contents() throws ReflectiveOperationException {
            Map<String, Map<String, String>> contents = new TreeMap<>();
            for (String name : database.listCollectionNames()) {
                Map<String, String> documents = new TreeMap<>();
                for (Document d : database.getCollection(name).find()) {
                    WALL_CLOCK.forEach(d::remove);
                    if (d.get(ReadModels.MEMBERS) instanceof List<?> members) {
                        if (members.isEmpty()) {
                            continue;
                        }
                        d.put(ReadModels.MEMBERS, members.stream().map(String::valueOf).sorted().toList());
                    }
                    documents.put(String.valueOf(d.get("_id")), d.toJson(EXTENDED));
                }
                contents.put(name, documents);
            }
            for (Field field : projection.getClass().getDeclaredFields()) {
                if (field.getName().equals("byId")) { // the assignment index: one record per assignment, in memory
                    field.setAccessible(true);
                    Map<String, String> entries = new TreeMap<>();
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) field.get(projection)).entrySet()) {
                        entries.put(String.valueOf(e.getKey()), components((Record) e.getValue()));
                    }
                    contents.put("(memory) " + field.getName(), entries);
                } else if (field.getName().equals("entries")) { // the audit index: one record per event, in order
                    field.setAccessible(true);
                    Map<String, String> entries = new TreeMap<>();
                    List<?> inOrder = (List<?>) field.get(projection);
                    for (int at = 0; at < inOrder.size(); at++) {
                        entries.put(String.format("%06d", at), components((Record) inOrder.get(at)));
                    }
                    contents.put("(memory) " + field.getName(), entries);
                }
            }
            return contents;
        }

        private static String components(Record entry) throws ReflectiveOperationException {
            StringBuilder text = new StringBuilder();
            for (RecordComponent component : entry.getClass().getRecordComponents()) {
                if (!WALL_CLOCK.contains(component.getName())) {
                    component.getAccessor().setAccessible(true);
                    Object value = component.getAccessor().invoke(entry);
                    // A collation key is told by what it was made of (it has no text of its own).
                    text.append(component.getName()).append('=')
                            .append(value instanceof CollationKey key ? key.getSourceString() : value).append(' ');
                }
            }
            return text.toString();
        }
    }

    static void assertSameContents(Map<String, Map<String, String>> actual, Map<String, Map<String, String>> expected) {
        assertThat(actual.keySet()).as("collections").isEqualTo(expected.keySet());
        expected.forEach((collection, documents) -> {
            assertThat(documents).as("documents in " + collection).isNotEmpty();
            assertThat(actual.get(collection).keySet()).as("ids in " + collection).isEqualTo(documents.keySet());
            documents.forEach((id, json) -> assertThat(actual.get(collection).get(id)).as(collection + " " + id).isEqualTo(json));
        });
    }

    /**
     * Months of a People's Committee's work as the event store holds it: assignments (some from registered
     * notices, some sub-tasks) walked through drafts, revision points and their answers, meetings, approvals up
     * a route, issuance, extensions asked for and decided, reminders and missed deadlines, reassignment and
     * cancellation; users registered and changed (leaders changing role between approvals); refused requests.
     */
    record History(List<EventMessage<?>> events) {

        int size() {
            return events.size();
        }

        /** Event {@code i} as the store hands it to a processor at position i, flagged as a replay if asked. */
        EventMessage<?> tracked(int i, boolean replay) {
            TrackingToken position = new GlobalSequenceTrackingToken(i);
            // As the processor advances its token after a reset at the head: every event up to the head is a replay.
            TrackingToken token = replay
                    ? ((WrappedToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(size() - 1))).advancedTo(position)
                    : position;
            EventMessage<?> event = events.get(i);
            return event instanceof DomainEventMessage<?> domain
                    ? new GenericTrackedDomainEventMessage<>(token, domain)
                    : new GenericTrackedEventMessage<>(token, event);
        }

        static History generate(Random random, int assignments) {
            return new Generator(random).run(assignments);
        }
    }

    /** Walks assignments and users through their lives, one event at a time, the clock moving forward. */
    static final class Generator {

        static final List<String> UNITS = List.of("Phòng Tài chính - Kế hoạch", "Phòng Quản lý đô thị", "Phòng Y tế",
                "Phòng Giáo dục và Đào tạo", "Công an thành phố");
        static final String LEADERS = "Lãnh đạo UBND thành phố";
        static final List<List<String>> ROUTES = List.of(List.of("Chủ tịch UBND"),
                List.of("Phó Chủ tịch UBND", "Chủ tịch UBND"));
        static final Actor ADMIN = new Actor("admin", "Quản trị hệ thống", null, Role.ADMIN);
        static final Actor CLERK = new Actor("clerk", "Nguyễn Thị Lan", "Văn phòng", Role.CLERK);

        /** What the generator knows of an assignment, to pick an event that fits. */
        static final class Task {
            UUID id;
            long seq = -1;
            String status = "ASSIGNED";
            String lead;
            LocalDate deadline;
            List<String> route;
            int approved;
            int version;
            LocalDate pendingExtension;
            boolean missed;
            final Map<String, String> points = new LinkedHashMap<>(); // id -> OPEN, ANSWERED, CLOSED, REOPENED
        }

        final Random random;
        final List<EventMessage<?>> events = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();
        final Map<String, Actor> users = new LinkedHashMap<>();
        final Map<String, Long> userSeq = new HashMap<>();
        final List<UUID> notices = new ArrayList<>();
        Instant clock = Instant.parse("2021-01-04T01:30:00Z");

        Generator(Random random) {
            this.random = random;
        }

        History run(int assignments) {
            register(ADMIN);
            register(CLERK);
            register(new Actor("chair", "Hoàng Văn Nam", LEADERS, Role.CHAIR));
            register(new Actor("vice", "Trần Thị Hoa", LEADERS, Role.VICE_CHAIR));
            for (int u = 0; u < UNITS.size(); u++) {
                register(new Actor("staff" + u, "Cán bộ " + (u + 1), UNITS.get(u), Role.UNIT_STAFF));
            }
            registerNotice();
            // Assignments keep coming while earlier ones move on; at the end some are still open, as in life.
            for (int step = 0; step < 8 * assignments; step++) {
                int what = random.nextInt(100);
                List<Task> open = tasks.stream().filter(Generator::open).toList();
                if (tasks.size() < assignments && (what < 15 || open.isEmpty())) {
                    assign();
                } else if (what < 19) {
                    userEvent();
                } else if (what < 20 && tasks.size() < assignments) {
                    registerNotice();
                } else if (what < 21) {
                    denied();
                } else if (!open.isEmpty()) {
                    advance(open.get(random.nextInt(open.size())));
                }
            }
            lapsedRequests();
            numberedLater();
            return new History(List.copyOf(events));
        }

        /**
         * Two more assignments whose extension request lapses: one reassigned, one sent back with a due date past the
         * date asked for. Generated after everything else, so that the history before them stays as it was (the
         * stored sample below is of that history).
         */
        private void lapsedRequests() {
            // Not APPROVED and CANCELLED, added later: one more assignment of any kind changes documents of the stored
            // sample (the month's members, the months), and a lapse reads the same in every read model whatever its why.
            for (ExtensionRequestLapsed.Why why : List.of(ExtensionRequestLapsed.Why.REASSIGNED,
                    ExtensionRequestLapsed.Why.SUPERSEDED_BY_DUE_DATE)) {
                Task t = new Task();
                t.id = new UUID(21, tasks.size());
                t.lead = UNITS.get(0);
                t.deadline = today().plusDays(30);
                t.route = ROUTES.get(0);
                tasks.add(t);
                task(t, NewTask.task().id(t.id).title("Kế hoạch số " + tasks.size() + " về chuyển đổi số").leadUnit(t.lead)
                        .deadline(t.deadline).route(t.route).source(null).effectiveDate(today()).assigned(), CLERK);
                LocalDate asked = t.deadline.plusDays(20);
                task(t, new ExtensionRequested(t.id, t.deadline, asked, "Chờ số liệu quý", today()), staffOf(t.lead));
                if (why == ExtensionRequestLapsed.Why.REASSIGNED) {
                    String to = UNITS.get(2);
                    task(t, new TaskReassigned(t.id, t.lead, to, "Đúng chức năng nhiệm vụ", today()), CLERK);
                    task(t, new ExtensionRequestLapsed(t.id, t.lead, asked, why, today()), CLERK);
                    t.lead = to;
                } else {
                    t.version = 1;
                    task(t, new DraftSubmitted(t.id, 1, "KH v1.docx", null, "https://vanban.example.vn/" + t.id + "/1",
                            "Bản dự thảo", today(), null), staffOf(t.lead));
                    Actor leader = leader();
                    task(t, new RevisionRequested(t.id, 1, t.route.get(0), RevisionPoint.numbered(1, List.of("Bổ sung số liệu")),
                            List.of(), null, asked.plusDays(5), today()), leader);
                    task(t, new ExtensionRequestLapsed(t.id, t.lead, asked, why, today()), leader);
                    t.status = "REVISION_REQUESTED";
                    t.deadline = asked.plusDays(5);
                }
                t.pendingExtension = null;
            }
        }

        static boolean open(Task t) {
            return !t.status.equals("CANCELLED") && !t.status.equals("ISSUED");
        }

        LocalDate today() {
            return clock.atZone(PlatformConfiguration.ZONE).toLocalDate();
        }

        /** Mostly the day it is recorded; now and then a few days earlier, as clerks record late. */
        LocalDate effective() {
            return random.nextInt(6) == 0 ? today().minusDays(1 + random.nextInt(4)) : today();
        }

        /** Event, command and token ids from the seed, so that a failure can be run again as it was. */
        private String uuid() {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }

        private void tick() {
            clock = clock.plus(Duration.ofMinutes(20 + random.nextInt(600)));
        }

        private void record(String type, String aggregate, long seq, Object payload, Actor by) {
            tick();
            Map<String, String> metaData = EventMetadata.of(by, uuid());
            events.add(new GenericDomainEventMessage<>(type, aggregate, seq, payload, metaData,
                    uuid(), clock));
        }

        private void task(Task t, AssignmentEvent event, Actor by) {
            record("Assignment", t.id.toString(), ++t.seq, event, by);
        }

        private void user(String userId, UserEvent event) {
            long seq = userSeq.merge(userId, 1L, Long::sum) - 1;
            record("User", "user:" + userId, seq, event, ADMIN);
        }

        private void register(Actor actor) {
            users.put(actor.id(), actor);
            user(actor.id(), new UserRegistered(actor.id(), actor.name(), actor.unit(), actor.role(), "DOCKET"));
        }

        private Actor leader() {
            List<Actor> leaders = users.values().stream().filter(a -> a.role().isLeader()).toList();
            return leaders.get(random.nextInt(leaders.size()));
        }

        private Actor staffOf(String unit) {
            return users.values().stream().filter(a -> unit.equals(a.unit()) && a.role() == Role.UNIT_STAFF)
                    .findFirst().orElse(CLERK);
        }

        /** Leaders swap roles often, so that approvals fall between role changes; the rest is account upkeep. */
        private void userEvent() {
            int what = random.nextInt(10);
            if (what < 4) {
                Actor vice = users.get("vice");
                Role to = vice.role() == Role.VICE_CHAIR ? Role.CHAIR : Role.VICE_CHAIR;
                users.put("vice", new Actor(vice.id(), vice.name(), vice.unit(), to));
                user("vice", new UserRoleChanged("vice", vice.role(), to));
            } else if (what == 4) {
                Actor staff = users.get("staff0");
                String to = staff.unit().equals(UNITS.get(0)) ? UNITS.get(1) : UNITS.get(0);
                users.put("staff0", new Actor(staff.id(), staff.name(), to, staff.role()));
                user("staff0", new UserUnitChanged("staff0", staff.unit(), to));
            } else if (what == 5) {
                user("chair", new ApprovalLevelGranted("chair", "Chủ tịch UBND"));
                user("chair", new ApprovalLevelWithdrawn("chair", "Phó Chủ tịch UBND"));
            } else if (what == 6) {
                user("staff3", new UserDisabled("staff3"));
                user("staff3", new UserEnabled("staff3"));
            } else if (what == 7) {
                user("clerk", new PasswordReset("clerk"));
            } else {
                String token = uuid();
                user("clerk", new AccessTokenIssued("clerk", token, "Hệ thống một cửa"));
                user("clerk", new AccessTokenRevoked("clerk", token));
            }
        }

        private void registerNotice() {
            UUID id = new UUID(20, notices.size());
            notices.add(id);
            LocalDate on = today();
            record("Notice", id.toString(), 0, new NoticeRegistered(id, new NoticeParticulars((300 + notices.size()) + "/TB-UBND", "UBND thành phố",
                    "Thành phố Hà Tĩnh", on, on.getYear() + "-" + on.getMonthValue(), on.minusDays(2), "Hoàng Văn Nam",
                    new DecisionRef("12/GM-UBND", on.minusDays(9)), "Nguyễn Văn Bình"), "ab".repeat(32), 4, on), CLERK);
        }

        /**
         * A draft notice registered without its number, given it when its signed copy arrives. Generated after everything
         * else, as lapsedRequests() is, so that the history before it (of which a stored sample is kept) stays as it was.
         */
        private void numberedLater() {
            UUID id = new UUID(22, 0);
            LocalDate on = today();
            record("Notice", id.toString(), 0, new NoticeRegistered(id, new NoticeParticulars(null, "UBND thành phố",
                    "Thành phố Hà Tĩnh", null, on.toString().substring(0, 7), on.minusDays(2), "Hoàng Văn Nam", null, null),
                    "cd".repeat(32), 1, on.minusDays(2)), CLERK);
            record("Notice", id.toString(), 1, new NoticeNumbered(id, "399/TB-UBND", on), CLERK);
            // And the number typed wrong, corrected.
            record("Notice", id.toString(), 2, new NoticeNumberCorrected(id, "399/TB-UBND", "398/TB-UBND", null,
                    "Gõ nhầm số"), CLERK);
        }

        private void denied() {
            UUID about = tasks.isEmpty() || random.nextBoolean() ? null : tasks.get(random.nextInt(tasks.size())).id;
            tick();
            events.add(new GenericEventMessage<>(uuid(),
                    new AccessDenied("POST", "/api/assignments", "not-your-unit", "Phòng của bạn không chủ trì nhiệm vụ này",
                            about, today()), EventMetadata.of(users.get("staff1"), uuid()), clock));
        }

        private void assign() {
            Task t = new Task();
            t.id = new UUID(21, tasks.size());
            t.lead = UNITS.get(random.nextInt(UNITS.size()));
            t.deadline = random.nextInt(8) == 0 ? null : today().plusDays(10 + random.nextInt(50));
            t.route = ROUTES.get(random.nextInt(ROUTES.size()));
            List<String> coordinating = random.nextInt(3) == 0
                    ? List.of(UNITS.get((UNITS.indexOf(t.lead) + 1) % UNITS.size())) : List.of();
            NoticeSource source = random.nextInt(3) == 0 ? null : random.nextBoolean()
                    ? new NoticeSource("45/TB-VP", 1 + random.nextInt(6))
                    : new NoticeSource((300 + notices.size()) + "/TB-UBND", 1 + random.nextInt(4), notices.get(notices.size() - 1));
            UUID parent = tasks.size() > 5 && random.nextInt(6) == 0 ? tasks.get(random.nextInt(tasks.size())).id : null;
            tasks.add(t);
            task(t, NewTask.task().id(t.id).title("Kế hoạch số " + tasks.size() + " về chuyển đổi số")
                    .kind(DeliverableKind.values()[random.nextInt(4)]).leadUnit(t.lead).coordinatingUnits(coordinating)
                    .deadline(t.deadline).route(t.route).source(source).parentId(parent).effectiveDate(effective()).assigned(), CLERK);
        }

        private void advance(Task t) {
            int what = random.nextInt(12);
            switch (t.status) {
                case "ASSIGNED", "REVISION_REQUESTED" -> {
                    if (what < 4) {
                        submit(t);
                    } else if (what == 4) {
                        boolean manual = random.nextBoolean();
                        task(t, new ReminderSent(t.id, t.lead, manual ? ReminderSent.Kind.MANUAL : ReminderSent.Kind.BEFORE_DEADLINE,
                                t.deadline, manual ? null : 3, manual ? "Đề nghị khẩn trương" : null, today()),
                                manual ? CLERK : Actor.SYSTEM);
                    } else if (what == 5 && t.deadline != null && !t.missed) {
                        t.missed = true;
                        task(t, new DeadlineMissed(t.id, t.lead, t.deadline, today()), Actor.SYSTEM);
                    } else if (what == 6 && t.deadline != null) {
                        extension(t);
                    } else if (what == 7) {
                        String to = UNITS.get((UNITS.indexOf(t.lead) + 2) % UNITS.size());
                        task(t, new TaskReassigned(t.id, t.lead, to, "Đúng chức năng nhiệm vụ", effective()), CLERK);
                        t.lead = to;
                    } else if (what == 8 && random.nextInt(4) == 0) {
                        t.status = "CANCELLED";
                        task(t, new TaskCancelled(t.id, "Không còn cần thiết", effective()), CLERK);
                    } else if (what == 9 && t.deadline != null && t.pendingExtension == null) {
                        LocalDate to = t.deadline.plusDays(15);
                        task(t, new DeadlineExtended(t.id, t.deadline, to, "Chờ ý kiến các sở", effective()), leader());
                        t.deadline = to;
                    } else {
                        submit(t);
                    }
                }
                case "DRAFT_SUBMITTED" -> {
                    if (what < 3) {
                        revise(t);
                    } else if (what == 3) {
                        meeting(t);
                    } else {
                        approve(t);
                    }
                }
                case "APPROVED" -> issue(t);
                default -> throw new IllegalStateException(t.status);
            }
        }

        private void submit(Task t) {
            t.version++;
            t.status = "DRAFT_SUBMITTED";
            t.approved = 0;
            boolean file = random.nextBoolean();
            task(t, new DraftSubmitted(t.id, t.version, "KH v" + t.version + ".docx", file ? "cd".repeat(32) : null,
                    file ? null : "https://vanban.example.vn/" + t.id + "/" + t.version, "Bản dự thảo", effective(),
                    file ? new DocumentFile("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            20_000 + t.version, 3, 900, true) : null), staffOf(t.lead));
            List<PointAnswer> answers = new ArrayList<>();
            t.points.forEach((id, status) -> {
                if (status.equals("OPEN") || status.equals("REOPENED")) {
                    answers.add(new PointAnswer(id, random.nextBoolean() ? Answer.TAKEN_IN : Answer.EXPLAINED, "Đã tiếp thu"));
                }
            });
            if (!answers.isEmpty()) {
                answers.forEach(a -> t.points.put(a.point(), "ANSWERED"));
                task(t, new RevisionPointsAnswered(t.id, t.version, answers, effective()), staffOf(t.lead));
            }
        }

        private void revise(Task t) {
            List<String> reopened = t.points.entrySet().stream().filter(e -> e.getValue().equals("ANSWERED"))
                    .map(Map.Entry::getKey).filter(id -> random.nextBoolean()).toList();
            t.points.replaceAll((id, status) -> reopened.contains(id) ? "REOPENED" : status.equals("ANSWERED") ? "CLOSED" : status);
            List<String> texts = Stream.of("Bổ sung số liệu giải ngân", "Làm rõ trách nhiệm các phòng", "Rà soát lộ trình")
                    .limit(1 + random.nextInt(3)).toList();
            List<RevisionPoint> points = RevisionPoint.numbered(t.version, texts);
            points.forEach(p -> t.points.put(p.id(), "OPEN"));
            t.status = "REVISION_REQUESTED";
            LocalDate due = random.nextBoolean() ? today().plusDays(7) : null;
            task(t, new RevisionRequested(t.id, t.version, t.route.get(t.approved), points, reopened,
                    random.nextBoolean() ? new DecisionRef("77/VP-UBND", today()) : null, due, effective()), leader());
            if (due != null) {
                t.deadline = due;
            }
        }

        private void meeting(Task t) {
            boolean revise = random.nextBoolean();
            List<String> requirements = revise ? List.of("Bổ sung nguồn kinh phí", "Thống nhất với Sở Tài chính") : List.of();
            if (revise) {
                RevisionPoint.numbered(t.version, requirements).forEach(p -> t.points.putIfAbsent(p.id(), "OPEN"));
            }
            t.status = "REVISION_REQUESTED";
            task(t, new MeetingConcluded(t.id, t.version, revise ? MeetingVerdict.REVISION_REQUIRED : MeetingVerdict.APPROVED_IN_PRINCIPLE,
                    requirements, random.nextBoolean() ? "Hoàng Văn Nam" : null,
                    random.nextBoolean() ? new DecisionRef("120/TB-UBND", today()) : null, effective()), CLERK);
        }

        private void approve(Task t) {
            boolean last = t.approved == t.route.size() - 1;
            task(t, new DraftApproved(t.id, t.version, t.route.get(t.approved), last, "Đồng ý",
                    last && random.nextBoolean() ? new DecisionRef("95/QĐ-UBND", today()) : null, effective()), leader());
            t.points.replaceAll((id, status) -> status.equals("ANSWERED") ? "CLOSED" : status);
            t.approved++;
            if (last) {
                t.status = "APPROVED";
            }
        }

        private void issue(Task t) {
            t.status = "ISSUED";
            boolean file = random.nextBoolean();
            task(t, new DocumentIssued(t.id, (90 + tasks.indexOf(t)) + "/KH-UBND", effective(), file ? "KH ban hanh.pdf" : null,
                    file ? "ef".repeat(32) : null, file ? new DocumentFile("application/pdf", 80_000, 4, 1_200, true) : null), CLERK);
        }

        private void extension(Task t) {
            if (t.pendingExtension == null) {
                t.pendingExtension = t.deadline.plusDays(20);
                task(t, new ExtensionRequested(t.id, t.deadline, t.pendingExtension, "Chờ số liệu quý", effective()), staffOf(t.lead));
            } else if (random.nextBoolean()) {
                task(t, new DeadlineExtended(t.id, t.deadline, t.pendingExtension, "Đồng ý gia hạn", effective()), leader());
                t.deadline = t.pendingExtension;
                t.pendingExtension = null;
            } else {
                task(t, new ExtensionRejected(t.id, t.pendingExtension, "Không có lý do chính đáng", effective()), leader());
                t.pendingExtension = null;
            }
        }
    }
}
