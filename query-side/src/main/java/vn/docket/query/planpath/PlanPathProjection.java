package vn.docket.query.planpath;

import static vn.docket.query.support.ReadModels.iso;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.docket.events.DecisionRef;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DocumentFile;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModel;
import vn.docket.query.support.ReadModels;

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
        roles.replaceOne(Filters.eq("_id", userId), new RoleHeld(role, since.atZone(PlatformConfiguration.ZONE).toLocalDate(),
                EventMetadata.actorFrom(metaData).name()).toDocument().append("_id", userId), new ReplaceOptions().upsert(true));
    }

    /** The role a user holds, since when, granted by whom: what an approval's step says of its approver. */
    record RoleHeld(String role, LocalDate since, String grantedBy) implements ReadModel {

        /** No user event seen for the actor, or one that gave another role than the actor acted in. */
        static final RoleHeld UNKNOWN = new RoleHeld(null, null, null);

        static RoleHeld read(Document d) {
            return new RoleHeld(d.getString("role"), ReadModels.date(d.get("since")), d.getString("grantedBy"));
        }

        @Override
        public Document toDocument() {
            return new Document("role", role).append("since", iso(since)).append("grantedBy", grantedBy);
        }
    }

    @EventHandler
    void on(AssignmentEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt, MetaData metaData) {
        // "approved by X, who held role CHAIR since ... (granted by Y)": the holding as it was at this step.
        RoleHeld held = RoleHeld.UNKNOWN;
        if (event instanceof DraftApproved || event instanceof RevisionRequested) {
            Actor actor = EventMetadata.actorFrom(metaData);
            Document found = roles.find(Filters.eq("_id", actor.id())).first();
            RoleHeld now = found == null ? RoleHeld.UNKNOWN : RoleHeld.read(found);
            held = actor.role().name().equals(now.role()) ? now : RoleHeld.UNKNOWN;
        }
        PlanPath.Step step = describe(event, held, ActorRef.of(metaData), recordedAt);
        // Written once: delivered again later (a batch after a crash), the event would find the approver's role
        // as it is now, not as it was at this step.
        steps.updateOne(Filters.eq("_id", event.assignmentId() + ":" + seq),
                new Document("$setOnInsert", step.toDocument(event.assignmentId().toString(), seq)), new UpdateOptions().upsert(true));
    }

    /** Java 17 has no pattern switch; the sealed interface keeps this list complete by review. */
    private static PlanPath.Step describe(AssignmentEvent event, RoleHeld held, ActorRef actor, Instant recordedAt) {
        LocalDate on = event.effectiveDate();
        if (event instanceof TaskAssigned e) {
            return new PlanPath.Step("ASSIGNED", null, null, e.requirements().isEmpty() ? null : e.requirements(), actor, on,
                    recordedAt,
                    new StepDetails.Assigned(e.leadUnit(), e.deadline(), e.approvalRoute()));
        } else if (event instanceof DraftSubmitted e) {
            return new PlanPath.Step("DRAFT_SUBMITTED", e.version(), null, null, actor, on, recordedAt,
                    new StepDetails.Submitted(e.documentName(), e.documentSha256(), e.documentUrl(), e.note(), file(e.file())));
        } else if (event instanceof RevisionRequested e) {
            return new PlanPath.Step("REVISION_REQUESTED", e.version(), e.level(), e.reasons(), actor, on, recordedAt,
                    new StepDetails.RevisionAsked(e.dueDate(), points(e.points()), e.reopenedPoints(), decision(e.decision()), null,
                            held.since(), held.grantedBy()));
        } else if (event instanceof RevisionPointsAnswered e) {
            return new PlanPath.Step("POINTS_ANSWERED", e.version(), null, null, actor, on, recordedAt,
                    new StepDetails.PointsAnswered(e.answers().stream()
                            .map(a -> new StepDetails.Answer(a.point(), a.answer().name(), a.note())).toList()));
        } else if (event instanceof DraftApproved e) {
            return new PlanPath.Step("APPROVED", e.version(), e.level(), null, actor, on, recordedAt,
                    new StepDetails.Approved(e.finalApproval(), e.note(), decision(e.decision()), held.since(), held.grantedBy()));
        } else if (event instanceof DocumentIssued e) {
            return new PlanPath.Step("ISSUED", null, null, null, actor, on, recordedAt,
                    new StepDetails.Issued(e.documentNumber(), e.documentName(), e.documentSha256(), file(e.file())));
        } else if (event instanceof DeadlineExtended e) {
            return new PlanPath.Step("DEADLINE_EXTENDED", null, null, List.of(e.reason()), actor, on, recordedAt,
                    new StepDetails.Extended(e.previousDeadline(), e.newDeadline(), e.reasonFromRequest()));
        } else if (event instanceof TaskReassigned e) {
            return new PlanPath.Step("REASSIGNED", null, null, List.of(e.reason()), actor, on, recordedAt,
                    new StepDetails.Reassigned(e.previousLeadUnit(), e.newLeadUnit()));
        } else if (event instanceof MeetingConcluded e) {
            StepDetails.Decision notice = decision(e.notice());
            return e.verdict() == MeetingVerdict.REVISION_REQUIRED
                    ? new PlanPath.Step("REVISION_REQUESTED", e.version(), MEETING, e.requirements(), actor, on, recordedAt,
                            new StepDetails.RevisionAsked(null, points(RevisionPoint.numbered(e.version(), e.requirements())),
                                    null, notice, e.chair(), null, null))
                    : new PlanPath.Step("APPROVED_IN_PRINCIPLE", e.version(), MEETING, e.requirements(), actor, on, recordedAt,
                            new StepDetails.ApprovedInPrinciple(e.chair(), notice));
        } else if (event instanceof TaskCancelled e) {
            return new PlanPath.Step("CANCELLED", null, null, List.of(e.reason()), actor, on, recordedAt, new StepDetails.Nothing());
        } else if (event instanceof ReminderSent e) {
            return new PlanPath.Step("REMINDER_SENT", null, null, null, actor, on, recordedAt,
                    new StepDetails.Reminded(e.kind().name(), e.chasedUnit(), e.deadline(), e.workingDaysLeft(), e.note()));
        } else if (event instanceof DeadlineMissed e) {
            return new PlanPath.Step("DEADLINE_MISSED", null, null, null, actor, on, recordedAt,
                    new StepDetails.Missed(e.chasedUnit(), e.deadline()));
        } else if (event instanceof ExtensionRequested e) {
            return new PlanPath.Step("EXTENSION_REQUESTED", null, null, List.of(e.reason()), actor, on, recordedAt,
                    new StepDetails.ExtensionAsked(e.currentDeadline(), e.requestedDeadline()));
        } else if (event instanceof ExtensionRejected e) {
            return new PlanPath.Step("EXTENSION_REJECTED", null, null, List.of(e.reason()), actor, on, recordedAt,
                    new StepDetails.ExtensionRefused(e.requestedDeadline()));
        } else if (event instanceof ExtensionRequestLapsed e) {
            return new PlanPath.Step("EXTENSION_LAPSED", null, null, null, actor, on, recordedAt,
                    new StepDetails.ExtensionLapsed(e.requestingUnit(), e.requestedDeadline(), e.why().name()));
        }
        throw new IllegalStateException("The plan path has no step for " + event.getClass().getSimpleName());
    }

    /** The level a meeting's steps name: the committee's meeting, not one leader. */
    private static final String MEETING = "Cuộc họp UBND";

    private static List<StepDetails.Point> points(List<RevisionPoint> points) {
        return points.stream().map(p -> new StepDetails.Point(p.id(), p.number(), p.text())).toList();
    }

    private static StepDetails.Decision decision(DecisionRef decision) {
        return decision == null ? null : new StepDetails.Decision(decision.number(), decision.date());
    }

    @ResetHandler
    void reset() {
        steps.drop();
        roles.drop();
    }

    /** What the step shows of a stored file (a draft's or the issued document's); null for one named by link or hash. */
    private static StepDetails.File file(DocumentFile file) {
        return file == null ? null
                : new StepDetails.File(file.mediaType(), file.size(), file.pageCount(), file.wordCount(), file.textLayer());
    }
}
