package vn.docket.query.notifications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.Paging;
import vn.docket.query.support.ReadModels;

@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final MongoCollection<Document> notifications;
    private final NotificationReads reads;
    private final NotificationFeeds feeds;

    NotificationController(MongoDatabase database, NotificationReads reads, NotificationFeeds feeds) {
        this.notifications = database.getCollection(NotificationProjection.COLLECTION);
        this.reads = reads;
        this.feeds = feeds;
    }

    record Notification(String id, String assignmentId, String type, String subject, String text,
                        Map<String, Object> values, ActorRef actor, Date recordedAt, Notified.Mail mail, boolean read) {
    }

    record Unread(long unread) {
    }

    static final int UNREAD_COUNTED = 100;

    /**
     * One page of a person's notifications, newest first, and whether an older page follows. No total, unlike the
     * other lists: counting every notification a person was ever sent reads every month's feed of their unit and
     * role (68 ms at 50,000 tasks, bench/README.md "The bell opened"), and neither the bell nor a feed reader needs it.
     */
    record Notifications(List<Notification> items, int page, int size, boolean more) {
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "Notifications for the signed-in user: for their unit or their role, newest first; subject and"
            + " text in Vietnamese, or in English with lang=en; more says whether an older page follows")
    Notifications mine(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                       @RequestParam(required = false) String lang) {
        Paging paging = Paging.of(page, size);
        Actor me = CurrentActor.get();
        // One more than the page, to know whether another follows: read from each audience's newest document when the
        // page lies within its newest, else month by month from the newest, as far back as the page.
        int wanted = (int) Math.min(Integer.MAX_VALUE, (long) paging.skip() + paging.size() + 1);
        List<NotificationFeeds.Member> newest = feeds.newest(audience(me), null, wanted, id -> true);
        List<String> ids = newest.stream().skip(paging.skip()).limit(paging.size()).map(NotificationFeeds.Member::id).toList();
        Map<String, Document> found = ReadModels.byIds(notifications, ids);
        NotificationReads.ReadState state = reads.state(me.id());
        List<Notification> items = new ArrayList<>();
        ids.stream().map(found::get).filter(Objects::nonNull).map(Notified::read).forEach(n -> {
            NotificationWording.Words words = NotificationWording.of(n.type(), n.values(), lang);
            items.add(new Notification(n.id(), n.assignmentId(), n.type(), words == null ? n.subject() : words.subject(),
                    words == null ? n.text() : words.text(), n.values(), n.actor(), n.recordedAt(), n.mail(), state.isRead(n)));
        });
        return new Notifications(items, paging.page(), paging.size(), newest.size() > (long) paging.skip() + paging.size());
    }

    @GetMapping("/api/notifications/unread")
    @Operation(summary = "How many of the signed-in user's notifications they have not read and that were not settled"
            + " since (a request decided, a draft judged), up to " + UNREAD_COUNTED + " (which then means that many or more)")
    Unread unread() {
        Actor me = CurrentActor.get();
        NotificationReads.ReadState state = reads.state(me.id());
        // The bell shows "99+" beyond 99: counting further would read ever more months for someone who never
        // marks anything read, on every page they open.
        Set<String> read = Set.copyOf(state.read());
        // Settled since it was sent (a request another leader decided, a draft judged, a request lapsed): it asks
        // nothing of the reader any more, and a number that counted it sent a leader to find nothing to do.
        Set<String> settled = feeds.settled(audience(me));
        Predicate<String> unread = id -> !read.contains(id) && !settled.contains(id);
        long count = feeds.newest(audience(me), state.readUpTo(), UNREAD_COUNTED, unread).stream()
                .map(NotificationFeeds.Member::id).filter(unread).count();
        return new Unread(Math.min(count, UNREAD_COUNTED));
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "Marks one notification read for the signed-in user; again changes nothing")
    ResponseEntity<Void> markRead(@PathVariable String id) {
        Actor me = CurrentActor.get();
        Document n = notifications.find(Filters.eq("_id", id)).first();
        if (n == null || Notified.read(n).audience().stream().noneMatch(audience(me)::contains)) {
            throw new NotFound("No notification with id " + id + " for you.");
        }
        reads.markRead(me.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/notifications/read-all")
    @Operation(summary = "Marks every notification the signed-in user can see now as read")
    ResponseEntity<Void> markAllRead() {
        Actor me = CurrentActor.get();
        Date readUpTo = reads.state(me.id()).readUpTo();
        feeds.newest(audience(me), readUpTo, 1, id -> true).stream().findFirst()
                .ifPresent(newest -> reads.markAllRead(me.id(), new Date(newest.time())));
        return ResponseEntity.noContent().build();
    }

    /** Notifications go to a unit or a role; a person sees those of their role and of their unit. */
    private static List<String> audience(Actor me) {
        List<String> audience = new ArrayList<>(List.of(Audience.role(me.role())));
        if (me.unit() != null) {
            audience.add(Audience.unit(me.unit()));
        }
        return audience;
    }
}
