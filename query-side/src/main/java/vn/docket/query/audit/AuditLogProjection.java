package vn.docket.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import vn.docket.platform.Text;
import org.springframework.stereotype.Component;
import vn.docket.events.AccessDenied;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.EventMetadata;
import vn.docket.events.NoticeEvent;
import vn.docket.events.UserEvent;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModel;

/**
 * Every event Docket stores, with who did it, when it was recorded, when it took effect and under which
 * command. Keyed by the event's own id, so a redelivery rewrites the same entry.
 */
@Component
@ProcessingGroup(AuditLogProjection.NAME)
class AuditLogProjection {

    static final String NAME = "audit-log";
    static final String COLLECTION = "audit_log";

    private final MongoCollection<Document> log;
    private final ObjectMapper json;

    AuditLogProjection(MongoDatabase database, ObjectMapper json) {
        this.log = database.getCollection(COLLECTION);
        this.json = json;
    }

    /** One stored event as the log keeps it; exactly one of assignment, notice and user names what it concerns. */
    record LogEntry(String eventId, String type, ActorRef actor, String actorSearch, Instant recordedAt, String effectiveDate,
                    String commandId, Map<String, Object> payload, String assignmentId, String noticeId, String userId, Long seq)
            implements ReadModel {

        static LogEntry read(Document d) {
            return new LogEntry(d.getString("_id"), d.getString("type"), ReadModel.part(d, "actor", ActorRef::read),
                    d.getString("actorSearch"), d.getDate("recordedAt").toInstant(), d.getString("effectiveDate"),
                    d.getString("commandId"), d.get("payload", Document.class), d.getString("assignmentId"),
                    d.getString("noticeId"), d.getString("userId"), d.getLong("seq"));
        }

        /** Without the keys an entry has no value for among what it concerns and its place in a stream, as always. */
        public Document toDocument() {
            Document d = new Document("_id", eventId).append("type", type).append("actor", ReadModel.write(actor))
                    .append("actorSearch", actorSearch).append("recordedAt", Date.from(recordedAt))
                    .append("effectiveDate", effectiveDate).append("commandId", commandId).append("payload", new Document(payload));
            Document optional = new Document("assignmentId", assignmentId).append("noticeId", noticeId).append("userId", userId)
                    .append("seq", seq);
            optional.forEach((key, value) -> {
                if (value != null) {
                    d.append(key, value);
                }
            });
            return d;
        }
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(payload, Map.class);
        ActorRef actor = ActorRef.of(message.getMetaData());
        String assignmentId = assignmentOf(payload);
        LogEntry entry = new LogEntry(message.getIdentifier(), payload.getClass().getSimpleName(), actor, actorSearch(actor),
                message.getTimestamp(), fields.get("effectiveDate") instanceof String day ? day : null,
                (String) message.getMetaData().get(EventMetadata.COMMAND_ID), fields, assignmentId,
                assignmentId == null && payload instanceof NoticeEvent notice ? notice.noticeId().toString() : null,
                assignmentId == null && !(payload instanceof NoticeEvent) && payload instanceof UserEvent user ? user.userId() : null,
                message instanceof DomainEventMessage<?> domain && domain.getType() != null ? domain.getSequenceNumber() : null);
        log.replaceOne(Filters.eq("_id", entry.eventId()), entry.toDocument(), new ReplaceOptions().upsert(true));
    }

    /**
     * Which assignment an entry concerns, from the payload: events without an aggregate (a refused attempt) are
     * stored under their own id, which is no assignment.
     */
    static String assignmentOf(Object payload) {
        if (payload instanceof AssignmentEvent event) {
            return event.assignmentId().toString();
        }
        if (payload instanceof AccessDenied denied && denied.assignmentId() != null) {
            return denied.assignmentId().toString();
        }
        return null;
    }

    /** The actor's id and name, folded, so that the log can be filtered by "lan" or "nguyen thi lan". */
    static String actorSearch(ActorRef actor) {
        return Text.folded(actor.id() + " " + actor.name());
    }

    @ResetHandler
    void reset() {
        log.drop();
    }
}
