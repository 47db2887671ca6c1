package vn.docket.query.assignments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.NoticeSource;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModels;

/**
 * Keeps one document per assignment with what the list and the detail show. The list's filters, sort and counts
 * are answered by {@link AssignmentIndex} in memory; pages read these documents by id only.
 */
@Component
@ProcessingGroup(AssignmentListProjection.NAME)
class AssignmentListProjection {

    static final String NAME = "assignment-list";
    static final String COLLECTION = "assignments";

    private final MongoCollection<Document> assignments;

    AssignmentListProjection(MongoDatabase database) {
        this.assignments = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(TaskAssigned e, @SequenceNumber long seq) {
        NoticeSource from = e.source();
        // The registered notice's id too when there is one, so that the page can link to it.
        AssignmentRecord.Source source = from == null ? null : new AssignmentRecord.Source(from.notice(), from.item(),
                from.noticeId() == null ? null : from.noticeId().toString());
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, AssignmentRecord::read,
                none -> new AssignmentRecord(e.assignmentId().toString(), e.title(), e.kind().name(),
                        AssignmentStatus.ASSIGNED, e.leadUnit(), e.coordinatingUnits(), e.deadline(), e.deadline(), 0,
                        e.approvalRoute(), List.of(), e.parentId() == null ? null : e.parentId().toString(), source,
                        e.effectiveDate(), null, null, null, null, null, null, 0, null, null, null));
    }

    @EventHandler
    void on(DraftSubmitted e, @SequenceNumber long seq) {
        apply(e, seq, a -> {
            a.status = AssignmentStatus.DRAFT_SUBMITTED;
            a.currentVersion = e.version();
            a.approvedLevels = List.of();
            a.handedInOn = e.effectiveDate();
        });
    }

    @EventHandler
    void on(RevisionRequested e, @SequenceNumber long seq) {
        apply(e, seq, a -> {
            a.status = AssignmentStatus.REVISION_REQUESTED;
            a.handedInOn = null;
            if (e.dueDate() != null) {
                a.deadline = e.dueDate();
                a.firstDeadline(e.dueDate());
            }
        });
    }

    /** Either verdict sends the draft back to the unit, to revise or to finalise. */
    @EventHandler
    void on(MeetingConcluded e, @SequenceNumber long seq) {
        apply(e, seq, a -> {
            a.status = AssignmentStatus.REVISION_REQUESTED;
            a.handedInOn = null;
            a.meetingVerdict = e.verdict().name();
        });
    }

    @EventHandler
    void on(DraftApproved e, @SequenceNumber long seq) {
        apply(e, seq, a -> {
            List<String> approved = new ArrayList<>(a.approvedLevels);
            approved.add(e.level());
            a.approvedLevels = approved;
            if (e.finalApproval()) {
                a.status = AssignmentStatus.APPROVED;
                a.approvedOn = e.effectiveDate();
            }
        });
    }

    @EventHandler
    void on(DocumentIssued e, @SequenceNumber long seq) {
        apply(e, seq, a -> {
            a.status = AssignmentStatus.ISSUED;
            a.documentNumber = e.documentNumber();
            a.issuedOn = e.effectiveDate();
        });
    }

    @EventHandler
    void on(DeadlineExtended e, @SequenceNumber long seq) {
        apply(e, seq, a -> {
            a.deadline = e.newDeadline();
            a.firstDeadline(e.newDeadline());
            a.pendingExtension = null; // any extension settles a pending request
        });
    }

    @EventHandler
    void on(TaskReassigned e, @SequenceNumber long seq) {
        apply(e, seq, a -> a.leadUnit = e.newLeadUnit());
    }

    @EventHandler
    void on(TaskCancelled e, @SequenceNumber long seq) {
        apply(e, seq, a -> {
            a.status = AssignmentStatus.CANCELLED;
            a.cancelledOn = e.effectiveDate();
        });
    }

    @EventHandler
    void on(ReminderSent e, @SequenceNumber long seq, @Timestamp Instant recordedAt, MetaData metaData) {
        apply(e, seq, a -> {
            a.reminders++;
            a.lastReminder = new AssignmentRecord.Reminder(e.kind().name(), e.chasedUnit(), ActorRef.of(metaData),
                    Date.from(recordedAt), e.note());
        });
    }

    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber long seq) {
        apply(e, seq, a -> a.missedDeadline = e.deadline());
    }

    @EventHandler
    void on(ExtensionRequested e, @SequenceNumber long seq, MetaData metaData) {
        apply(e, seq, a -> a.pendingExtension = new AssignmentRecord.Extension(e.requestedDeadline(), e.reason(),
                e.effectiveDate(), ActorRef.of(metaData)));
    }

    @EventHandler
    void on(ExtensionRejected e, @SequenceNumber long seq) {
        apply(e, seq, a -> a.pendingExtension = null);
    }

    @EventHandler
    void on(ExtensionRequestLapsed e, @SequenceNumber long seq) {
        apply(e, seq, a -> a.pendingExtension = null);
    }

    /** Applies a later event of the assignment: {@code change} sets what the event changes. */
    private void apply(AssignmentEvent e, long seq, Consumer<AssignmentRecord.Changes> change) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, AssignmentRecord::read, a -> a.with(change));
    }

    @ResetHandler
    void reset() {
        assignments.drop();
    }
}
