package vn.docket.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DeliverableKind;
import vn.docket.events.EventMetadata;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.support.ReadModels;

/**
 * The bell (a person's notifications, their unread count, "read all" and "read one") gives the answers of the plain
 * rule over every notification, and reads notifications and their feeds by key alone: on the embedded server a filter
 * on the audience, a sort or a count reads every notification ever sent, on every page a person opens.
 */
class NotificationFeedsTest {

    static final List<String> UNITS = List.of("Phòng Kinh tế", "Phòng Quản lý đô thị", "Phòng Tài chính - Kế hoạch");
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final Actor CHAIR = new Actor("chutich", "Nguyễn Văn Chủ Tịch", null, Role.CHAIR);
    static final Actor ECONOMY = new Actor("hung", "Trần Văn Hùng", UNITS.get(0), Role.UNIT_STAFF);
    static final Actor TOWN = new Actor("mai", "Lê Thị Mai", UNITS.get(1), Role.UNIT_HEAD);
    /** A clerk acting for a unit: told as the clerks are and as the unit is. */
    static final Actor FINANCE_CLERK = new Actor("thu", "Phạm Thị Thu", UNITS.get(2), Role.CLERK);
    static final Instant START = LocalDate.of(2026, 7, 20).atStartOfDay(PlatformConfiguration.ZONE).toInstant();

    final Random random = new Random(11);
    final List<EventMessage<?>> messages = new ArrayList<>();
    final List<BsonDocument> reads = new CopyOnWriteArrayList<>();
    /** The collection each of {@link #reads} went to. */
    final List<String> readFrom = new CopyOnWriteArrayList<>();
    MongoServer server;
    MongoClient client;
    /** The plain rule's reads, on a connection of their own: not recorded. */
    MongoClient plainClient;
    MongoCollection<Document> stored;
    AnnotationEventHandlerAdapter projection;
    NotificationFeeds feeds;
    NotificationController controller;
    Instant at = START;
    /** Events come 1 to 40 of these apart: hours, or seconds for a month as busy as a province's. */
    long apart = 3600;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                if (event.getCommand().get(name) instanceof BsonString collection
                        && (collection.getValue().equals(NotificationProjection.COLLECTION)
                            || collection.getValue().equals(NotificationFeeds.COLLECTION)
                            || collection.getValue().equals(NotificationFeeds.BELL))) {
                    readFrom.add(collection.getValue());
                    reads.add(name.equals("find") ? event.getCommand().getDocument("filter", new BsonDocument()).clone()
                            : new BsonDocument(name, collection));
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(recorder).build());
        MongoDatabase database = client.getDatabase("test");
        plainClient = MongoClients.create(uri);
        stored = plainClient.getDatabase("test").getCollection(NotificationProjection.COLLECTION);
        projection = new AnnotationEventHandlerAdapter(new NotificationProjection(database, new NotificationSettings(null, null),
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(),
                new ApprovalLevels(null)));
        feeds = new NotificationFeeds(database);
        controller = new NotificationController(database, new NotificationReads(database), feeds);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        client.close();
        plainClient.close();
        server.shutdownNow();
    }

    @Test
    void the_bell_lists_and_counts_what_the_plain_rule_over_every_notification_gives_reading_by_key_alone() {
        generate(120);
        as(ECONOMY, () -> controller.markAllRead());
        generate(60);
        // Delivered again, as after a crash before the processor saved its position: notified once.
        for (int i = 0; i < 30; i++) {
            deliver(messages.get(random.nextInt(messages.size())));
        }
        List<String> townSees = plain(TOWN, null);
        as(TOWN, () -> controller.markRead(townSees.get(3)));
        as(TOWN, () -> controller.markRead(townSees.get(40)));
        reads.clear();

        for (Actor person : List.of(CLERK, CHAIR, ECONOMY, TOWN)) {
            as(person, () -> {
                for (int page : List.of(0, 1, 4, 50)) {
                    NotificationController.Notifications answer = controller.mine(page, 20, null);
                    List<String> all = plain(person, null);
                    assertThat(answer.more()).as(person.id() + " page " + page + " has an older one").isEqualTo(all.size() > page * 20 + 20);
                    assertThat(answer.items()).extracting(NotificationController.Notification::id).as(person.id() + " page " + page)
                            .isEqualTo(all.subList(Math.min(all.size(), page * 20), Math.min(all.size(), page * 20 + 20)));
                }
                assertThat(controller.unread().unread()).as(person.id())
                        .isEqualTo(Math.min(unread(person), NotificationController.UNREAD_COUNTED));
            });
        }
        assertThat(unread(ECONOMY)).as("what reached the unit after it read all").isPositive().isLessThan(plain(ECONOMY, null).size());
        assertThat(unread(TOWN)).isEqualTo(plain(TOWN, null).size() - 2);
        assertThat(reads).isNotEmpty().allSatisfy(filter -> assertThat(filter.keySet()).containsExactly("_id"));
    }

    @Test
    void the_bell_counts_a_busy_month_of_thousands_reading_only_each_audiences_newest_keys() {
        apart = 1; // 1,000 tasks and their notifications within hours: one month's keys hold all of them
        generate(1_000);
        assertThat(plain(FINANCE_CLERK, null)).hasSizeGreaterThan(2 * NotificationFeeds.NEWEST);
        as(ECONOMY, () -> controller.markAllRead());
        generate(100);
        reads.clear();
        readFrom.clear();

        for (Actor person : List.of(CLERK, CHAIR, ECONOMY, TOWN, FINANCE_CLERK)) {
            as(person, () -> assertThat(controller.unread().unread()).as(person.id())
                    .isEqualTo(Math.min(unread(person), NotificationController.UNREAD_COUNTED)));
        }

        assertThat(unread(ECONOMY)).as("what reached the unit after it read all").isPositive()
                .isLessThan(NotificationController.UNREAD_COUNTED);
        assertThat(feedKeysRead()).isNotEmpty().allSatisfy(key -> assertThat(key).matches(".*\\|(newest|settled)"));
        // Not a page shared with the months' feeds, which hold thousands each (NotificationFeeds' comment).
        assertThat(readFrom).as("the collections the counts read").contains(NotificationFeeds.BELL)
                .doesNotContain(NotificationFeeds.COLLECTION);
    }

    @Test
    void the_bell_opened_on_a_busy_month_lists_its_ten_newest_reading_only_each_audiences_newest_keys() {
        apart = 1; // one month's keys hold thousands of notifications per audience
        generate(1_000);
        List<String> financeSees = plain(FINANCE_CLERK, null);
        assertThat(financeSees).hasSizeGreaterThan(2 * NotificationFeeds.NEWEST);
        readFrom.clear();

        for (Actor person : List.of(CLERK, CHAIR, ECONOMY, TOWN, FINANCE_CLERK)) {
            as(person, () -> {
                NotificationController.Notifications bell = controller.mine(0, 10, null);
                assertThat(bell.items()).extracting(NotificationController.Notification::id).as(person.id())
                        .isEqualTo(plain(person, null).subList(0, 10));
                assertThat(bell.more()).as(person.id()).isTrue();
            });
        }
        assertThat(readFrom).as("the collections the bell's ten read").contains(NotificationFeeds.BELL)
                .doesNotContain(NotificationFeeds.COLLECTION);

        // A page beyond the newest keys reads the month, and is still the plain rule's; the last one says so.
        int last = (financeSees.size() - 1) / 200;
        as(FINANCE_CLERK, () -> {
            NotificationController.Notifications deep = controller.mine(last, 200, null);
            assertThat(deep.items()).extracting(NotificationController.Notification::id)
                    .isEqualTo(financeSees.subList(last * 200, financeSees.size()));
            assertThat(deep.more()).isFalse();
            assertThat(controller.mine(last - 1, 200, null).more()).isTrue();
        });
        assertThat(readFrom).contains(NotificationFeeds.COLLECTION);
    }

    @Test
    void the_bell_counts_exactly_from_the_newest_keys_with_notifications_delivered_again_and_one_audience_fuller_than_the_other() {
        apart = 1;
        generate(900);
        // Delivered again, as after a crash before the processor saved its position: counted once.
        messages.subList(messages.size() - 60, messages.size()).forEach(this::deliver);
        as(FINANCE_CLERK, () -> controller.markAllRead());
        generate(60);
        messages.subList(messages.size() - 40, messages.size()).forEach(this::deliver);
        List<String> clerkSees = plain(CLERK, null);
        as(CLERK, () -> controller.markAllRead());
        generate(30);
        for (String id : plain(CLERK, null).subList(0, 5)) {
            as(CLERK, () -> controller.markRead(id));
        }
        reads.clear();

        for (Actor person : List.of(CLERK, CHAIR, ECONOMY, TOWN, FINANCE_CLERK)) {
            as(person, () -> assertThat(controller.unread().unread()).as(person.id())
                    .isEqualTo(Math.min(unread(person), NotificationController.UNREAD_COUNTED)));
        }
        assertThat(unread(CLERK)).isPositive().isLessThan(plain(CLERK, null).size() - clerkSees.size());
        assertThat(unread(FINANCE_CLERK)).isPositive().isLessThan(NotificationController.UNREAD_COUNTED);
        assertThat(feedKeysRead()).isNotEmpty().allSatisfy(key -> assertThat(key).matches(".*\\|(newest|settled)"));
    }

    @Test
    void the_bell_counts_a_hundred_unread_reading_only_the_newest_months_for_someone_who_read_the_newest_one_by_one() {
        generate(1_300); // about eight years of notifications, 1 to 40 hours apart; a clerk is told of a third
        List<String> clerkSees = plain(CLERK, null);
        assertThat(clerkSees).hasSizeGreaterThan(NotificationFeeds.NEWEST + NotificationController.UNREAD_COUNTED);
        // More of the newest read one by one than the newest keys leave room for: the count reads the months.
        List<String> readOneByOne = clerkSees.subList(0, NotificationFeeds.NEWEST - NotificationController.UNREAD_COUNTED / 2);
        readOneByOne.forEach(id -> as(CLERK, () -> controller.markRead(id)));
        // The months back to the hundredth newest unread are all the count needs.
        List<String> unread = clerkSees.subList(readOneByOne.size(), clerkSees.size());
        YearMonth oldestNeeded = month(unread.get(NotificationController.UNREAD_COUNTED - 1));
        YearMonth oldest = month(clerkSees.get(clerkSees.size() - 1));
        assertThat(oldest).isBefore(oldestNeeded.minusMonths(6));
        reads.clear();

        as(CLERK, () -> assertThat(controller.unread().unread()).isEqualTo(NotificationController.UNREAD_COUNTED));

        List<YearMonth> monthsRead = feedKeysRead().stream().filter(key -> !key.endsWith("|newest") && !key.endsWith("|settled"))
                .map(key -> YearMonth.parse(key.substring(key.lastIndexOf('|') + 1))).distinct().toList();
        assertThat(monthsRead).isNotEmpty().allSatisfy(m -> assertThat(m).isAfterOrEqualTo(oldestNeeded));
    }

    @Test
    void a_node_stopped_between_adding_to_the_newest_keys_and_cutting_them_leaves_the_count_exact() {
        generate(400);
        as(CLERK, () -> controller.markAllRead());
        List<String> readAll = plain(CLERK, null);
        generate(1_000);
        List<String> clerkSees = plain(CLERK, null);
        assertThat(clerkSees.size() - readAll.size()).isGreaterThan(NotificationFeeds.NEWEST);
        clerkSees.subList(0, NotificationFeeds.NEWEST - NotificationController.UNREAD_COUNTED / 2)
                .forEach(id -> as(CLERK, () -> controller.markRead(id)));
        // A notification read long ago delivered again, added to the clerks' newest keys, and the node stopped before
        // it cut them back to NEWEST.
        Document old = stored.find(new Document("_id", readAll.get(10))).first();
        String key = new NotificationFeeds.Member(old.getDate("recordedAt").getTime(), old.getString("_id")).key();
        plainClient.getDatabase("test").getCollection(NotificationFeeds.BELL).updateOne(
                Filters.eq("_id", Audience.role(Role.CLERK) + "|newest"), Updates.addToSet(ReadModels.MEMBERS, key));

        as(CLERK, () -> assertThat(controller.unread().unread())
                .isEqualTo(Math.min(unread(CLERK), NotificationController.UNREAD_COUNTED)));
    }

    /** The feed documents read by {@code _id $in} since the reads were last cleared. */
    private List<String> feedKeysRead() {
        return reads.stream().map(filter -> filter.get("_id"))
                .filter(id -> id.isDocument() && id.asDocument().containsKey("$in"))
                .flatMap(id -> id.asDocument().getArray("$in").stream())
                .map(key -> key.asString().getValue()).toList();
    }

    /** The month a notification was recorded in, on the office's calendar. */
    private YearMonth month(String notificationId) {
        Date recorded = stored.find(new Document("_id", notificationId)).first().getDate("recordedAt");
        return YearMonth.from(recorded.toInstant().atZone(PlatformConfiguration.ZONE));
    }

    @Test
    void reading_all_then_one_more_notification_counts_one_unread() {
        generate(40);
        as(CLERK, () -> controller.markAllRead());
        as(CLERK, () -> assertThat(controller.unread().unread()).isZero());

        UUID id = UUID.randomUUID();
        handle(id, 0, task(id, UNITS.get(2)));
        handle(id, 1, new DeadlineMissed(id, UNITS.get(2), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)));

        as(CLERK, () -> assertThat(controller.unread().unread()).isEqualTo(1));
    }

    @Test
    void notifications_stored_before_the_bell_had_keys_are_added_once_at_start() {
        generate(50);
        List<String> before = plain(CLERK, null);
        // As an earlier version left them: no feeds, no bell.
        client.getDatabase("test").getCollection(NotificationFeeds.COLLECTION).drop();
        client.getDatabase("test").getCollection(NotificationFeeds.BELL).drop();

        feeds.backfill();
        reads.clear();
        feeds.backfill();

        assertThat(reads).as("the second start reads only the marker").containsExactly(
                new BsonDocument("_id", new BsonString(NotificationFeeds.BACKFILLED)));
        as(CLERK, () -> assertThat(controller.mine(0, 200, null).items())
                .extracting(NotificationController.Notification::id).isEqualTo(before));
    }

    @Test
    void a_store_whose_bell_had_months_but_no_newest_keys_gets_them_once_at_start_as_if_kept_all_along() {
        apart = 60;
        generate(700);
        MongoCollection<Document> keys = plainClient.getDatabase("test").getCollection(NotificationFeeds.BELL);
        Bson newest = Filters.regex("_id", "\\|newest$");
        Map<String, List<String>> kept = new TreeMap<>();
        keys.find(newest).forEach(d -> kept.put(d.getString("_id"), d.getList(ReadModels.MEMBERS, String.class)));
        assertThat(kept.values()).anySatisfy(members -> assertThat(members).hasSize(NotificationFeeds.NEWEST));
        // As the version before this one left the store: months, and the marker of their backfill.
        keys.deleteMany(newest);
        plainClient.getDatabase("test").getCollection(NotificationFeeds.COLLECTION).insertOne(
                new Document("_id", NotificationFeeds.BACKFILLED).append("at", new Date()));

        feeds.backfill();
        reads.clear();
        feeds.backfill();

        Map<String, List<String>> filled = new TreeMap<>();
        keys.find(newest).forEach(d -> filled.put(d.getString("_id"), d.getList(ReadModels.MEMBERS, String.class)));
        assertThat(filled).isEqualTo(kept);
        assertThat(reads).as("the second start reads only the marker").containsExactly(
                new BsonDocument("_id", new BsonString(NotificationFeeds.BACKFILLED)));
        for (Actor person : List.of(CLERK, CHAIR, ECONOMY, TOWN, FINANCE_CLERK)) {
            as(person, () -> assertThat(controller.unread().unread()).as(person.id())
                    .isEqualTo(Math.min(unread(person), NotificationController.UNREAD_COUNTED)));
        }
    }

    /**
     * Requests an earlier version marked settled in their notifications alone: the count read them as unread. Once at
     * start they join the settled keys, and the count leaves them out as it does those settled since.
     */
    @Test
    void notifications_settled_before_the_bell_kept_them_apart_are_left_out_of_its_count_once_at_start() {
        generate(300);
        List<String> requests = stored.find(Filters.eq("type", "EXTENSION_REQUESTED")).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
        assertThat(requests).isNotEmpty();
        // As the version before this one left the store: the requests settled, no settled keys, a marker without them.
        stored.updateMany(Filters.in("_id", requests),
                Updates.set("values.settled", new Document("how", "EXTENDED").append("on", "2026-12-02")));
        plainClient.getDatabase("test").getCollection(NotificationFeeds.BELL).deleteMany(Filters.regex("_id", "\\|settled$"));
        plainClient.getDatabase("test").getCollection(NotificationFeeds.COLLECTION).replaceOne(
                Filters.eq("_id", NotificationFeeds.BACKFILLED), new Document("_id", NotificationFeeds.BACKFILLED)
                .append("at", new Date()).append(NotificationFeeds.NEWEST_KEPT, true).append(NotificationFeeds.BELL_KEPT, true));
        as(CHAIR, () -> assertThat(controller.unread().unread()).isPositive());

        feeds.backfill();
        reads.clear();
        feeds.backfill();

        assertThat(reads).as("the second start reads only the marker").containsExactly(
                new BsonDocument("_id", new BsonString(NotificationFeeds.BACKFILLED)));
        // The chair is told of requests alone, every one of them settled now.
        as(CHAIR, () -> assertThat(controller.unread().unread()).isZero());
        for (Actor person : List.of(CLERK, CHAIR, ECONOMY, TOWN, FINANCE_CLERK)) {
            as(person, () -> assertThat(controller.unread().unread()).as(person.id())
                    .isEqualTo(Math.min(unread(person), NotificationController.UNREAD_COUNTED)));
        }
    }

    /**
     * The version before this one kept each audience's newest and settled documents, and the months, among the months'
     * feeds. Once at start they move to the bell's own collection, merged with what a node of this version added
     * there meanwhile, and the counts and lists are as they were.
     */
    @Test
    void a_store_that_kept_the_bells_own_keys_among_the_feeds_has_them_moved_once_at_start_and_counts_the_same() {
        apart = 60;
        generate(600);
        MongoCollection<Document> bellKeys = plainClient.getDatabase("test").getCollection(NotificationFeeds.BELL);
        MongoCollection<Document> feedKeys = plainClient.getDatabase("test").getCollection(NotificationFeeds.COLLECTION);
        Map<String, Document> bellBefore = new TreeMap<>();
        bellKeys.find().forEach(d -> bellBefore.put(d.getString("_id"), d));
        assertThat(bellBefore).containsKeys(NotificationFeeds.MONTHS, Audience.role(Role.CLERK) + "|newest");
        Map<String, Long> counted = new TreeMap<>();
        for (Actor person : List.of(CLERK, CHAIR, ECONOMY, TOWN, FINANCE_CLERK)) {
            as(person, () -> counted.put(person.id(), controller.unread().unread()));
        }
        // As the version before this one left the store: the bell's keys among the feeds, its marker without this move.
        feedKeys.insertMany(List.copyOf(bellBefore.values()));
        bellKeys.drop();
        feedKeys.insertOne(new Document("_id", NotificationFeeds.BACKFILLED)
                .append("at", new Date()).append(NotificationFeeds.NEWEST_KEPT, true).append(NotificationFeeds.SETTLED_KEPT, true));
        // A node of this version told one more before this one moved them: kept beside what is moved.
        UUID late = UUID.randomUUID();
        handle(late, 0, task(late, UNITS.get(0)));
        handle(late, 1, new DeadlineMissed(late, UNITS.get(0), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)));
        String told = plain(CLERK, null).get(0);

        feeds.backfill();
        reads.clear();
        feeds.backfill();

        assertThat(reads).as("the second start reads only the marker").containsExactly(
                new BsonDocument("_id", new BsonString(NotificationFeeds.BACKFILLED)));
        assertThat(feedKeys.find(Filters.in("_id", List.copyOf(bellBefore.keySet()))).first()).as("left among the feeds").isNull();
        Map<String, List<String>> moved = new TreeMap<>();
        bellKeys.find().forEach(d -> moved.put(d.getString("_id"), d.getList(ReadModels.MEMBERS, String.class)));
        assertThat(moved.keySet()).isEqualTo(bellBefore.keySet());
        assertThat(moved.get(Audience.role(Role.CLERK) + "|newest")).hasSize(Math.min(NotificationFeeds.NEWEST, plain(CLERK, null).size()))
                .anySatisfy(member -> assertThat(member).endsWith("|" + told));
        for (Actor person : List.of(CLERK, CHAIR, ECONOMY, TOWN, FINANCE_CLERK)) {
            as(person, () -> assertThat(controller.unread().unread()).as(person.id())
                    .isEqualTo(Math.min(unread(person), NotificationController.UNREAD_COUNTED)));
        }
        as(CLERK, () -> assertThat(controller.unread().unread()).isGreaterThanOrEqualTo(counted.get(CLERK.id())));
        as(CLERK, () -> assertThat(controller.mine(0, 200, null).items()).extracting(NotificationController.Notification::id)
                .isEqualTo(plain(CLERK, null).subList(0, 200)));
    }

    /** The person's notifications by the old rule: a filter on the audience over all of them, newest first. */
    private List<String> plain(Actor person, Date after) {
        List<String> audience = new ArrayList<>(List.of(Audience.role(person.role())));
        if (person.unit() != null) {
            audience.add(Audience.unit(person.unit()));
        }
        List<Document> all = stored.find().into(new ArrayList<>());
        return all.stream().filter(d -> d.getList("audience", String.class).stream().anyMatch(audience::contains))
                .filter(d -> after == null || d.getDate("recordedAt").after(after))
                .sorted(Comparator.comparing((Document d) -> d.getDate("recordedAt")).thenComparing(d -> d.getString("_id")).reversed())
                .map(d -> d.getString("_id")).toList();
    }

    /** What the bell's number counts, by the plain rule: the person's notifications not read, and not settled since. */
    private long unread(Actor person) {
        NotificationReads.ReadState state = new NotificationReads(plainClient.getDatabase("test")).state(person.id());
        Set<String> settled = stored.find(Filters.exists("values.settled")).map(d -> d.getString("_id")).into(new HashSet<>());
        return plain(person, state.readUpTo()).stream().filter(id -> !state.read().contains(id) && !settled.contains(id)).count();
    }

    /** The request no longer awaits the leaders, and the unit that asked learns why, though it no longer leads the task. */
    @Test
    void a_request_lapsed_by_a_reassignment_is_told_to_the_unit_that_asked_and_the_leaders_not_to_the_new_unit() {
        UUID id = UUID.randomUUID();
        handle(id, 0, task(id, UNITS.get(0)));
        handle(id, 1, new ExtensionRequested(id, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 20), "Chờ số liệu",
                LocalDate.of(2026, 11, 28)));
        handle(id, 2, new TaskReassigned(id, UNITS.get(0), UNITS.get(1), "Đúng chức năng", LocalDate.of(2026, 11, 30)));
        handle(id, 3, new ExtensionRequestLapsed(id, UNITS.get(0), LocalDate.of(2026, 12, 20),
                ExtensionRequestLapsed.Why.REASSIGNED, LocalDate.of(2026, 11, 30)));

        for (Actor told : List.of(ECONOMY, CHAIR)) {
            as(told, () -> assertThat(controller.mine(0, 20, null).items()).as(told.id())
                    .filteredOn(n -> n.type().equals("EXTENSION_LAPSED")).singleElement()
                    .satisfies(n -> assertThat(n.text()).contains(UNITS.get(0), "20/12/2026", "giao cho đơn vị khác")));
        }
        as(TOWN, () -> assertThat(controller.mine(0, 20, null).items()).extracting(NotificationController.Notification::type)
                .doesNotContain("EXTENSION_LAPSED"));
    }

    /** Tasks of three units, each reminded, some missed, some asking for more time; a day or two apart over months. */
    private void generate(int count) {
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String unit = UNITS.get(random.nextInt(UNITS.size()));
            handle(id, 0, task(id, unit));
            handle(id, 1, new ReminderSent(id, unit, ReminderSent.Kind.BEFORE_DEADLINE, LocalDate.of(2026, 12, 1), 3,
                    null, LocalDate.of(2026, 11, 26)));
            if (random.nextInt(3) == 0) {
                handle(id, 2, new DeadlineMissed(id, unit, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)));
            } else if (random.nextInt(3) == 0) {
                handle(id, 2, new ExtensionRequested(id, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 20),
                        "Chờ số liệu", LocalDate.of(2026, 11, 28)));
            }
        }
    }

    private static TaskAssigned task(UUID id, String unit) {
        return NewTask.task().id(id).title("Báo cáo tình hình " + id.toString().substring(0, 4)).kind(DeliverableKind.REPORT)
                .leadUnit(unit).deadline(LocalDate.of(2026, 12, 1)).source(null).effectiveDate(LocalDate.of(2026, 7, 1)).assigned();
    }

    private void handle(UUID id, long seq, Object event) {
        at = at.plusSeconds(apart * (1 + random.nextInt(40)));
        EventMessage<?> message = new GenericDomainEventMessage<>("Assignment", id.toString(), seq, event,
                EventMetadata.of(CLERK, UUID.randomUUID().toString()), UUID.randomUUID().toString(), at);
        messages.add(message);
        deliver(message);
    }

    private void deliver(EventMessage<?> message) {
        try {
            if (projection.canHandle(message)) {
                projection.handle(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void as(Actor actor, Runnable action) {
        TestReadSide.signIn(actor);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
