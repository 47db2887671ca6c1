package vn.docket.command.assignment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import vn.docket.command.assignment.AssignmentCommands.Approve;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.assignment.AssignmentCommands.Cancel;
import vn.docket.command.assignment.AssignmentCommands.DecideExtension;
import vn.docket.command.assignment.AssignmentCommands.ExtendDeadline;
import vn.docket.command.assignment.AssignmentCommands.Issue;
import vn.docket.command.assignment.AssignmentCommands.ListActions;
import vn.docket.command.assignment.AssignmentCommands.Reassign;
import vn.docket.command.assignment.AssignmentCommands.RecordMeetingConclusion;
import vn.docket.command.assignment.AssignmentCommands.RequestExtension;
import vn.docket.command.assignment.AssignmentCommands.RequestRevision;
import vn.docket.command.assignment.AssignmentCommands.SendReminder;
import vn.docket.command.assignment.AssignmentCommands.SubmitDraft;
import vn.docket.command.deadlines.DeadlineChaser.DeadlineDue;
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.Text;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.web.NotAllowed;
import vn.docket.platform.web.RuleBroken;
import vn.docket.platform.web.StateConflict;

/**
 * One assignment from a conclusion notice, from the moment it is assigned until its document is issued.
 * Command handlers check the rules and apply events; event-sourcing handlers only assign fields. Every
 * rule is judged on effective dates ({@link EffectiveDates}); the route, the draft's reference, extensions
 * and revision points have their rules in their own small types.
 *
 * <p>{@link #SHAPE} is the revision of this class's snapshot: change it whenever the fields change, so that
 * snapshots of the older shape are ignored ({@code AssignmentConfiguration#assignmentSnapshots}) and the
 * assignment is rebuilt from its events.
 */
@Aggregate(repository = "assignmentRepository", commandTargetResolver = "commandTargetResolver")
@Revision(Assignment.SHAPE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Assignment {

    static final String SHAPE = "2";

    @AggregateIdentifier
    private UUID id;
    private AssignmentStatus status;
    private String leadUnit;
    private LocalDate deadline;
    private ApprovalRoute route;
    private int version;
    private String draftSubmitter;
    private LocalDate lastEffectiveDate;
    private LocalDate approvedOn;
    /** Effective date of the draft now with the leaders; null while the unit holds the work. */
    private LocalDate handedInOn;
    /** The deadline Docket last reminded the unit of, and the one it last recorded as missed: each only once. */
    private LocalDate remindedFor;
    private LocalDate missedFor;
    /** Null unless an extension request awaits a leader's decision. */
    private PendingExtension pendingExtension;
    private RevisionPoints points = new RevisionPoints();
    @AggregateMember
    private AppliedRequests appliedRequests = new AppliedRequests();

    /** For Axon and for Jackson when reading a snapshot. */
    Assignment() {
    }

    @CommandHandler
    Assignment(AssignTask cmd, MetaData metaData, Clock clock, ApprovalLevels levels, DeadlineManager deadlines,
               DeadlineChaser chaser) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "assign tasks");
        LocalDate on = EffectiveDates.judge(cmd.effectiveDate(), null, clock);
        String title = required(cmd.title(), "title-required", "An assignment needs a title.");
        if (cmd.kind() == null) {
            throw new RuleBroken("kind-required", "An assignment needs a kind: PLAN, REPORT, SCHEME, PROGRAMME or OTHER.");
        }
        String lead = required(cmd.leadUnit(), "lead-unit-required", "An assignment needs a lead unit.");
        List<String> coordinators = Text.clean(cmd.coordinatingUnits());
        if (coordinators.contains(lead)) {
            throw new RuleBroken("lead-not-coordinator", "The lead unit cannot also be a coordinating unit.");
        }
        if (cmd.deadline() != null && cmd.deadline().isBefore(on)) {
            throw new RuleBroken("deadline-before-assignment",
                    "The deadline " + Dates.show(cmd.deadline()) + " is before the assignment took effect ("
                            + Dates.show(on) + ").");
        }
        ApprovalRoute route = ApprovalRoute.of(cmd.approvalRoute(), levels);
        if (cmd.assignmentId().equals(cmd.parentId())) {
            throw new RuleBroken("parent-is-self", "An assignment cannot be its own parent.");
        }
        apply(new TaskAssigned(cmd.assignmentId(), title, cmd.kind(), lead, coordinators, cmd.deadline(),
                route.levels(), cmd.source(), cmd.parentId(), on));
        chaser.arm(deadlines, cmd.deadline());
    }

    /**
     * A keyed request retried after a crash carries the command id of its first attempt: if that attempt's events
     * are stored, answer as it did (a draft's version) and apply nothing twice.
     */
    @CommandHandlerInterceptor
    Object onlyOnce(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        String commandId = (String) command.getMetaData().get(EventMetadata.COMMAND_ID);
        return appliedRequests.applied(commandId) ? appliedRequests.answerTo(commandId) : chain.proceed();
    }

    /**
     * The actions the sender may take now: each is listed exactly when its command would pass the sender's
     * authority and the assignment's state (the rest of a command's rules concern what the form says).
     */
    @CommandHandler
    List<Action> handle(ListActions query, MetaData metaData, ApprovalLevels levels) {
        Actor actor = EventMetadata.actorFrom(metaData);
        List<String> granted = EventMetadata.levelsFrom(metaData);
        boolean clerk = Authority.isClerk(actor);
        boolean open = status.isOpen();
        List<Action> actions = new ArrayList<>();
        if (clerk && status.isWithUnit()) {
            actions.add(Action.REMIND);
        }
        if (actor.role().isLeader() && open && pendingExtension != null) {
            actions.add(Action.DECIDE_EXTENSION);
        }
        if (Authority.actsFor(actor, leadUnit) && status.isWithUnit()) {
            actions.add(Action.HAND_IN);
        }
        if (status == AssignmentStatus.DRAFT_SUBMITTED && levels.mayActAt(route.nextLevel(), actor, granted)) {
            actions.add(Action.SEND_BACK);
            if (!actor.id().equals(draftSubmitter)) {
                actions.add(Action.APPROVE);
            }
        }
        if (Authority.actsFor(actor, leadUnit) && open && pendingExtension == null && deadline != null) {
            actions.add(Action.REQUEST_EXTENSION);
        }
        if (clerk && status == AssignmentStatus.APPROVED) {
            actions.add(Action.ISSUE);
        }
        if (clerk && open) {
            actions.add(Action.EXTEND);
            actions.add(Action.REASSIGN);
        }
        if (clerk && !closed()) {
            actions.add(Action.CANCEL);
        }
        return actions;
    }

    @CommandHandler
    int handle(SubmitDraft cmd, MetaData metaData, Clock clock, RevisionPointSettings pointSettings) {
        Authority.requireActingFor(EventMetadata.actorFrom(metaData), leadUnit, "submit drafts for this assignment");
        requireOpen("submit a draft");
        if (status == AssignmentStatus.DRAFT_SUBMITTED) {
            throw new StateConflict("draft-awaiting-review",
                    "Draft v" + version + " is still awaiting review; a new draft can follow a revision request.");
        }
        LocalDate on = effectiveDate(cmd.effectiveDate(), clock);
        DocumentReference document = DocumentReference.of(cmd.documentName(), cmd.documentSha256(), cmd.documentUrl());
        List<PointAnswer> answers = points.checkedAnswers(cmd.answers(), pointSettings.answersRequired());
        int next = version + 1;
        apply(new DraftSubmitted(id, next, document.name(), document.sha256(), document.url(), Text.clean(cmd.note()),
                on, cmd.file()));
        if (!answers.isEmpty()) {
            apply(new RevisionPointsAnswered(id, next, answers, on));
        }
        return next;
    }

    @CommandHandler
    void handle(RecordMeetingConclusion cmd, MetaData metaData, Clock clock) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "record a meeting's conclusions");
        if (status != AssignmentStatus.ASSIGNED || version > 0) {
            throw new StateConflict("meeting-already-recorded",
                    "The meeting's conclusion can only open an assignment's history, before any draft.");
        }
        if (cmd.verdict() == null) {
            throw new RuleBroken("verdict-required", "Say what the chair concluded: APPROVED_IN_PRINCIPLE or REVISION_REQUIRED.");
        }
        if (cmd.notice() == null || cmd.notice().date() == null) {
            throw new RuleBroken("notice-required", "A meeting's conclusion is recorded citing its notice (number and date).");
        }
        List<String> requirements = Text.clean(cmd.requirements());
        if (cmd.verdict() == MeetingVerdict.REVISION_REQUIRED && requirements.isEmpty()) {
            throw new RuleBroken("requirements-required", "A revision required at the meeting needs the things to revise.");
        }
        LocalDate on = effectiveDate(cmd.meetingOn(), clock);
        String presenter = Text.clean(cmd.presentedBy());
        apply(new DraftSubmitted(id, 1, "Dự thảo trình tại cuộc họp ngày " + Dates.show(on), null, null,
                presenter == null ? null : presenter + " trình", on));
        apply(new MeetingConcluded(id, 1, cmd.verdict(), requirements, Text.clean(cmd.chair()), cmd.notice(), on));
    }

    @CommandHandler
    void handle(RequestRevision cmd, MetaData metaData, Clock clock, ApprovalLevels levels, DeadlineManager deadlines,
                DeadlineChaser chaser) {
        String level = judgingLevel(cmd.draftVersion(), metaData, levels, "request a revision");
        LocalDate on = effectiveDate(cmd.effectiveDate(), clock);
        List<String> reasons = Text.clean(cmd.reasons());
        List<String> reopened = points.reopenable(cmd.reopenedPoints());
        if (reasons.isEmpty() && reopened.isEmpty()) {
            throw new RuleBroken("reasons-required",
                    "A revision request needs at least one thing to revise or add, or a point to reopen.");
        }
        if (cmd.dueDate() != null && cmd.dueDate().isBefore(on)) {
            throw new RuleBroken("due-date-before-request", "The due date is before the revision request.");
        }
        LocalDate before = deadline;
        apply(new RevisionRequested(id, version, level, RevisionPoint.numbered(version, reasons), reopened,
                ApprovalPolicy.citedDecision(cmd.decisionRef(), level, levels, on), cmd.dueDate(), on));
        // The work is back with the unit: what was armed for an unchanged deadline chases it again.
        if (!Objects.equals(before, deadline)) {
            chaser.arm(deadlines, deadline);
        }
    }

    @CommandHandler
    void handle(Approve cmd, MetaData metaData, Clock clock, ApprovalLevels levels) {
        String level = judgingLevel(cmd.draftVersion(), metaData, levels, "approve");
        if (EventMetadata.actorFrom(metaData).id().equals(draftSubmitter)) {
            throw new NotAllowed("own-draft", "Nobody may approve a draft they submitted themselves.");
        }
        LocalDate on = effectiveDate(cmd.effectiveDate(), clock);
        boolean last = route.nextIsLast();
        apply(new DraftApproved(id, version, level, last, Text.clean(cmd.note()),
                ApprovalPolicy.citedDecision(cmd.decisionRef(), level, levels, on), on));
    }

    @CommandHandler
    void handle(Issue cmd, MetaData metaData, Clock clock) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "record issuance");
        if (status != AssignmentStatus.APPROVED) {
            throw new StateConflict("not-approved", status == AssignmentStatus.ISSUED
                    ? "This assignment's document was already issued."
                    : "Only an approved assignment can be issued; it is " + status + ".");
        }
        String number = required(cmd.documentNumber(), "document-number-required", "Issuance needs the document's number.");
        if (cmd.issuedOn() == null) {
            throw new RuleBroken("issued-on-required", "Issuance needs the date the document was issued.");
        }
        LocalDate on = effectiveDate(cmd.issuedOn(), clock);
        if (on.isBefore(approvedOn)) {
            throw new RuleBroken("issued-before-approval", "The document cannot be issued before it was approved ("
                    + Dates.show(approvedOn) + ").");
        }
        apply(new DocumentIssued(id, number, on, cmd.documentName(), cmd.documentSha256(), cmd.file()));
    }

    @CommandHandler
    void handle(ExtendDeadline cmd, MetaData metaData, Clock clock, DeadlineManager deadlines, DeadlineChaser chaser) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "extend deadlines");
        requireOpen("extend the deadline");
        LocalDate on = effectiveDate(cmd.effectiveDate(), clock);
        LocalDate granted = ExtensionPolicy.granted(cmd.newDeadline(), deadline, on);
        String reason = required(cmd.reason(), "reason-required", "An extension needs a reason.");
        apply(new DeadlineExtended(id, deadline, granted, reason, on));
        chaser.arm(deadlines, deadline);
    }

    @CommandHandler
    void handle(RequestExtension cmd, MetaData metaData, Clock clock) {
        Authority.requireActingFor(EventMetadata.actorFrom(metaData), leadUnit, "request an extension for this assignment");
        requireOpen("request an extension");
        if (pendingExtension != null) {
            throw new StateConflict("extension-pending", "An extension to " + Dates.show(pendingExtension.asked())
                    + " is already awaiting a leader's decision.");
        }
        if (deadline == null) {
            throw new RuleBroken("no-deadline", "This assignment has no deadline to extend.");
        }
        LocalDate on = effectiveDate(cmd.effectiveDate(), clock);
        LocalDate asked = ExtensionPolicy.asked(cmd.newDeadline(), deadline);
        String reason = required(cmd.reason(), "reason-required", "An extension request needs a reason.");
        apply(new ExtensionRequested(id, deadline, asked, reason, on));
    }

    @CommandHandler
    void handle(DecideExtension cmd, MetaData metaData, Clock clock, DeadlineManager deadlines, DeadlineChaser chaser) {
        Authority.requireLeader(EventMetadata.actorFrom(metaData), "decide on an extension request");
        requireOpen("decide on an extension");
        if (pendingExtension == null) {
            throw new StateConflict("no-extension-request", "No extension request is awaiting a decision.");
        }
        if (cmd.approve() == null) {
            throw new RuleBroken("decision-required", "Say whether the extension is approved (approve: true or false).");
        }
        LocalDate on = effectiveDate(cmd.effectiveDate(), clock);
        if (cmd.approve()) {
            LocalDate granted = ExtensionPolicy.granted(
                    cmd.newDeadline() != null ? cmd.newDeadline() : pendingExtension.asked(), deadline, on);
            String reason = Text.clean(cmd.reason());
            apply(new DeadlineExtended(id, deadline, granted, reason != null ? reason : pendingExtension.reason(), on));
            chaser.arm(deadlines, deadline);
        } else {
            String reason = required(cmd.reason(), "rejection-reason-required", "A rejection needs a reason.");
            apply(new ExtensionRejected(id, pendingExtension.asked(), reason, on));
        }
    }

    @CommandHandler
    void handle(Reassign cmd, MetaData metaData, Clock clock) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "reassign tasks");
        requireOpen("reassign");
        LocalDate on = effectiveDate(cmd.effectiveDate(), clock);
        String lead = required(cmd.leadUnit(), "lead-unit-required", "Reassignment needs the new lead unit.");
        if (lead.equals(leadUnit)) {
            throw new RuleBroken("same-lead-unit", lead + " already leads this assignment.");
        }
        String reason = required(cmd.reason(), "reason-required", "A reassignment needs a reason.");
        apply(new TaskReassigned(id, leadUnit, lead, reason, on));
    }

    @CommandHandler
    void handle(Cancel cmd, MetaData metaData, Clock clock) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "cancel tasks");
        if (closed()) {
            throw new StateConflict("already-closed", "This assignment is already " + status + ".");
        }
        LocalDate on = effectiveDate(cmd.effectiveDate(), clock);
        String reason = required(cmd.reason(), "reason-required", "A cancellation needs a reason.");
        apply(new TaskCancelled(id, reason, on));
    }

    // ---- chasing the deadline (đôn đốc) ----

    @CommandHandler
    void handle(SendReminder cmd, MetaData metaData, DeadlineChaser chaser) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "send reminders");
        requireOpen("send a reminder");
        if (!status.isWithUnit()) {
            throw new StateConflict("nothing-to-chase", "Draft v" + version
                    + " is with the leadership for review: " + leadUnit + " has nothing to hand in now.");
        }
        LocalDate today = chaser.today();
        apply(new ReminderSent(id, leadUnit, ReminderSent.Kind.MANUAL, deadline,
                deadline == null ? null : chaser.workingDaysLeft(today, deadline), Text.clean(cmd.note()), today));
    }

    /**
     * Delivered by the deadline manager, possibly late (after a restart) or twice (after a crash): it acts only
     * if the deadline it was armed for is still the deadline, the unit still holds the work, and it has not
     * reminded the unit of this deadline yet.
     */
    @DeadlineHandler(deadlineName = DeadlineChaser.REMINDER)
    void remind(DeadlineDue due, DeadlineChaser chaser) {
        LocalDate today = chaser.today();
        if (!status.isWithUnit() || !due.deadline().equals(deadline) || deadline.equals(remindedFor)
                || today.isAfter(deadline)) {
            return;
        }
        apply(new ReminderSent(id, leadUnit, ReminderSent.Kind.BEFORE_DEADLINE, deadline,
                chaser.workingDaysLeft(today, deadline), null, today));
    }

    /** The deadline passed: missed if the unit still holds the work or handed in its draft late. */
    @DeadlineHandler(deadlineName = DeadlineChaser.MISSED)
    void missed(DeadlineDue due, DeadlineChaser chaser) {
        if (!status.isOpen() || !due.deadline().equals(deadline) || deadline.equals(missedFor)) {
            return;
        }
        if (status.isWithUnit() || handedInOn.isAfter(deadline)) {
            LocalDate firstDayPast = deadline.plusDays(1);
            LocalDate today = chaser.today();
            apply(new DeadlineMissed(id, leadUnit, deadline, today.isBefore(firstDayPast) ? today : firstDayPast));
        }
    }

    // ---- event sourcing: assignment only ----

    @EventSourcingHandler
    void on(TaskAssigned e) {
        id = e.assignmentId();
        status = AssignmentStatus.ASSIGNED;
        leadUnit = e.leadUnit();
        deadline = e.deadline();
        route = new ApprovalRoute(List.copyOf(e.approvalRoute()), 0);
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(DraftSubmitted e, @MetaDataValue(EventMetadata.ACTOR_ID) String actorId) {
        status = AssignmentStatus.DRAFT_SUBMITTED;
        version = e.version();
        draftSubmitter = actorId;
        route = route.restarted();
        handedInOn = e.effectiveDate();
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(RevisionRequested e) {
        points.raised(e.points().stream().map(RevisionPoint::id).toList());
        points.reopened(e.reopenedPoints());
        status = AssignmentStatus.REVISION_REQUESTED;
        handedInOn = null;
        if (e.dueDate() != null) {
            deadline = e.dueDate();
        }
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(MeetingConcluded e) {
        // Like a revision request: the presented draft went back to the unit, its requirements the points to answer.
        if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
            points.raised(RevisionPoint.numbered(e.version(), e.requirements()).stream().map(RevisionPoint::id).toList());
        }
        status = AssignmentStatus.REVISION_REQUESTED;
        handedInOn = null;
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(RevisionPointsAnswered e) {
        points.answered(e.answers());
    }

    @EventSourcingHandler
    void on(DraftApproved e) {
        route = route.passed();
        if (e.finalApproval()) {
            status = AssignmentStatus.APPROVED;
            approvedOn = e.effectiveDate();
        }
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(DocumentIssued e) {
        status = AssignmentStatus.ISSUED;
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(DeadlineExtended e) {
        deadline = e.newDeadline();
        // Any extension settles a pending request, whether a leader approved it or a clerk extended directly.
        pendingExtension = null;
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(TaskReassigned e) {
        leadUnit = e.newLeadUnit();
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(TaskCancelled e) {
        status = AssignmentStatus.CANCELLED;
        lastEffectiveDate = e.effectiveDate();
    }

    // Reminders and missed deadlines are recorded "today" by Docket; they must not stop a clerk from
    // recording, afterwards, a step that happened earlier, so they leave lastEffectiveDate alone.

    @EventSourcingHandler
    void on(ReminderSent e) {
        if (e.kind() == ReminderSent.Kind.BEFORE_DEADLINE) {
            remindedFor = e.deadline();
        }
    }

    @EventSourcingHandler
    void on(DeadlineMissed e) {
        missedFor = e.deadline();
    }

    @EventSourcingHandler
    void on(ExtensionRequested e) {
        pendingExtension = new PendingExtension(e.requestedDeadline(), e.reason());
        lastEffectiveDate = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(ExtensionRejected e) {
        pendingExtension = null;
        lastEffectiveDate = e.effectiveDate();
    }

    // ---- rules shared by several commands ----

    private boolean closed() {
        return status == AssignmentStatus.CANCELLED || status == AssignmentStatus.ISSUED;
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new StateConflict("assignment-closed",
                    "Cannot " + action + ": this assignment is " + status + ".");
        }
    }

    /**
     * The level that judges the draft awaiting review, once the sender may act there. A leader judges the version
     * they read: naming another than the one awaiting review writes nothing.
     */
    private String judgingLevel(Integer judged, MetaData metaData, ApprovalLevels levels, String action) {
        if (status != AssignmentStatus.DRAFT_SUBMITTED) {
            throw new StateConflict("no-draft-awaiting-review",
                    "Cannot " + action + ": no draft is awaiting review (the assignment is " + status + ").");
        }
        if (judged != null && judged != version) {
            throw new StateConflict("stale-draft", "You judged draft v" + judged + ", but the current draft is v"
                    + version + ": open v" + version + " and judge it instead.", "/api/assignments/" + id);
        }
        String level = route.nextLevel();
        Authority.requireLevel(EventMetadata.actorFrom(metaData), EventMetadata.levelsFrom(metaData), level, levels);
        return level;
    }

    private LocalDate effectiveDate(LocalDate requested, Clock clock) {
        return EffectiveDates.judge(requested, lastEffectiveDate, clock);
    }

    private static String required(String value, String rule, String message) {
        String clean = Text.clean(value);
        if (clean == null) {
            throw new RuleBroken(rule, message);
        }
        return clean;
    }
}
