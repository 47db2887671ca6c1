package vn.docket.query.notices;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.NoticeNumberCorrected;
import vn.docket.events.NoticeNumbered;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.TaskAssigned;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModels;

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
        NoticeParticulars n = e.notice();
        Notice registered = new Notice(e.noticeId().toString(), n.number(), n.issuer(), n.place(), n.issuedOn(),
                n.issuedMonth(), n.meetingOn(), n.chair(), n.invitation() == null ? null
                        : new Notice.Invitation(n.invitation().number(), n.invitation().date()), n.signer(), e.sourceSha256(),
                e.items(), recordedAt, ActorRef.of(metaData), false, null, null);
        notices.updateOne(Filters.eq("_id", registered.id()), new Document("$set", registered.toDocument()),
                new UpdateOptions().upsert(true));
    }

    /**
     * A number (and date) given later: set as the event says, so delivered twice it changes nothing. Marked as given
     * later: the assignments were recorded citing no number, so the list filtered by this one does not find them.
     */
    @EventHandler
    void on(NoticeNumbered e) {
        Bson number = Updates.combine(Updates.set("number", e.number()), Updates.set(Notice.NUMBERED_LATER, true));
        notices.updateOne(Filters.eq("_id", e.noticeId().toString()), e.issuedOn() == null ? number
                : Updates.combine(number, Updates.set("issuedOn", ReadModels.iso(e.issuedOn()))));
    }

    /** A number corrected: set as the event says, so delivered twice it changes nothing; the old one stays in the log. */
    @EventHandler
    void on(NoticeNumberCorrected e) {
        Bson number = Updates.set("number", e.number());
        notices.updateOne(Filters.eq("_id", e.noticeId().toString()), e.issuedOn() == null ? number
                : Updates.combine(number, Updates.set("issuedOn", ReadModels.iso(e.issuedOn()))));
    }

    @EventHandler
    void on(TaskAssigned e) {
        if (e.source() == null || e.source().noticeId() == null) {
            return;
        }
        Notice.Cited cited = new Notice.Cited(e.assignmentId().toString(), e.source().item(),
                e.parentId() == null ? null : e.parentId().toString());
        notices.updateOne(Filters.eq("_id", e.source().noticeId().toString()),
                Updates.addToSet(Notice.ASSIGNMENTS, cited.toDocument()), new UpdateOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        notices.drop();
    }
}
