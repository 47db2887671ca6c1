package vn.docket.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
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
import vn.docket.query.support.EventActors;

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

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(payload, Map.class);
        Document entry = new Document("_id", message.getIdentifier())
                .append("type", payload.getClass().getSimpleName())
                .append("actor", EventActors.of(message.getMetaData()))
                .append("actorSearch", actorSearch(EventActors.of(message.getMetaData())))
                .append("recordedAt", Date.from(message.getTimestamp()))
                .append("effectiveDate", fields.get("effectiveDate"))
                .append("commandId", message.getMetaData().get(EventMetadata.COMMAND_ID))
                .append("payload", new Document(fields));
        String assignmentId = assignmentOf(payload);
        if (assignmentId != null) {
            entry.append("assignmentId", assignmentId);
        } else if (payload instanceof NoticeEvent notice) {
            entry.append("noticeId", notice.noticeId().toString());
        } else if (payload instanceof UserEvent user) {
            entry.append("userId", user.userId());
        }
        if (message instanceof DomainEventMessage<?> domain && domain.getType() != null) {
            entry.append("seq", domain.getSequenceNumber());
        }
        log.replaceOne(Filters.eq("_id", entry.getString("_id")), entry, new ReplaceOptions().upsert(true));
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
    static String actorSearch(Document actor) {
        return actor == null ? null : Text.folded(actor.getString("id") + " " + actor.getString("name"));
    }

    @ResetHandler
    void reset() {
        log.drop();
    }
}
