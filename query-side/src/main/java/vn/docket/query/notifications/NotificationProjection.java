package vn.docket.query.notifications;

import static vn.docket.query.support.ReadModels.iso;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DecisionRef;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.mongo.Inserts;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModel;

/**
 * Tells people what they must act on: the in-app list and, with an SMTP server configured, e-mail. A
 * notification is keyed by the event's id and claimed by inserting it before anything is sent, so an event
 * delivered twice is listed once and mailed once. The e-mail's outcome is recorded after it is sent: an event
 * delivered again whose notification has none (the node died between the claim and the e-mail, or the batch
 * failed there) is mailed then. A node dying after the mail server took the e-mail and before the outcome was
 * recorded makes the one case of a second copy; it carries the same Message-ID, which mail programs treat as the
 * same message. A lost reminder costs a missed deadline; a second copy costs nothing. Replays (a rebuild) send
 * nothing: the sending handlers are {@link DisallowReplay}.
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
    /** The names of a task assigned before this projection's first event are read from its own events. */
    private final EventStore events;
    /** Who acts at each level of an approval route: told when a draft comes before their level. */
    private final ApprovalLevels levels;

    NotificationProjection(MongoDatabase database, NotificationSettings settings, ObjectProvider<JavaMailSender> mail,
                           EventStore events, ApprovalLevels levels) {
        this.events = events;
        this.levels = levels;
        this.notifications = database.getCollection(COLLECTION);
        this.tasks = database.getCollection(TASKS);
        this.feeds = new NotificationFeeds(database);
        this.settings = settings;
        this.mail = mail;
    }

    // ---- what the messages need to know; safe to replay ----

    /** What a notification names of its task. */
    record TaskNames(String title, String leadUnit) implements ReadModel {

        static final String LEAD_UNIT = "leadUnit";

        static TaskNames read(Document d) {
            return new TaskNames(d.getString("title"), d.getString(LEAD_UNIT));
        }

        @Override
        public Document toDocument() {
            return new Document("title", title).append(LEAD_UNIT, leadUnit);
        }
    }

    @EventHandler
    void on(TaskAssigned e) {
        String id = e.assignmentId().toString();
        tasks.replaceOne(Filters.eq("_id", id), new TaskNames(e.title(), e.leadUnit()).toDocument().append("_id", id),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(TaskReassigned e) {
        tasks.updateOne(Filters.eq("_id", e.assignmentId().toString()), Updates.set(TaskNames.LEAD_UNIT, e.newLeadUnit()));
    }

    // ---- notifications: never on replay ----

    @EventHandler
    @DisallowReplay
    void on(ReminderSent e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        notify(message, id, "REMINDER_SENT", List.of(Audience.unit(e.chasedUnit())),
                task(names(id, message)).append("kind", e.kind().name()).append("deadline", iso(e.deadline()))
                        .append("workingDaysLeft", e.workingDaysLeft()).append("note", e.note()));
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineMissed e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        // The clerks are told too, and chase the unit: the wording names it, the unit the deadline passed with.
        notify(message, id, "DEADLINE_MISSED", List.of(Audience.unit(e.chasedUnit()), Audience.role(Role.CLERK)),
                task(names(id, message)).append("unit", e.chasedUnit()).append("deadline", iso(e.deadline())));
    }

    @EventHandler
    @DisallowReplay
    void on(RevisionRequested e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        Before before = before(id, message);
        settle(before.awaiting(), judged("SENT_BACK", e.decision(), e.level(), message), e.effectiveDate());
        TaskNames names = names(id, message, before);
        Document values = task(names).append("version", e.version())
                .append("points", e.points().stream().map(p -> p.id() + " " + p.text()).toList())
                .append("reopened", e.reopenedPoints()).append("dueDate", iso(e.dueDate()));
        if (!e.reopenedPoints().isEmpty()) {
            // A reopened point is named by its id only; the unit is told what it said, from the request that raised it.
            Map<String, String> raised = before.points();
            values.append("reopenedTexts", e.reopenedPoints().stream().filter(raised::containsKey)
                    .map(p -> new Document("id", p).append("text", raised.get(p))).toList());
        }
        // Whose send-back it is: the leader's who made it, or the outside body's whose decision a clerk recorded (the
        // clerk decided nothing).
        if (e.decision() == null) {
            decidedBy(values, message);
        } else {
            values.append("level", e.level()).append("decision", e.decision().number())
                    .append("decisionDate", iso(e.decision().date()));
        }
        notify(message, id, "REVISION_REQUESTED", List.of(Audience.unit(names.leadUnit())), values);
    }

    /**
     * The meeting's conclusion on a draft (a clerk records it from the conclusion notice): either way the draft goes
     * back to the unit, which is told what to revise, numbered as the command side numbers them (RevisionPoints), or
     * the conditions of an approval in principle; who chaired, and the notice, not the clerk who recorded it. A draft
     * handed in before and announced to its judges reads as settled in their bells.
     */
    @EventHandler
    @DisallowReplay
    void on(MeetingConcluded e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        Before before = before(id, message);
        settle(before.awaiting(), e.chair() == null ? new Document("how", "MEETING")
                : new Document("how", "MEETING_CHAIRED").append("by", e.chair()), e.effectiveDate());
        TaskNames names = names(id, message, before);
        List<String> points = e.verdict() == MeetingVerdict.REVISION_REQUIRED
                ? RevisionPoint.numbered(e.version(), e.requirements()).stream().map(p -> p.id() + " " + p.text()).toList()
                : e.requirements();
        Document values = task(names).append("version", e.version()).append("verdict", e.verdict().name())
                .append("chair", e.chair()).append("points", points).append("deadline", iso(before.deadline()));
        if (e.notice() != null) {
            values.append("notice", e.notice().number()).append("noticeDate", iso(e.notice().date()));
        }
        notify(message, id, "MEETING_CONCLUDED", List.of(Audience.unit(names.leadUnit())), values);
    }

    /**
     * Those who must judge the draft now: each draft starts at its route's first level. Not a draft presented at a
     * meeting: the meeting's conclusion, recorded right after it, judged it there and sent it back to the unit.
     */
    @EventHandler
    @DisallowReplay
    void on(DraftSubmitted e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        Before before = before(id, message);
        if (before.route().isEmpty() || judgedAtAMeeting(id, message)) {
            return;
        }
        String level = before.route().get(0);
        List<String> judges = judges(level);
        if (!judges.isEmpty()) {
            notify(message, id, "DRAFT_SUBMITTED", judges, task(names(id, message, before))
                    .append("version", e.version()).append("document", e.documentName()).append("level", level)
                    .append("deadline", iso(before.deadline())).append("note", e.note()));
        }
    }

    /**
     * The unit, whose draft it is, and before the route's last level those who must judge it next, in one
     * notification that says where the draft now stands. Whose approval it is: the leader's who gave it, or the
     * outside body's whose decision a clerk recorded.
     */
    @EventHandler
    @DisallowReplay
    void on(DraftApproved e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        Before before = before(id, message);
        settle(before.awaiting(), judged("APPROVED", e.decision(), e.level(), message), e.effectiveDate());
        TaskNames names = names(id, message, before);
        Document values = task(names).append("version", e.version()).append("level", e.level());
        List<String> audience = new ArrayList<>(List.of(Audience.unit(names.leadUnit())));
        int at = before.route().indexOf(e.level());
        if (!e.finalApproval() && at >= 0 && at + 1 < before.route().size()) {
            String next = before.route().get(at + 1);
            values.append("next", next).append("deadline", iso(before.deadline()));
            judges(next).stream().filter(judge -> !audience.contains(judge)).forEach(audience::add);
        }
        if (e.decision() == null) {
            decidedBy(values, message);
        } else {
            values.append("decision", e.decision().number()).append("decisionDate", iso(e.decision().date()));
        }
        notify(message, id, "DRAFT_APPROVED", audience, values.append("note", e.note()));
    }

    /**
     * Who must judge a draft at this level, as their waiting work has it (WaitingWork): the leaders whose role acts
     * there, or the clerks, who record an outside body's decision. Nobody for a level of units (a contribution taken
     * into the lead unit's own draft), nor for a person granted a level: the bell is kept by unit and role.
     */
    private List<String> judges(String level) {
        return levels.find(level).map(l -> l.outsideBody() ? List.of(Audience.role(Role.CLERK))
                : l.roles().stream().filter(Role::isLeader).map(Audience::role).sorted().toList()).orElse(List.of());
    }

    /** A meeting's conclusion is recorded with the draft presented there, as the next event (MeetingConclusion). */
    private boolean judgedAtAMeeting(String assignmentId, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> d)) {
            return false;
        }
        DomainEventStream after = events.readEvents(assignmentId, d.getSequenceNumber() + 1);
        return after.hasNext() && after.peek().getPayload() instanceof MeetingConcluded;
    }

    @EventHandler
    @DisallowReplay
    void on(ExtensionRequested e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        notify(message, id, "EXTENSION_REQUESTED", Audience.LEADERS,
                task(names(id, message)).append("from", iso(e.currentDeadline())).append("to", iso(e.requestedDeadline())).append("reason", e.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineExtended e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        Before before = e.previousDeadline() == null ? null : before(id, message);
        TaskNames names = names(id, message, before);
        // An assignment the notice gave no calendar date gets its first deadline through the same command: the unit is
        // told the date it is due, not that a deadline it never had was extended.
        String type = e.previousDeadline() == null ? "DEADLINE_SET" : "DEADLINE_EXTENDED";
        Document values = task(names).append("date", iso(e.newDeadline()));
        if (e.previousDeadline() != null) {
            // The unit plans on the day it asked for: it is told when it was given another. The reason is said only
            // when it is not the request's own, which a leader's grant carries when he gives none (Deadline.approved).
            ExtensionRequested asked = before.pending();
            if (asked != null) {
                values.append("asked", iso(asked.requestedDeadline()));
            }
            if (e.reason() != null && (asked == null || !e.reason().equals(asked.reason()))) {
                values.append("reason", e.reason());
            }
            decidedBy(values, message);
            // Only a task with a deadline takes a request (Deadline), so one without has none to settle.
            settle(before.request(), decidedBy(new Document("how", "EXTENDED").append("date", iso(e.newDeadline())),
                    message), e.effectiveDate());
        }
        notify(message, id, type, List.of(Audience.unit(names.leadUnit())), values);
    }

    @EventHandler
    @DisallowReplay
    void on(ExtensionRejected e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        Before before = before(id, message);
        TaskNames names = names(id, message, before);
        settle(before.request(), decidedBy(new Document("how", "REJECTED"), message), e.effectiveDate());
        // The unit must now work to the deadline it asked to move: it is told which day that is, and whose refusal.
        notify(message, id, "EXTENSION_REJECTED", List.of(Audience.unit(names.leadUnit())), decidedBy(task(names)
                .append("date", iso(e.requestedDeadline())).append("reason", e.reason())
                .append("deadline", iso(before.deadline())), message));
    }

    /**
     * Those asked to decide, and the unit that asked: the request no longer awaits anyone. The unit is the event's,
     * as a reassignment has already made another unit the lead.
     */
    @EventHandler
    @DisallowReplay
    void on(ExtensionRequestLapsed e, EventMessage<?> message) {
        String id = e.assignmentId().toString();
        Before before = before(id, message);
        TaskNames names = names(id, message, before);
        // Nobody decided: the request's entry says why it no longer waits, and after a reassignment to whom the task
        // went: the lead unit as the task's events before this one have it (the reassignment is recorded just before
        // it), not as a later reassignment may have it when this event is delivered again.
        Document lapsed = new Document("how", "LAPSED").append("why", e.why().name());
        if (e.why() == ExtensionRequestLapsed.Why.REASSIGNED) {
            lapsed.append("unit", (before.names() != null ? before.names() : names).leadUnit());
        }
        settle(before.request(), lapsed, e.effectiveDate());
        notify(message, id, "EXTENSION_LAPSED",
                Stream.concat(Stream.of(Audience.unit(e.requestingUnit())), Audience.LEADERS.stream()).toList(),
                task(names).append("unit", e.requestingUnit())
                        .append("date", iso(e.requestedDeadline())).append("why", e.why().name()));
    }

    /**
     * A task cancelled while a draft waited at a level: nobody will judge it now, and the bells of those it waited for
     * say so, as they do of a judged draft. Not a reassignment: the draft handed in stays before its level (a leader
     * may still judge it, and the waiting lists keep it), so its entry still waits. An extension request pending then
     * lapses with the cancellation (ExtensionRequestLapsed), and is settled there.
     */
    @EventHandler
    @DisallowReplay
    void on(TaskCancelled e, EventMessage<?> message) {
        settle(before(e.assignmentId().toString(), message).awaiting(), new Document("how", "CANCELLED"), e.effectiveDate());
    }

    /**
     * The notification of what waited before this event (an extension request, a draft before a level; null: nothing)
     * now says how it was settled, and when: every leader's (or clerk's) bell showed it as waiting, and one who did not
     * act on it must not decide or chase it again. The subject and text it was mailed with stay as they were, the
     * record of what was asked; the bell words it from its values (NotificationWording). Set again on redelivery, it
     * is the same; keyed by the waiting event's id, which is its notification's. The bell's number no longer counts it
     * ({@link NotificationFeeds#settle}): it asks nothing of anyone now. Nothing when this projection started
     * after it (no such notification). A replay skips it with the rest of the handler and keeps it: notifications are
     * not rebuilt (no reset handler).
     */
    private void settle(DomainEventMessage<?> waiting, Document how, LocalDate on) {
        if (waiting != null) {
            notifications.updateOne(Filters.eq("_id", waiting.getIdentifier()),
                    Updates.set("values.settled", how.append("on", iso(on))));
            Document settled = notifications.find(Filters.eq("_id", waiting.getIdentifier()))
                    .projection(Notified.FEED_KEYS).first();
            if (settled != null) {
                feeds.settle(Notified.read(settled));
            }
        }
    }

    /**
     * How a draft before a level was judged there: by the leader who did, or at the level of the outside body a clerk
     * recorded (named as a level, which English words differently from a person).
     */
    private static Document judged(String how, DecisionRef decision, String level, EventMessage<?> message) {
        Document judged = new Document("how", how);
        return decision == null ? decidedBy(judged, message) : judged.append("level", level);
    }

    /** Who decided, by name and role, for the unit to know whose decision it is (the bell shows no actor). */
    private static Document decidedBy(Document values, EventMessage<?> message) {
        ActorRef actor = ActorRef.of(message.getMetaData());
        return values.append("by", actor.name()).append("byRole", actor.role());
    }

    /**
     * What the task's own events before the one notified say that it does not carry: its names as they were then (null
     * without a TaskAssigned), the extension request pending then (its event, whose id is its notification's), the
     * deadline in force, the revision points raised, by id, the approval route, and the event that brought the draft
     * awaiting a level then (handed in, or approved at the level below; its id is its notification's). Read from the
     * store rather than kept here: the handlers of these events send notifications and are skipped on a replay, so
     * anything they kept would be stale after a rebuild. One walk for all of it, so that a handler that needs the
     * names of a task not yet seen as well reads the store once.
     */
    private record Before(TaskNames names, DomainEventMessage<?> request, LocalDate deadline, Map<String, String> points,
                          List<String> route, DomainEventMessage<?> awaiting) {

        ExtensionRequested pending() {
            return request == null ? null : (ExtensionRequested) request.getPayload();
        }
    }

    private Before before(String assignmentId, EventMessage<?> message) {
        long upTo = message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : Long.MAX_VALUE;
        TaskNames names = null;
        DomainEventMessage<?> request = null;
        LocalDate deadline = null;
        Map<String, String> points = new HashMap<>();
        List<String> route = List.of();
        DomainEventMessage<?> awaiting = null;
        DomainEventStream stream = events.readEvents(assignmentId, 0);
        while (stream.hasNext() && stream.peek().getSequenceNumber() < upTo) {
            DomainEventMessage<?> m = stream.next();
            Object event = m.getPayload();
            // As Deadline keeps them: the deadline is the task's, a later one set, or a send-back's due date; a request
            // is pending until it is decided, lapses or any extension settles it.
            if (event instanceof TaskAssigned e) {
                names = new TaskNames(e.title(), e.leadUnit());
                deadline = e.deadline();
                route = e.approvalRoute() == null ? List.of() : e.approvalRoute();
            } else if (event instanceof TaskReassigned e && names != null) {
                names = new TaskNames(names.title(), e.newLeadUnit());
            } else if (event instanceof ExtensionRequested) {
                request = m;
            } else if (event instanceof DeadlineExtended e) {
                deadline = e.newDeadline();
                request = null;
            } else if (event instanceof ExtensionRejected || event instanceof ExtensionRequestLapsed) {
                request = null;
            } else if (event instanceof RevisionRequested e) {
                deadline = e.dueDate() != null ? e.dueDate() : deadline;
                e.points().forEach(p -> points.put(p.id(), p.text()));
                awaiting = null;
            } else if (event instanceof MeetingConcluded e) {
                // Either way the draft goes back to the unit. Numbered as the command side numbers a meeting's
                // requirements (RevisionPoints).
                if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
                    RevisionPoint.numbered(e.version(), e.requirements()).forEach(p -> points.put(p.id(), p.text()));
                }
                awaiting = null;
            } else if (event instanceof DraftSubmitted) {
                awaiting = m;
            } else if (event instanceof DraftApproved e) {
                awaiting = e.finalApproval() ? null : m;
            }
        }
        return new Before(names, request, deadline, points, route, awaiting);
    }

    /** The task's title and lead unit, the start of every notification's values. */
    private static Document task(TaskNames names) {
        return new Document("title", names.title()).append("unit", names.leadUnit());
    }

    /**
     * The subject and text are the Vietnamese e-mail; the values they are made of are kept beside them (dates ISO),
     * so that the bell words the notification in the reader's language ({@link NotificationWording}).
     */
    private void notify(EventMessage<?> message, String assignmentId, String type, List<String> audience, Document values) {
        NotificationWording.Words words = NotificationWording.of(type, values, "vi");
        Notified n = new Notified(message.getIdentifier(), assignmentId, type, words.subject(), words.text(), values, audience,
                ActorRef.of(message.getMetaData()), Date.from(message.getTimestamp()), Date.from(Instant.now()), null);
        if (!Inserts.ifAbsent(notifications, n.toDocument())) {
            // Notified already, perhaps without its feed entries or its e-mail (a crash before the batch's writes or
            // right after the claim). The stored one is used: a redelivery after a reassignment would name another unit.
            Document stored = notifications.find(Filters.eq("_id", n.id())).first();
            if (stored != null) {
                n = Notified.read(stored);
            }
            if (n.mail() != null) {
                feeds.add(n);
                return;
            }
        }
        feeds.add(n);
        mailTo(n, settings.addressesFor(n.audience()));
    }

    private void mailTo(Notified n, List<String> addresses) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || addresses.isEmpty()) {
            return;
        }
        Notified.Mail status;
        try {
            MimeMessage email = sender.createMimeMessage();
            MimeMessageHelper words = new MimeMessageHelper(email, StandardCharsets.UTF_8.name());
            words.setFrom(settings.from());
            words.setTo(addresses.toArray(String[]::new));
            words.setSubject("[Docket] " + n.subject());
            words.setText(n.text());
            // The notification's own id: a copy sent again after a crash is the same message to the reader's mail program.
            email.setHeader("Message-ID", messageId(n.id()));
            sender.send(email);
            status = new Notified.Mail("SENT", addresses, null);
        } catch (MailException | MessagingException e) {
            // Not retried: a retry could reach people twice. The in-app list still has it.
            log.warn("E-mail for notification {} to {} failed: {}", n.id(), addresses, e.getMessage());
            status = new Notified.Mail("FAILED", addresses, e.getMessage());
        }
        notifications.updateOne(Filters.eq("_id", n.id()), Updates.set(Notified.MAIL, status.toDocument()));
    }

    /** {@code <notification id@sender's domain>}, as RFC 5322 writes a message's identity. */
    private String messageId(String notificationId) {
        String from = settings.from();
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + notificationId + "@" + (domain.isEmpty() ? "docket" : domain) + ">";
    }

    /**
     * The task's names. This projection starts at the head of the store (NotificationConfiguration): after a restore,
     * or when notifications were switched on in an office with history, it never saw the older tasks assigned, and
     * their names are read from the task's own events up to the one notified (so a later reassignment does not name
     * the unit that came after). A task with no such events is named by its id and an unknown unit.
     */
    private TaskNames names(String assignmentId, EventMessage<?> message) {
        return names(assignmentId, message, null);
    }

    /** As {@link #names(String, EventMessage)}, with the task's earlier events when the handler read them already. */
    private TaskNames names(String assignmentId, EventMessage<?> message, Before read) {
        Document t = tasks.find(Filters.eq("_id", assignmentId)).first();
        if (t != null) {
            return TaskNames.read(t);
        }
        TaskNames names = (read != null ? read : before(assignmentId, message)).names();
        if (names == null) {
            return new TaskNames(assignmentId, "?");
        }
        // Kept, as TaskAssigned would have: this projection sees the task's later reassignments in order.
        tasks.replaceOne(Filters.eq("_id", assignmentId), names.toDocument().append("_id", assignmentId),
                new ReplaceOptions().upsert(true));
        return names;
    }
}
