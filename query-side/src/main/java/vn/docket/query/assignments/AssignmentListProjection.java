package vn.docket.query.assignments;

import static vn.docket.query.support.ReadModels.iso;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
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
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.NoticeSource;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.query.support.EventActors;
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
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("title", e.title());
            doc.put("kind", e.kind().name());
            doc.put("status", AssignmentStatus.ASSIGNED.name());
            doc.put("leadUnit", e.leadUnit());
            doc.put("coordinatingUnits", e.coordinatingUnits());
            doc.put("deadline", iso(e.deadline()));
            doc.put("originalDeadline", iso(e.deadline()));
            doc.put("currentVersion", 0);
            doc.put("approvalRoute", e.approvalRoute());
            doc.put("approvedLevels", List.of());
            doc.put("parentId", e.parentId() == null ? null : e.parentId().toString());
            doc.put("source", e.source() == null ? null : source(e.source()));
            doc.put("assignedOn", iso(e.effectiveDate()));
            doc.put("handedInOn", null);
        });
    }

    @EventHandler
    void on(DraftSubmitted e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("status", AssignmentStatus.DRAFT_SUBMITTED.name());
            doc.put("currentVersion", e.version());
            doc.put("approvedLevels", List.of());
            doc.put("handedInOn", iso(e.effectiveDate()));
        });
    }

    @EventHandler
    void on(RevisionRequested e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("status", AssignmentStatus.REVISION_REQUESTED.name());
            doc.put("handedInOn", null);
            if (e.dueDate() != null) {
                doc.put("deadline", iso(e.dueDate()));
            }
        });
    }

    /** Either verdict sends the draft back to the unit, to revise or to finalise. */
    @EventHandler
    void on(MeetingConcluded e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("status", AssignmentStatus.REVISION_REQUESTED.name());
            doc.put("handedInOn", null);
            doc.put("meetingVerdict", e.verdict().name());
        });
    }

    @EventHandler
    void on(DraftApproved e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            List<String> approved = new ArrayList<>(doc.getList("approvedLevels", String.class));
            approved.add(e.level());
            doc.put("approvedLevels", approved);
            if (e.finalApproval()) {
                doc.put("status", AssignmentStatus.APPROVED.name());
                doc.put("approvedOn", iso(e.effectiveDate()));
            }
        });
    }

    @EventHandler
    void on(DocumentIssued e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("status", AssignmentStatus.ISSUED.name());
            doc.put("documentNumber", e.documentNumber());
            doc.put("issuedOn", iso(e.effectiveDate()));
        });
    }

    @EventHandler
    void on(DeadlineExtended e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("deadline", iso(e.newDeadline()));
            doc.put("pendingExtension", null); // any extension settles a pending request
        });
    }

    @EventHandler
    void on(TaskReassigned e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("leadUnit", e.newLeadUnit());
        });
    }

    @EventHandler
    void on(TaskCancelled e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("status", AssignmentStatus.CANCELLED.name());
            doc.put("cancelledOn", iso(e.effectiveDate()));
        });
    }

    @EventHandler
    void on(ReminderSent e, @SequenceNumber long seq, @Timestamp Instant recordedAt, MetaData metaData) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> {
            doc.put("reminders", doc.getInteger("reminders", 0) + 1);
            doc.put("lastReminder", new Document("kind", e.kind().name()).append("chasedUnit", e.chasedUnit())
                    .append("by", EventActors.of(metaData)).append("recordedAt", Date.from(recordedAt))
                    .append("note", e.note()));
        });
    }

    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq,
                doc -> doc.put("missedDeadline", iso(e.deadline())));
    }

    @EventHandler
    void on(ExtensionRequested e, @SequenceNumber long seq, MetaData metaData) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> doc.put("pendingExtension",
                new Document("newDeadline", iso(e.requestedDeadline())).append("reason", e.reason())
                        .append("requestedOn", iso(e.effectiveDate())).append("by", EventActors.of(metaData))));
    }

    @EventHandler
    void on(ExtensionRejected e, @SequenceNumber long seq) {
        ReadModels.apply(assignments, e.assignmentId().toString(), seq, doc -> doc.put("pendingExtension", null));
    }

    @ResetHandler
    void reset() {
        assignments.drop();
    }

    /** The notice and item; the registered notice's id too when there is one, so the page can link to it. */
    private static Document source(NoticeSource source) {
        Document doc = new Document("notice", source.notice()).append("item", source.item());
        if (source.noticeId() != null) {
            doc.append("noticeId", source.noticeId().toString());
        }
        return doc;
    }
}
