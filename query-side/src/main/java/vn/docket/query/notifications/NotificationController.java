package vn.docket.query.notifications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;

@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final MongoCollection<Document> notifications;

    NotificationController(MongoDatabase database) {
        this.notifications = database.getCollection(NotificationProjection.COLLECTION);
    }

    record Notification(String id, String assignmentId, String type, String subject, String text,
                        Map<String, Object> actor, java.util.Date recordedAt, Map<String, Object> mail) {
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "Notifications for the signed-in user: for their unit or their role, newest first")
    Page<Notification> mine(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Actor me = CurrentActor.get();
        List<String> audience = new ArrayList<>(List.of(Audience.role(me.role())));
        if (me.unit() != null) {
            audience.add(Audience.unit(me.unit()));
        }
        Bson filter = Filters.in("audience", audience);
        List<Notification> items = new ArrayList<>();
        notifications.find(filter).sort(Sorts.descending("recordedAt", "_id")).skip(paging.skip()).limit(paging.size())
                .forEach(d -> items.add(new Notification(d.getString("_id"), d.getString("assignmentId"),
                        d.getString("type"), d.getString("subject"), d.getString("text"), d.get("actor", Document.class),
                        d.getDate("recordedAt"), d.get("mail", Document.class))));
        return new Page<>(items, paging.page(), paging.size(), notifications.countDocuments(filter));
    }
}
