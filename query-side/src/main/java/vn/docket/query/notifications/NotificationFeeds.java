package vn.docket.query.notifications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.query.support.ReadModels;

/**
 * The keys the bell reads notifications by. For each audience and month, a set document
 * ({@code "unit:Phòng Kinh tế|2026-12"}) holds that month's notifications as {@code "time|id"}, and one document
 * ({@link #MONTHS}) holds every month that has any. A person's list, unread count and "read all" read the months
 * they need by key and then only the page's notifications by id: the embedded database answers a filter on the
 * audience, a sort or a count by reading every notification ever sent, on every page a person opens.
 *
 * <p>Members are added with {@code $addToSet}, so a notification added twice (an event delivered again) or by
 * processors on several nodes is listed once.
 */
@Component
class NotificationFeeds implements InitializingBean {

    static final String COLLECTION = "notification_feeds";
    static final String MONTHS = "months";
    /** Written once every notification stored before the feeds existed has been added to them. */
    static final String BACKFILLED = "backfilled";

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
    private final MongoCollection<Document> notifications;

    NotificationFeeds(MongoDatabase database) {
        this.feeds = database.getCollection(COLLECTION);
        this.notifications = database.getCollection(NotificationProjection.COLLECTION);
    }

    /** Adds a stored notification to the feed of each of its audiences. */
    void add(Notified notification) {
        long recordedAt = notification.recordedAt().getTime();
        String month = month(recordedAt).toString();
        String member = new Member(recordedAt, notification.id()).key();
        ReadModels.include(feeds, MONTHS, month, true);
        for (String audience : notification.audience()) {
            ReadModels.include(feeds, audience + "|" + month, member, true);
        }
    }

    /**
     * The notifications of these audiences recorded after {@code after} (null: all), newest first, each once.
     * Reads the months document, then the audiences' months from {@code after}'s on, by key.
     */
    List<Member> of(List<String> audiences, Date after) {
        List<YearMonth> months = monthsSince(after);
        List<Member> found = new ArrayList<>();
        collect(audiences, months, after, new HashSet<>(), found);
        found.sort(Member.NEWEST_FIRST);
        return found;
    }

    /**
     * As {@link #of}, but only as far back as it takes: month by month from the newest, until at least {@code wanted}
     * notifications that {@code count} accepts are found (with the rest of their month). What is read so stays the
     * same however long the history behind it, for someone who never marks anything read as for anyone.
     */
    List<Member> newest(List<String> audiences, Date after, int wanted, Predicate<String> count) {
        List<YearMonth> months = monthsSince(after);
        Set<String> seen = new HashSet<>();
        List<Member> found = new ArrayList<>();
        for (int m = months.size() - 1; m >= 0 && found.stream().map(Member::id).filter(count).count() < wanted; m--) {
            collect(audiences, List.of(months.get(m)), after, seen, found);
        }
        found.sort(Member.NEWEST_FIRST);
        return found;
    }

    /** The months that have notifications, oldest first, from {@code after}'s month on (null: all). */
    private List<YearMonth> monthsSince(Date after) {
        Document months = feeds.find(Filters.eq("_id", MONTHS)).first();
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
     * Once, after an upgrade from a version without feeds: adds every notification already stored. A node that starts
     * while another one does this adds the same members again, which changes nothing.
     */
    void backfill() {
        if (feeds.find(Filters.eq("_id", BACKFILLED)).first() != null) {
            return;
        }
        long added = 0;
        for (Document n : notifications.find().projection(Notified.FEED_KEYS)) {
            add(Notified.read(n));
            added++;
        }
        feeds.replaceOne(Filters.eq("_id", BACKFILLED), new Document("_id", BACKFILLED).append("at", new Date()),
                new ReplaceOptions().upsert(true));
        if (added > 0) {
            log.info("The bell's keys now hold the {} notifications stored before this version (done once).", added);
        }
    }

    private static YearMonth month(long time) {
        return YearMonth.from(Instant.ofEpochMilli(time).atZone(PlatformConfiguration.ZONE));
    }
}
