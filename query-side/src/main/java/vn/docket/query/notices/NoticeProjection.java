package vn.docket.query.notices;

import static vn.docket.query.support.ReadModels.iso;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.TaskAssigned;
import vn.docket.query.support.EventActors;

/**
 * One document per registered notice with the assignments that cite it. The notice and its assignments
 * are different aggregates, so either may arrive first; both updates are upserts that set or add to a set,
 * which makes them safe to apply twice.
 */
@Component
@ProcessingGroup(NoticeProjection.NAME)
class NoticeProjection {

    static final String NAME = "notices";
    static final String COLLECTION = "notices";

    private final MongoCollection<Document> notices;

    NoticeProjection(MongoDatabase database) {
        this.notices = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(NoticeRegistered e, @Timestamp Instant recordedAt, MetaData metaData) {
        notices.updateOne(Filters.eq("_id", e.noticeId().toString()), Updates.combine(
                Updates.set("number", e.number()),
                Updates.set("issuer", e.issuer()),
                Updates.set("place", e.place()),
                Updates.set("issuedOn", iso(e.issuedOn())),
                Updates.set("issuedMonth", e.issuedMonth()),
                Updates.set("meetingOn", iso(e.meetingOn())),
                Updates.set("chair", e.chair()),
                Updates.set("invitation", e.invitation() == null ? null
                        : new Document("number", e.invitation().number()).append("date", iso(e.invitation().date()))),
                Updates.set("signer", e.signer()),
                Updates.set("sourceSha256", e.sourceSha256()),
                Updates.set("items", e.items()),
                Updates.set("registeredAt", Date.from(recordedAt)),
                Updates.set("registeredBy", EventActors.of(metaData))), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(TaskAssigned e) {
        if (e.source() == null || e.source().noticeId() == null) {
            return;
        }
        notices.updateOne(Filters.eq("_id", e.source().noticeId().toString()), Updates.addToSet("assignments",
                new Document("assignmentId", e.assignmentId().toString()).append("item", e.source().item())
                        .append("parentId", e.parentId() == null ? null : e.parentId().toString())),
                new UpdateOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        notices.drop();
    }
}
