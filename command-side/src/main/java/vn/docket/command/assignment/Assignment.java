package vn.docket.command.assignment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
import org.axonframework.modelling.command.AggregateLifecycle;
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
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.command.deadlines.DeadlineChaser.DeadlineDue;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DecisionRef;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.Text;
import vn.docket.platform.approval.ApprovalLevels;

/**
 * One assignment from a conclusion notice, from the moment it is assigned until its document is issued: where
 * it stands, who leads it, and its draft on the approval route. Who may take which action in which state is
 * {@link Standing}; the rest of the rules live in the parts they concern: {@link AssignmentTerms},
 * {@link EffectiveDates}, {@link Deadline} (extensions and the chase), {@link ApprovalRoute},
 * {@link ApprovalPolicy}, {@link DocumentReference}, {@link MeetingConclusion}, {@link RevisionPoints},
 * {@link Issuance} and {@link Authority}.
 *
 * <p>{@link #SHAPE} is the revision of this class's snapshot: change it whenever the fields change (its
 * entities' included), so that snapshots of the older shape are ignored
 * ({@code AssignmentConfiguration#assignmentSnapshots}) and the assignment is rebuilt from its events.
 */
@Aggregate(repository = "assignmentRepository", commandTargetResolver = "commandTargetResolver")
@Revision(Assignment.SHAPE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Assignment {

    static final String SHAPE = "6";

    @AggregateIdentifier
    private UUID id;
    private AssignmentStatus status;
    private String leadUnit;
    private ApprovalRoute route;
    private int version;
    private String draftSubmitter;
    private UUID partOf;
    private LocalDate approvedOn;
    /** The day the current draft came before the level that judges it now: handed in, or approved at the one below. */
    private LocalDate reachedLevelOn;
    @AggregateMember
    private EffectiveDates dates = new EffectiveDates();
    @AggregateMember
    private Deadline deadline = new Deadline();
    @AggregateMember
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
        apply(AssignmentTerms.assigned(cmd, dates.judge(cmd.effectiveDate(), clock), levels));
        // Axon applies a constructor's events once it returns, so the Deadline entity cannot arm the chase yet.
        chaser.arm(deadlines, cmd.deadline());
    }

    /** A keyed request retried after a crash is answered as its first attempt was, if that one's events are stored. */
    @CommandHandlerInterceptor
    Object onlyOnce(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        return appliedRequests.answer(command, chain);
    }

    /** The actions the sender may take now: exactly those whose command would pass {@link Standing#check}. */
    @CommandHandler
    List<Action> handle(ListActions query, MetaData metaData, ApprovalLevels levels, LeadUnits leads) {
        return standing(leads).allowed(EventMetadata.actorFrom(metaData), EventMetadata.levelsFrom(metaData), levels);
    }

    @CommandHandler
    int handle(SubmitDraft cmd, MetaData metaData, Clock clock, RevisionPointSettings pointSettings) {
        allow(Action.HAND_IN, metaData);
        LocalDate on = dates.judge(cmd.effectiveDate(), clock);
        DocumentReference document = DocumentReference.of(cmd.documentName(), cmd.documentSha256(), cmd.documentUrl());
        int next = version + 1;
        Optional<RevisionPointsAnswered> answered = points.answered(id, next, cmd.answers(),
                pointSettings.answersRequired(), on);
        apply(new DraftSubmitted(id, next, document.name(), document.sha256(), document.url(), Text.clean(cmd.note()),
                on, cmd.file()));
        answered.ifPresent(AggregateLifecycle::apply);
        return next;
    }

    @CommandHandler
    void handle(RecordMeetingConclusion cmd, MetaData metaData, Clock clock) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "record a meeting's conclusions");
        standing(null).requireNoDraftYet();
        MeetingConclusion.of(cmd).recorded(id, dates.judge(cmd.meetingOn(), clock)).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(RequestRevision cmd, MetaData metaData, Clock clock, ApprovalLevels levels, DeadlineManager deadlines,
                DeadlineChaser chaser, LeadUnits leads) {
        Standing standing = standing(leads);
        standing.check(Action.SEND_BACK, EventMetadata.actorFrom(metaData), EventMetadata.levelsFrom(metaData), levels,
                cmd.draftVersion());
        standing.requireAwaiting(cmd.level());
        String level = route.nextLevel();
        LocalDate asked = judgedOn(cmd.effectiveDate(), cmd.decisionRef(), level, levels);
        DecisionRef cited = ApprovalPolicy.citedDecision(cmd.decisionRef(), level, levels,
                asked == null ? LocalDate.now(clock) : asked, reachedLevelOn);
        LocalDate on = dates.judge(asked, clock);
        List<String> reopened = points.reopenable(cmd.reopenedPoints());
        List<RevisionPoint> raised = points.raised(cmd.reasons(), reopened, version);
        boolean moved = deadline.isMovedBy(cmd.dueDate(), on);
        apply(new RevisionRequested(id, version, level, raised, reopened,
                cited, cmd.dueDate(), on));
        deadline.lapsedByDueDate(id, leadUnit, cmd.dueDate(), on).ifPresent(AggregateLifecycle::apply);
        // The work is back with the unit: what was armed for an unchanged deadline chases it again.
        if (moved) {
            deadline.chase(deadlines, chaser);
        }
    }

    /**
     * The day a judgement takes effect: the one given, else an outside body's decision's (not before the last step),
     * else null for today. The caller judges the decision before this day, so that one dated before the draft came
     * before the body is refused as that, not as a step out of order.
     */
    private LocalDate judgedOn(LocalDate effectiveDate, DecisionRef decision, String level, ApprovalLevels levels) {
        return effectiveDate != null ? effectiveDate : dates.notBeforeLast(ApprovalPolicy.decidedOn(decision, level, levels));
    }

    @CommandHandler
    void handle(Approve cmd, MetaData metaData, Clock clock, ApprovalLevels levels, LeadUnits leads) {
        Standing standing = standing(leads);
        standing.check(Action.APPROVE, EventMetadata.actorFrom(metaData), EventMetadata.levelsFrom(metaData), levels,
                cmd.draftVersion());
        standing.requireAwaiting(cmd.level());
        String level = route.nextLevel();
        LocalDate asked = judgedOn(cmd.effectiveDate(), cmd.decisionRef(), level, levels);
        DecisionRef cited = ApprovalPolicy.citedDecision(cmd.decisionRef(), level, levels,
                asked == null ? LocalDate.now(clock) : asked, reachedLevelOn);
        LocalDate on = dates.judge(asked, clock);
        boolean last = route.nextIsLast();
        apply(new DraftApproved(id, version, level, last, Text.clean(cmd.note()),
                cited, on));
        // Before the last level the draft may still come back to the unit, which may still need the time it asked.
        if (last) {
            deadline.lapsed(id, leadUnit, ExtensionRequestLapsed.Why.APPROVED, on)
                    .ifPresent(AggregateLifecycle::apply);
        }
    }

    @CommandHandler
    void handle(Issue cmd, MetaData metaData, Clock clock) {
        allow(Action.ISSUE, metaData);
        DocumentIssued issued = Issuance.issued(id, cmd, approvedOn);
        // The approval was the last step: judged first, a date before it would be refused naming no approval.
        dates.judge(issued.effectiveDate(), clock);
        apply(issued);
    }

    @CommandHandler
    void handle(ExtendDeadline cmd, MetaData metaData, Clock clock, DeadlineManager deadlines, DeadlineChaser chaser) {
        allow(Action.EXTEND, metaData);
        apply(deadline.extended(id, cmd.newDeadline(), cmd.reason(), dates.judge(cmd.effectiveDate(), clock)));
        deadline.chase(deadlines, chaser);
    }

    @CommandHandler
    void handle(RequestExtension cmd, MetaData metaData, Clock clock) {
        allow(Action.REQUEST_EXTENSION, metaData);
        apply(deadline.requested(id, cmd.newDeadline(), cmd.reason(), dates.judge(cmd.effectiveDate(), clock)));
    }

    @CommandHandler
    void handle(DecideExtension cmd, MetaData metaData, Clock clock, DeadlineManager deadlines, DeadlineChaser chaser) {
        allow(Action.DECIDE_EXTENSION, metaData);
        boolean approve = Required.value(cmd.approve(), "extension-decision-required",
                "Say whether the extension is approved (approve: true or false).");
        LocalDate on = dates.judge(cmd.effectiveDate(), clock);
        if (approve) {
            apply(deadline.approved(id, cmd.newDeadline(), cmd.reason(), on));
            deadline.chase(deadlines, chaser);
        } else {
            apply(deadline.rejected(id, cmd.reason(), on));
        }
    }

    @CommandHandler
    void handle(Reassign cmd, MetaData metaData, Clock clock) {
        allow(Action.REASSIGN, metaData);
        LocalDate on = dates.judge(cmd.effectiveDate(), clock);
        // Worked out before the reassignment is applied: the request was the unit that led until now.
        Optional<ExtensionRequestLapsed> lapsed = deadline.lapsed(id, leadUnit, ExtensionRequestLapsed.Why.REASSIGNED, on);
        apply(AssignmentTerms.reassigned(id, leadUnit, cmd, on));
        lapsed.ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(Cancel cmd, MetaData metaData, Clock clock) {
        allow(Action.CANCEL, metaData);
        LocalDate on = dates.judge(cmd.effectiveDate(), clock);
        apply(new TaskCancelled(id, Required.text(cmd.reason(), "reason-required", "A cancellation needs a reason."), on));
        deadline.lapsed(id, leadUnit, ExtensionRequestLapsed.Why.CANCELLED, on).ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(SendReminder cmd, MetaData metaData, DeadlineChaser chaser) {
        allow(Action.REMIND, metaData);
        apply(deadline.remindedByHand(id, leadUnit, cmd.note(), chaser));
    }

    /** Delivered by the deadline manager: Docket reminds the unit only while it holds the work. */
    @DeadlineHandler(deadlineName = DeadlineChaser.REMINDER)
    void remind(DeadlineDue due, DeadlineChaser chaser) {
        if (status.isWithUnit()) {
            deadline.reminder(due, id, leadUnit, chaser).ifPresent(AggregateLifecycle::apply);
        }
    }

    /** The deadline passed: not missed once the work is approved or closed, see {@link Deadline#missed}. */
    @DeadlineHandler(deadlineName = DeadlineChaser.MISSED)
    void missed(DeadlineDue due, DeadlineChaser chaser) {
        if (status.isOpen()) {
            deadline.missed(due, id, leadUnit, chaser).ifPresent(AggregateLifecycle::apply);
        }
    }

    /** See {@link Standing#check}, for every action but sending back and approving (which name levels and a version). */
    private void allow(Action action, MetaData metaData) {
        standing(null).check(action, EventMetadata.actorFrom(metaData), EventMetadata.levelsFrom(metaData), null, null);
    }

    /** @param leads asked, of a contribution, who leads the assignment it feeds; null where no judging is asked about */
    private Standing standing(LeadUnits leads) {
        String compilingUnit = partOf == null || leads == null ? null : leads.of(partOf);
        return new Standing(id, status, version, leadUnit, route, draftSubmitter, partOf, compilingUnit, deadline);
    }

    @EventSourcingHandler
    void on(TaskAssigned e) {
        id = e.assignmentId();
        status = AssignmentStatus.ASSIGNED;
        leadUnit = e.leadUnit();
        route = new ApprovalRoute(List.copyOf(e.approvalRoute()), 0);
        partOf = e.parentId();
    }

    @EventSourcingHandler
    void on(DraftSubmitted e, @MetaDataValue(EventMetadata.ACTOR_ID) String actorId) {
        status = AssignmentStatus.DRAFT_SUBMITTED;
        version = e.version();
        draftSubmitter = actorId;
        route = route.restarted();
        reachedLevelOn = e.effectiveDate();
    }

    @EventSourcingHandler
    void on(RevisionRequested e) {
        status = AssignmentStatus.REVISION_REQUESTED;
    }

    @EventSourcingHandler
    void on(MeetingConcluded e) {
        status = AssignmentStatus.REVISION_REQUESTED;
    }

    @EventSourcingHandler
    void on(DraftApproved e) {
        route = route.passed();
        reachedLevelOn = e.effectiveDate();
        if (e.finalApproval()) {
            status = AssignmentStatus.APPROVED;
            approvedOn = e.effectiveDate();
        }
    }

    @EventSourcingHandler
    void on(DocumentIssued e) {
        status = AssignmentStatus.ISSUED;
    }

    @EventSourcingHandler
    void on(TaskReassigned e) {
        leadUnit = e.newLeadUnit();
    }

    @EventSourcingHandler
    void on(TaskCancelled e) {
        status = AssignmentStatus.CANCELLED;
    }
}
