package vn.docket.query.notifications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.query.support.ReadModels;

/**
 * The keys the bell reads notifications by. For each audience and month, a set document
 * ({@code "unit:Phòng Kinh tế|2026-12"}) holds that month's notifications as {@code "time|id"}, and one document
 * ({@link #MONTHS}) holds every month that has any. A person's list reads the months it needs by key and then only
 * the page's notifications by id: the embedded database answers a filter on the audience, a sort or a count by
 * reading every notification ever sent, on every page a person opens.
 *
 * <p>The unread count, "read all" and the list first read one more document per audience
 * ({@code "unit:Phòng Kinh tế|newest"}): its {@link #NEWEST} newest members. A busy month holds thousands of
 * notifications per audience (a province's clerks are told of every missed deadline), and reading, parsing and
 * sorting all of them on every page was most of what a page cost; the months are read only when those newest do not
 * answer (someone who marked more than a hundred and fifty of them read one by one, a page of the list further back).
 *
 * <p>A notification settled since it was sent (a request another leader decided, a draft judged, a request lapsed)
 * asks nothing of its readers any more: one more document per audience ({@code "role:CHAIR|settled"}) holds its
 * {@link #NEWEST} newest such members, and the unread count leaves them out. The list still shows them, saying how
 * they were settled.
 *
 * <p>The bell's own documents (each audience's newest and settled, and the months) live in a collection of their own,
 * {@link #BELL}, apart from the months' feeds. The embedded database keeps a collection's documents in pages by key,
 * and reads a page whole: beside feeds of a busy month (1.5 MB each at 50,000 tasks), reading one newest document
 * decoded megabytes, which its cache, 16 MB in 16 parts, does not keep once a page's estimate passes a part. After a
 * restart the unread count took 23 ms of CPU a request instead of 3 (bench/README.md, "The bell after a restart").
 *
 * <p>Members are added with {@code $addToSet}, so a notification added twice (an event delivered again) or by
 * processors on several nodes is listed once.
 */
@Component
class NotificationFeeds implements InitializingBean {

    static final String COLLECTION = "notification_feeds";
    /** The documents the bell reads on every page: each audience's newest and settled, and the months. */
    static final String BELL = "notification_bell";
    static final String MONTHS = "months";
    /** Written once every notification stored before the feeds existed has been added to them. */
    static final String BACKFILLED = "backfilled";
    /** Set in {@link #BACKFILLED} once the newest documents hold what the months held before they existed. */
    static final String NEWEST_KEPT = "newest";
    /** Set in {@link #BACKFILLED} once the settled documents hold the notifications settled before they existed. */
    static final String SETTLED_KEPT = "settled";
    /** Set in {@link #BACKFILLED} once the bell's own documents an earlier version kept among the feeds are in {@link #BELL}. */
    static final String BELL_KEPT = "bell";
    /**
     * How many of an audience's newest notifications its newest document keeps: the hundred the bell counts, and room
     * for those read one by one.
     */
    static final int NEWEST = 256;

    private static final Logger log = LoggerFactory.getLogger(NotificationFeeds.class);

    /** One notification in a feed: when it was recorded and its id. */
    record Member(long time, String id) {

        static final Comparator<Member> NEWEST_FIRST = Comparator.comparingLong(Member::time)
                .thenComparing(Member::id).reversed();

        String key() {
            // Zero-padded, so that the set's strings sort as the times do (until the year 2286).
            return String.format(Locale.ROOT, "%013d|%s", time, id);
        }

        static Member of(String key) {
            int bar = key.indexOf('|');
            return new Member(Long.parseLong(key.substring(0, bar)), key.substring(bar + 1));
        }
    }

    private final MongoCollection<Document> feeds;
    private final MongoCollection<Document> bell;
    private final MongoCollection<Document> notifications;

    NotificationFeeds(MongoDatabase database) {
        this.feeds = database.getCollection(COLLECTION);
        this.bell = database.getCollection(BELL);
        this.notifications = database.getCollection(NotificationProjection.COLLECTION);
    }

    /** Adds a stored notification to the feed of each of its audiences. */
    void add(Notified notification) {
        long recordedAt = notification.recordedAt().getTime();
        String month = month(recordedAt).toString();
        String member = new Member(recordedAt, notification.id()).key();
        ReadModels.include(bell, MONTHS, month, true);
        for (String audience : notification.audience()) {
            ReadModels.include(feeds, audience + "|" + month, member, true);
            keepNewest(newestKey(audience), List.of(member));
        }
    }

    /**
     * Marks a stored notification settled in the feed of each of its audiences. As the newest documents do, each keeps
     * its {@link #NEWEST} newest: one settled before that many newer ones of its audience is older than any the count
     * reads from the newest documents, and is left out only by someone who reads it or reads all.
     */
    void settle(Notified notification) {
        String member = new Member(notification.recordedAt().getTime(), notification.id()).key();
        for (String audience : notification.audience()) {
            keepNewest(settledKey(audience), List.of(member));
        }
    }

    /** The ids of the notifications these audiences' settled documents hold. */
    Set<String> settled(List<String> audiences) {
        Set<String> ids = new HashSet<>();
        for (Document d : ReadModels.byIds(bell, audiences.stream().map(NotificationFeeds::settledKey).toList()).values()) {
            d.getList(ReadModels.MEMBERS, String.class, List.of()).forEach(key -> ids.add(Member.of(key).id()));
        }
        return ids;
    }

    /**
     * Adds members to an audience's newest document, then lets all but the {@link #NEWEST} newest go: two updates by
     * key, each atomic on the database, so processors on several nodes may add at once. Not one {@code $push} with
     * {@code $slice}: it would list a notification delivered again twice ({@code $addToSet} does not), and the
     * embedded database finds a document by key only when the filter holds nothing else. A member added again after
     * it was let go is let go again; until then (or if this node stops in between) the document holds one more than
     * {@link #NEWEST}, and {@link #kept} reads only the newest of them.
     */
    private void keepNewest(String document, List<String> members) {
        Bson key = Filters.eq("_id", document);
        bell.updateOne(key, Updates.addEachToSet(ReadModels.MEMBERS, members), new UpdateOptions().upsert(true));
        bell.updateOne(key, Updates.pushEach(ReadModels.MEMBERS, List.of(), new PushOptions().sort(1).slice(-NEWEST)));
    }

    private static String newestKey(String audience) {
        return audience + "|newest";
    }

    private static String settledKey(String audience) {
        return audience + "|settled";
    }

    /**
     * The notifications of these audiences recorded after {@code after} (null: all), newest first, each once, only as
     * far back as it takes: the audiences' newest documents ({@link #kept}) when they answer, else month by month from
     * the newest, until at least {@code wanted} notifications that {@code count}
     * accepts are found (with the rest of their month). What is read so stays the same however long the history
     * behind it, and however busy its months, for someone who never marks anything read as for anyone.
     */
    List<Member> newest(List<String> audiences, Date after, int wanted, Predicate<String> count) {
        List<Member> kept = kept(audiences, after, wanted, count);
        if (kept != null) {
            return kept;
        }
        List<YearMonth> months = monthsSince(after);
        Set<String> seen = new HashSet<>();
        List<Member> found = new ArrayList<>();
        for (int m = months.size() - 1; m >= 0 && found.stream().map(Member::id).filter(count).count() < wanted; m--) {
            collect(audiences, List.of(months.get(m)), after, seen, found);
        }
        found.sort(Member.NEWEST_FIRST);
        return found;
    }

    /**
     * {@link #newest} from the audiences' newest documents alone, or null when they may not hold the answer. An
     * audience's document holds every one of its members from its oldest on, or all of them while it is not full;
     * so together they hold every member from the newest of the full documents' oldest on. That is the answer when
     * it reaches back to {@code after}, or holds {@code wanted} that {@code count} accepts.
     */
    private List<Member> kept(List<String> audiences, Date after, int wanted, Predicate<String> count) {
        Collection<Document> documents = ReadModels.byIds(bell, audiences.stream().map(NotificationFeeds::newestKey).toList()).values();
        List<List<String>> newest = new ArrayList<>();
        String from = "";
        for (Document d : documents) {
            List<String> members = new ArrayList<>(d.getList(ReadModels.MEMBERS, String.class, List.of()));
            if (members.size() >= NEWEST) {
                // Sorted by time, as the keys are zero-padded; beyond NEWEST, one added and not yet let go.
                Collections.sort(members);
                members = members.subList(members.size() - NEWEST, members.size());
                from = members.get(0).compareTo(from) > 0 ? members.get(0) : from;
            }
            newest.add(members);
        }
        long since = after == null ? Long.MIN_VALUE : after.getTime();
        Set<String> seen = new HashSet<>();
        List<Member> found = new ArrayList<>();
        for (List<String> members : newest) {
            for (String key : members) {
                if (key.compareTo(from) >= 0) {
                    Member member = Member.of(key);
                    if (member.time() > since && seen.add(member.id())) {
                        found.add(member);
                    }
                }
            }
        }
        found.sort(Member.NEWEST_FIRST);
        boolean reachesAfter = from.isEmpty() || Member.of(from).time() <= since;
        return reachesAfter || found.stream().map(Member::id).filter(count).count() >= wanted ? found : null;
    }

    /** The months that have notifications, oldest first, from {@code after}'s month on (null: all). */
    private List<YearMonth> monthsSince(Date after) {
        Document months = bell.find(Filters.eq("_id", MONTHS)).first();
        if (months == null) {
            return List.of();
        }
        YearMonth first = after == null ? null : month(after.getTime());
        return months.getList(ReadModels.MEMBERS, String.class, List.of()).stream().map(YearMonth::parse)
                .filter(m -> first == null || !m.isBefore(first)).sorted().toList();
    }

    /** Adds the members of these audiences' feeds for these months recorded after {@code after}, each once. */
    private void collect(List<String> audiences, List<YearMonth> months, Date after, Set<String> seen, List<Member> found) {
        List<String> keys = new ArrayList<>();
        months.forEach(m -> audiences.forEach(audience -> keys.add(audience + "|" + m)));
        long since = after == null ? Long.MIN_VALUE : after.getTime();
        for (Document feed : ReadModels.byIds(feeds, keys).values()) {
            for (String key : feed.getList(ReadModels.MEMBERS, String.class, List.of())) {
                Member member = Member.of(key);
                if (member.time() > since && seen.add(member.id())) {
                    found.add(member);
                }
            }
        }
    }

    /** Before the processors start, so that only notifications stored by an earlier version are backfilled. */
    @Override
    public void afterPropertiesSet() {
        backfill();
    }

    /**
     * Once, after an upgrade from a version without feeds: adds every notification already stored (to the months and
     * the newest documents). A node that starts while another one does this adds the same members again, which
     * changes nothing. After an upgrade from a version with months but without newest documents: fills those from the
     * months, once, the same way. After an upgrade from a version without settled documents: fills them from the
     * notifications settled until then, once. After an upgrade from a version that kept the bell's own documents
     * among the feeds: moves them to {@link #BELL}, once.
     */
    void backfill() {
        Document done = feeds.find(Filters.eq("_id", BACKFILLED)).first();
        if (done != null && done.getBoolean(NEWEST_KEPT, false) && done.getBoolean(SETTLED_KEPT, false)
                && done.getBoolean(BELL_KEPT, false)) {
            return;
        }
        if (done == null) {
            long added = 0;
            for (Document n : notifications.find().projection(Notified.FEED_KEYS)) {
                add(Notified.read(n));
                added++;
            }
            if (added > 0) {
                log.info("The bell's keys now hold the {} notifications stored before this version (done once).", added);
            }
        } else {
            if (!done.getBoolean(BELL_KEPT, false)) {
                moveToBell();
            }
            if (!done.getBoolean(NEWEST_KEPT, false)) {
                keepNewestOfMonths();
            }
        }
        if (done == null || !done.getBoolean(SETTLED_KEPT, false)) {
            keepSettled();
        }
        feeds.replaceOne(Filters.eq("_id", BACKFILLED), new Document("_id", BACKFILLED).append("at", new Date())
                .append(NEWEST_KEPT, true).append(SETTLED_KEPT, true).append(BELL_KEPT, true), new ReplaceOptions().upsert(true));
    }

    /**
     * Once: the bell's own documents an earlier version kept among the feeds, into {@link #BELL}, merged with any a
     * node of this version wrote there meanwhile ({@code $addToSet}, the newest and settled cut to {@link #NEWEST}),
     * then removed from the feeds. A start stopped halfway moves what is left at the next. A node of the version before
     * still running afterwards would write them among the feeds again: every node is stopped before an upgrade
     * (docs/deployment.md, "Upgrading to a new version").
     */
    private void moveToBell() {
        // Found first, moved after: a cursor over the collection being deleted from may pass a document by.
        List<Document> found = new ArrayList<>();
        for (Document d : feeds.find()) {
            String id = d.getString("_id");
            if (id.endsWith("|newest") || id.endsWith("|settled") || id.equals(MONTHS)) {
                found.add(d);
            }
        }
        for (Document d : found) {
            String id = d.getString("_id");
            List<String> members = d.getList(ReadModels.MEMBERS, String.class, List.of());
            if (id.equals(MONTHS)) {
                bell.updateOne(Filters.eq("_id", MONTHS), Updates.addEachToSet(ReadModels.MEMBERS, members),
                        new UpdateOptions().upsert(true));
            } else {
                keepNewest(id, members);
            }
            feeds.deleteOne(Filters.eq("_id", id));
        }
        if (!found.isEmpty()) {
            log.info("The bell's {} own keys moved from notification_feeds to notification_bell, where reading them is cheap (done once).",
                    found.size());
        }
    }

    /** Once: every notification settled before the settled documents existed, into them. */
    private void keepSettled() {
        long settled = 0;
        for (Document n : notifications.find().projection(Projections.include("audience", "recordedAt", "values"))) {
            Document values = n.get("values", Document.class);
            if (values != null && values.get("settled") != null) {
                settle(Notified.read(n));
                settled++;
            }
        }
        if (settled > 0) {
            log.info("The bell's settled keys now hold the {} notifications settled before this version (done once).", settled);
        }
    }

    /** Once: each audience's newest members, from every month document, into its newest document. */
    private void keepNewestOfMonths() {
        Map<String, TreeSet<String>> newest = new HashMap<>();
        for (Document feed : feeds.find()) {
            String id = feed.getString("_id");
            int bar = id.lastIndexOf('|');
            if (bar < 0 || !id.substring(bar + 1).matches("\\d{4}-\\d{2}")) {
                continue; // the marker
            }
            TreeSet<String> kept = newest.computeIfAbsent(id.substring(0, bar), a -> new TreeSet<>());
            for (String member : feed.getList(ReadModels.MEMBERS, String.class, List.of())) {
                kept.add(member);
                if (kept.size() > NEWEST) {
                    kept.pollFirst();
                }
            }
        }
        newest.forEach((audience, members) -> keepNewest(newestKey(audience), List.copyOf(members)));
        if (!newest.isEmpty()) {
            log.info("The bell's newest keys now hold what the months of {} audiences held (done once).", newest.size());
        }
    }

    private static YearMonth month(long time) {
        return YearMonth.from(Instant.ofEpochMilli(time).atZone(PlatformConfiguration.ZONE));
    }
}
