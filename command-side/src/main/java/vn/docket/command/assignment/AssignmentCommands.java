package vn.docket.command.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.docket.events.DecisionRef;
import vn.docket.events.DeliverableKind;
import vn.docket.events.DocumentFile;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NoticeSource;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;

/**
 * The commands an assignment accepts. Each may carry the date it took effect (a clerk recording a paper
 * draft handed in days ago); null means today.
 */
public final class AssignmentCommands {

    private AssignmentCommands() {
    }

    /** {@code requirements}: what a notice's item asks of the unit when it gives a task (none for a judged draft). */
    public record AssignTask(UUID assignmentId, String title, DeliverableKind kind, String leadUnit,
                             List<String> coordinatingUnits, LocalDate deadline, List<String> approvalRoute,
                             NoticeSource source, UUID parentId, LocalDate effectiveDate, List<String> requirements) {

        /** Work handed out outside a notice's items, which states no requirements apart from its title. */
        public AssignTask(UUID assignmentId, String title, DeliverableKind kind, String leadUnit,
                          List<String> coordinatingUnits, LocalDate deadline, List<String> approvalRoute,
                          NoticeSource source, UUID parentId, LocalDate effectiveDate) {
            this(assignmentId, title, kind, leadUnit, coordinatingUnits, deadline, approvalRoute, source, parentId,
                    effectiveDate, List.of());
        }
    }

    /**
     * {@code answers}: the unit's answer to open revision points (none, or each of them where required);
     * {@code file}: what Docket stored when the draft came as a file (its SHA-256 is documentSha256); else null.
     */
    public record SubmitDraft(@TargetAggregateIdentifier UUID assignmentId, String documentName,
                              String documentSha256, String documentUrl, String note, LocalDate effectiveDate,
                              List<PointAnswer> answers, DocumentFile file) {

        public SubmitDraft(UUID assignmentId, String documentName, String documentSha256, String documentUrl,
                           String note, LocalDate effectiveDate) {
            this(assignmentId, documentName, documentSha256, documentUrl, note, effectiveDate, List.of(), null);
        }

        public SubmitDraft(UUID assignmentId, String documentName, String documentSha256, String documentUrl,
                           String note, LocalDate effectiveDate, List<PointAnswer> answers) {
            this(assignmentId, documentName, documentSha256, documentUrl, note, effectiveDate, answers, null);
        }

        public SubmitDraft(UUID assignmentId, String documentName, String documentSha256, String documentUrl,
                           String note, LocalDate effectiveDate, DocumentFile file) {
            this(assignmentId, documentName, documentSha256, documentUrl, note, effectiveDate, List.of(), file);
        }
    }

    /**
     * {@code reasons} become new points; {@code reopenedPoints} names answered points that did not satisfy;
     * {@code draftVersion} is the version judged (null: the current one); {@code decisionRef} cites an outside
     * body's decision; {@code level} is the level the leader judged at (null: the one awaiting).
     */
    public record RequestRevision(@TargetAggregateIdentifier UUID assignmentId, List<String> reasons,
                                  LocalDate dueDate, LocalDate effectiveDate, List<String> reopenedPoints,
                                  Integer draftVersion, DecisionRef decisionRef, String level) {

        public RequestRevision(UUID assignmentId, List<String> reasons, LocalDate dueDate, LocalDate effectiveDate,
                               List<String> reopenedPoints, Integer draftVersion, DecisionRef decisionRef) {
            this(assignmentId, reasons, dueDate, effectiveDate, reopenedPoints, draftVersion, decisionRef, null);
        }

        public RequestRevision(UUID assignmentId, List<String> reasons, LocalDate dueDate, LocalDate effectiveDate) {
            this(assignmentId, reasons, dueDate, effectiveDate, List.of(), null, null, null);
        }
    }

    /**
     * {@code draftVersion}: the version judged; null judges the current one. {@code level}: the level the leader
     * judged at; null: the one awaiting.
     */
    public record Approve(@TargetAggregateIdentifier UUID assignmentId, String note, DecisionRef decisionRef,
                          LocalDate effectiveDate, Integer draftVersion, String level) {

        public Approve(UUID assignmentId, String note, DecisionRef decisionRef, LocalDate effectiveDate,
                       Integer draftVersion) {
            this(assignmentId, note, decisionRef, effectiveDate, draftVersion, null);
        }

        public Approve(UUID assignmentId, String note, DecisionRef decisionRef, LocalDate effectiveDate) {
            this(assignmentId, note, decisionRef, effectiveDate, null, null);
        }
    }

    /** {@code file} with its name and SHA-256 when the issued document was uploaded; all null for a number only. */
    public record Issue(@TargetAggregateIdentifier UUID assignmentId, String documentNumber, LocalDate issuedOn,
                        String documentName, String documentSha256, DocumentFile file) {

        public Issue(UUID assignmentId, String documentNumber, LocalDate issuedOn) {
            this(assignmentId, documentNumber, issuedOn, null, null, null);
        }
    }

    public record ExtendDeadline(@TargetAggregateIdentifier UUID assignmentId, LocalDate newDeadline, String reason,
                                 LocalDate effectiveDate) {
    }

    public record Reassign(@TargetAggregateIdentifier UUID assignmentId, String leadUnit, String reason,
                           LocalDate effectiveDate) {
    }

    /**
     * Records what the chair concluded at the meeting about the draft the unit presented there, as the
     * conclusion notice states it: the presented draft becomes version 1 and the conclusion sends it back
     * to the unit with its requirements.
     */
    public record RecordMeetingConclusion(@TargetAggregateIdentifier UUID assignmentId, String presentedBy,
                                          MeetingVerdict verdict, List<String> requirements, String chair,
                                          DecisionRef notice, LocalDate meetingOn) {
    }

    public record Cancel(@TargetAggregateIdentifier UUID assignmentId, String reason, LocalDate effectiveDate) {
    }

    /** Đôn đốc by hand: a clerk chases the lead unit, with an optional note. */
    public record SendReminder(@TargetAggregateIdentifier UUID assignmentId, String note) {
    }

    /** The lead unit asks for a later deadline (gia hạn), with its reason. */
    public record RequestExtension(@TargetAggregateIdentifier UUID assignmentId, LocalDate newDeadline, String reason,
                                   LocalDate effectiveDate) {
    }

    /**
     * A leader's answer to the pending extension request. Approving may grant a different date than asked
     * ({@code newDeadline}; null grants the date asked for); rejecting needs a reason.
     */
    public record DecideExtension(@TargetAggregateIdentifier UUID assignmentId, Boolean approve, LocalDate newDeadline,
                                  String reason, LocalDate effectiveDate) {
    }

    /**
     * Asks the assignment which {@link Action}s the sender may take now; changes nothing. The assignment answers
     * from the state and rules its commands are judged by, so the page offers what the commands will accept.
     */
    public record ListActions(@TargetAggregateIdentifier UUID assignmentId) {
    }
}
