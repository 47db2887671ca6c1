package vn.docket.query.notifications;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.query.support.EventActors;

/**
 * Tells people what they must act on: the in-app list and, with an SMTP server configured, e-mail. A
 * notification is keyed by the event's id and claimed by inserting it before anything is sent, so an event
 * delivered twice is notified once; a crash between the claim and the e-mail loses that e-mail rather than
 * sending it twice. Replays (a rebuild) send nothing: the sending handlers are {@link DisallowReplay}.
 */
@Component
@ProcessingGroup(NotificationProjection.NAME)
class NotificationProjection {

    static final String NAME = "notifications";
    static final String COLLECTION = "notifications";
    /** What a notification needs to name the task: its title and lead unit. Rebuilt on replay, never dropped. */
    static final String TASKS = "notification_tasks";

    private static final Logger log = LoggerFactory.getLogger(NotificationProjection.class);

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> tasks;
    /** The bell's keys: written with each notification (part of this projection's writes). */
    private final NotificationFeeds feeds;
    private final NotificationSettings settings;
    private final ObjectProvider<JavaMailSender> mail;

    NotificationProjection(MongoDatabase database, NotificationSettings settings, ObjectProvider<JavaMailSender> mail) {
        this.notifications = database.getCollection(COLLECTION);
        this.tasks = database.getCollection(TASKS);
        this.feeds = new NotificationFeeds(database);
        this.settings = settings;
        this.mail = mail;
    }

    // ---- what the messages need to know; safe to replay ----

    @EventHandler
    void on(TaskAssigned e) {
        tasks.replaceOne(Filters.eq("_id", e.assignmentId().toString()),
                new Document("_id", e.assignmentId().toString()).append("title", e.title()).append("leadUnit", e.leadUnit()),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(TaskReassigned e) {
        tasks.updateOne(Filters.eq("_id", e.assignmentId().toString()), Updates.set("leadUnit", e.newLeadUnit()));
    }

    // ---- notifications: never on replay ----

    @EventHandler
    @DisallowReplay
    void on(ReminderSent e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        notify(message, id, "REMINDER_SENT", List.of(Audience.unit(e.chasedUnit())),
                task(id).append("kind", e.kind().name()).append("deadline", iso(e.deadline()))
                        .append("workingDaysLeft", e.workingDaysLeft()).append("note", e.note()));
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineMissed e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        notify(message, id, "DEADLINE_MISSED", List.of(Audience.unit(e.chasedUnit()), Audience.role(Role.CLERK)),
                task(id).append("deadline", iso(e.deadline())));
    }

    @EventHandler
    @DisallowReplay
    void on(RevisionRequested e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        notify(message, id, "REVISION_REQUESTED", List.of(Audience.unit(leadUnit(id))),
                task(id).append("version", e.version()).append("points", e.points().stream().map(p -> p.id() + " " + p.text()).toList())
                        .append("reopened", e.reopenedPoints()).append("dueDate", iso(e.dueDate())));
    }

    @EventHandler
    @DisallowReplay
    void on(ExtensionRequested e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        notify(message, id, "EXTENSION_REQUESTED", List.of(Audience.role(Role.CHAIR), Audience.role(Role.VICE_CHAIR)),
                task(id).append("from", iso(e.currentDeadline())).append("to", iso(e.requestedDeadline())).append("reason", e.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineExtended e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        notify(message, id, "DEADLINE_EXTENDED", List.of(Audience.unit(leadUnit(id))), task(id).append("date", iso(e.newDeadline())));
    }

    @EventHandler
    @DisallowReplay
    void on(ExtensionRejected e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        notify(message, id, "EXTENSION_REJECTED", List.of(Audience.unit(leadUnit(id))),
                task(id).append("date", iso(e.requestedDeadline())).append("reason", e.reason()));
    }

    /** The task's title and lead unit, the start of every notification's values. */
    private Document task(String id) {
        return new Document("title", title(id)).append("unit", leadUnit(id));
    }

    private static String iso(java.time.LocalDate day) {
        return day == null ? null : day.toString();
    }

    /**
     * The subject and text are the Vietnamese e-mail; the values they are made of are kept beside them (dates ISO),
     * so that the bell words the notification in the reader's language ({@link NotificationWording}).
     */
    private void notify(EventMessage<?> message, String assignmentId, String type, List<String> audience, Document values) {
        NotificationWording.Words words = NotificationWording.of(type, values, "vi");
        String subject = words.subject();
        String text = words.text();
        Document n = new Document("_id", message.getIdentifier())
                .append("assignmentId", assignmentId)
                .append("type", type)
                .append("subject", subject)
                .append("text", text)
                .append("values", values)
                .append("audience", audience)
                .append("actor", EventActors.of(message.getMetaData()))
                .append("recordedAt", Date.from(message.getTimestamp()))
                .append("notifiedAt", Date.from(Instant.now()));
        try {
            notifications.insertOne(n);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // Notified already, perhaps without its feed entries (a crash before the batch's writes). The stored
                // one is added: a redelivery after a reassignment would name another unit.
                Document notified = notifications.find(Filters.eq("_id", n.getString("_id"))).first();
                if (notified != null) {
                    feeds.add(notified);
                }
                return;
            }
            throw e;
        }
        feeds.add(n);
        mailTo(n, settings.addressesFor(audience), subject, text);
    }

    private void mailTo(Document n, List<String> addresses, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || addresses.isEmpty()) {
            return;
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(settings.from());
        email.setTo(addresses.toArray(String[]::new));
        email.setSubject("[Docket] " + subject);
        email.setText(text);
        Document status;
        try {
            sender.send(email);
            status = new Document("state", "SENT").append("to", addresses);
        } catch (MailException e) {
            // Not retried: a retry could reach people twice. The in-app list still has it.
            log.warn("E-mail for notification {} to {} failed: {}", n.getString("_id"), addresses, e.getMessage());
            status = new Document("state", "FAILED").append("to", addresses).append("error", e.getMessage());
        }
        notifications.updateOne(Filters.eq("_id", n.getString("_id")), Updates.set("mail", status));
    }

    private String title(String assignmentId) {
        Document t = tasks.find(Filters.eq("_id", assignmentId)).first();
        return t == null ? assignmentId : t.getString("title");
    }

    private String leadUnit(String assignmentId) {
        Document t = tasks.find(Filters.eq("_id", assignmentId)).first();
        return t == null ? "?" : t.getString("leadUnit");
    }
}
