package vn.docket.query.planpath;

import static vn.docket.query.support.ReadModels.iso;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.events.UserRegistered;
import vn.docket.events.UserRoleChanged;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DocumentFile;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.query.support.EventActors;

/**
 * One step per event of an assignment. A step's id is its position in the assignment's stream, so a
 * redelivered event finds its step written and changes nothing.
 */
@Component
@ProcessingGroup(PlanPathProjection.NAME)
class PlanPathProjection {

    static final String NAME = "plan-path";
    static final String COLLECTION = "plan_path_steps";
    /** Who holds which role since when, granted by whom, as the user events so far say (one document per user). */
    static final String ROLES = "plan_path_roles";

    private final MongoCollection<Document> steps;
    private final MongoCollection<Document> roles;

    PlanPathProjection(MongoDatabase database) {
        this.steps = database.getCollection(COLLECTION);
        this.roles = database.getCollection(ROLES);
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant recordedAt, MetaData metaData) {
        holds(event.userId(), event.role().name(), recordedAt, metaData);
    }

    @EventHandler
    void on(UserRoleChanged event, @Timestamp Instant recordedAt, MetaData metaData) {
        holds(event.userId(), event.to().name(), recordedAt, metaData);
    }

    private void holds(String userId, String role, Instant since, MetaData metaData) {
        roles.replaceOne(Filters.eq("_id", userId), new Document("_id", userId).append("role", role)
                .append("since", iso(since.atZone(PlatformConfiguration.ZONE).toLocalDate()))
                .append("grantedBy", EventMetadata.actorFrom(metaData).name()), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(AssignmentEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt, MetaData metaData) {
        Document step = new Document("assignmentId", event.assignmentId().toString())
                .append("seq", seq)
                .append("actor", EventActors.of(metaData))
                .append("effectiveDate", iso(event.effectiveDate()))
                .append("recordedAt", Date.from(recordedAt));
        describe(event, step);
        if (event instanceof DraftApproved || event instanceof RevisionRequested) {
            // "approved by X, who held role CHAIR since ... (granted by Y)": the holding as it was at this step.
            Actor actor = EventMetadata.actorFrom(metaData);
            Document held = roles.find(Filters.eq("_id", actor.id())).first();
            if (held != null && actor.role().name().equals(held.getString("role"))) {
                step.append("roleSince", held.getString("since")).append("roleGrantedBy", held.getString("grantedBy"));
            }
        }
        // Written once: delivered again later (a batch after a crash), the event would find the approver's role
        // as it is now, not as it was at this step.
        steps.updateOne(Filters.eq("_id", event.assignmentId() + ":" + seq), new Document("$setOnInsert", step),
                new UpdateOptions().upsert(true));
    }

    /** Java 17 has no pattern switch; the sealed interface keeps this list complete by review. */
    private static void describe(AssignmentEvent event, Document step) {
        if (event instanceof TaskAssigned e) {
            step.append("type", "ASSIGNED").append("leadUnit", e.leadUnit())
                    .append("deadline", iso(e.deadline())).append("approvalRoute", e.approvalRoute());
        } else if (event instanceof DraftSubmitted e) {
            step.append("type", "DRAFT_SUBMITTED").append("version", e.version())
                    .append("documentName", e.documentName()).append("documentSha256", e.documentSha256())
                    .append("documentUrl", e.documentUrl()).append("note", e.note())
                    .append("file", file(e.file()));
        } else if (event instanceof RevisionRequested e) {
            step.append("type", "REVISION_REQUESTED").append("version", e.version())
                    .append("level", e.level()).append("reasons", e.reasons()).append("dueDate", iso(e.dueDate()))
                    .append("points", e.points().stream().map(p -> new Document("id", p.id())
                            .append("number", p.number()).append("text", p.text())).toList())
                    .append("reopenedPoints", e.reopenedPoints())
                    .append("decision", e.decision() == null ? null
                            : new Document("number", e.decision().number()).append("date", iso(e.decision().date())));
        } else if (event instanceof RevisionPointsAnswered e) {
            step.append("type", "POINTS_ANSWERED").append("version", e.version())
                    .append("answers", e.answers().stream().map(a -> new Document("point", a.point())
                            .append("answer", a.answer().name()).append("note", a.note())).toList());
        } else if (event instanceof DraftApproved e) {
            step.append("type", "APPROVED").append("version", e.version())
                    .append("level", e.level()).append("finalApproval", e.finalApproval()).append("note", e.note())
                    .append("decision", e.decision() == null ? null
                            : new Document("number", e.decision().number()).append("date", iso(e.decision().date())));
        } else if (event instanceof DocumentIssued e) {
            step.append("type", "ISSUED").append("documentNumber", e.documentNumber())
                    .append("documentName", e.documentName()).append("documentSha256", e.documentSha256())
                    .append("file", file(e.file()));
        } else if (event instanceof DeadlineExtended e) {
            step.append("type", "DEADLINE_EXTENDED")
                    .append("previousDeadline", iso(e.previousDeadline())).append("deadline", iso(e.newDeadline()))
                    .append("reasons", List.of(e.reason()));
        } else if (event instanceof TaskReassigned e) {
            step.append("type", "REASSIGNED").append("previousLeadUnit", e.previousLeadUnit())
                    .append("leadUnit", e.newLeadUnit()).append("reasons", List.of(e.reason()));
        } else if (event instanceof MeetingConcluded e) {
            step.append("type", e.verdict() == MeetingVerdict.REVISION_REQUIRED ? "REVISION_REQUESTED" : "APPROVED_IN_PRINCIPLE")
                    .append("version", e.version()).append("level", "Cuộc họp UBND").append("reasons", e.requirements())
                    .append("points", e.verdict() != MeetingVerdict.REVISION_REQUIRED ? null
                            : RevisionPoint.numbered(e.version(), e.requirements()).stream().map(p -> new Document("id", p.id())
                                    .append("number", p.number()).append("text", p.text())).toList())
                    .append("chair", e.chair()).append("decision", e.notice() == null ? null
                            : new Document("number", e.notice().number()).append("date", iso(e.notice().date())));
        } else if (event instanceof TaskCancelled e) {
            step.append("type", "CANCELLED").append("reasons", List.of(e.reason()));
        } else if (event instanceof ReminderSent e) {
            step.append("type", "REMINDER_SENT").append("kind", e.kind().name()).append("chasedUnit", e.chasedUnit())
                    .append("deadline", iso(e.deadline())).append("workingDaysLeft", e.workingDaysLeft())
                    .append("note", e.note());
        } else if (event instanceof DeadlineMissed e) {
            step.append("type", "DEADLINE_MISSED").append("chasedUnit", e.chasedUnit()).append("deadline", iso(e.deadline()));
        } else if (event instanceof ExtensionRequested e) {
            step.append("type", "EXTENSION_REQUESTED").append("previousDeadline", iso(e.currentDeadline()))
                    .append("requestedDeadline", iso(e.requestedDeadline())).append("reasons", List.of(e.reason()));
        } else if (event instanceof ExtensionRejected e) {
            step.append("type", "EXTENSION_REJECTED").append("requestedDeadline", iso(e.requestedDeadline()))
                    .append("reasons", List.of(e.reason()));
        } else {
            throw new IllegalStateException("The plan path has no step for " + event.getClass().getSimpleName());
        }
    }

    @ResetHandler
    void reset() {
        steps.drop();
        roles.drop();
    }

    /** What the step shows of a stored file (a draft's or the issued document's); null for one named by link or hash. */
    private static Document file(DocumentFile file) {
        return file == null ? null : new Document("mediaType", file.mediaType()).append("size", file.size())
                .append("pageCount", file.pageCount()).append("wordCount", file.wordCount())
                .append("textLayer", file.textLayer());
    }
}
