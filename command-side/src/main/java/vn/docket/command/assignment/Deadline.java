package vn.docket.command.assignment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.command.deadlines.DeadlineChaser.DeadlineDue;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequestLapsed.Why;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/**
 * The assignment's deadline (hạn): the one in force, a later one asked for or set (gia hạn), and Docket's chase
 * of it (đôn đốc). The same extension rules whoever moves the deadline: a date is given, it is later than the
 * deadline it replaces, and a deadline that is set is not already past on the day it is set.
 *
 * <p>An entity of the assignment, so that its event-sourcing handlers follow everything that moves the deadline
 * or settles whether it was missed (a draft handed in, one sent back).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Deadline {

    /** The date an extension request asks for, and why, while it awaits a leader's decision. */
    record Pending(LocalDate asked, String reason) {
    }

    /** Null when the assignment has none. */
    private LocalDate current;
    /** Null unless an extension request awaits a leader's decision. */
    private Pending pending;
    /** The deadline Docket last reminded the unit of, and the one it last recorded as missed: each only once. */
    private LocalDate remindedFor;
    private LocalDate missedFor;
    /** The day the draft awaiting review was handed in; null while the unit holds the work. */
    private LocalDate handedInOn;

    /** One request at a time, and only for a deadline there is. */
    void requireRequestable() {
        if (pending != null) {
            throw new StateConflict("extension-pending", "An extension to " + Text.date(pending.asked())
                    + " is already awaiting a leader's decision.");
        }
        if (current == null) {
            throw new RuleBroken("no-deadline", "This assignment has no deadline to extend.");
        }
    }

    void requirePending() {
        if (pending == null) {
            throw new StateConflict("no-extension-request", "No extension request is awaiting a decision.");
        }
    }

    /** The lead unit asks for a later date, for a leader to decide. */
    ExtensionRequested requested(UUID id, LocalDate wanted, String reason, LocalDate on) {
        Required.value(wanted, "new-deadline-required", "An extension request needs the date asked for.");
        if (!wanted.isAfter(current)) {
            throw new RuleBroken("extension-not-later", "The date asked for, " + Text.date(wanted)
                    + ", must be later than the current deadline, " + Text.date(current) + ".");
        }
        // A leader could not grant a day already gone as asked (see granted), so it is not asked for either.
        if (wanted.isBefore(on)) {
            throw new RuleBroken("extension-in-past", "The date asked for, " + Text.date(wanted)
                    + ", is before the day of the request (" + Text.date(on) + ").");
        }
        return new ExtensionRequested(id, current, wanted,
                Required.text(reason, "reason-required", "An extension request needs a reason."), on);
    }

    /** A clerk sets a later deadline directly. */
    DeadlineExtended extended(UUID id, LocalDate wanted, String reason, LocalDate on) {
        LocalDate granted = granted(wanted, on);
        return new DeadlineExtended(id, current, granted,
                Required.text(reason, "reason-required", "An extension needs a reason."), on);
    }

    /**
     * A leader grants the pending request: the date asked for unless they set another, its reason unless they give one;
     * the event says which, so that nobody reads the unit's words as the leader's.
     */
    DeadlineExtended approved(UUID id, LocalDate other, String reason, LocalDate on) {
        LocalDate granted = granted(other != null ? other : pending.asked(), on);
        String why = Text.clean(reason);
        return new DeadlineExtended(id, current, granted, why != null ? why : pending.reason(), on, why == null);
    }

    ExtensionRejected rejected(UUID id, String reason, LocalDate on) {
        return new ExtensionRejected(id, pending.asked(),
                Required.text(reason, "rejection-reason-required", "A rejection needs a reason."), on);
    }

    /**
     * The pending request, if any, ends: with a reassignment (REASSIGNED: it was {@code unit}'s, for work that unit no
     * longer holds, and it would stop the new lead unit asking for its own, extension-pending), or with the work, after
     * the final approval (APPROVED) or a cancellation (CANCELLED), when nobody may decide it (assignment-closed) and
     * the unit would never hear of it again.
     */
    Optional<ExtensionRequestLapsed> lapsed(UUID id, String unit, Why why, LocalDate on) {
        return pending == null ? Optional.empty() : Optional.of(new ExtensionRequestLapsed(id, unit, pending.asked(), why, on));
    }

    /**
     * A revision request's due date on or after the date asked for settles the pending request: the unit has at
     * least what it asked for, and the request could no longer be approved as asked (extension-not-later). An
     * earlier due date leaves it pending, still approvable.
     */
    Optional<ExtensionRequestLapsed> lapsedByDueDate(UUID id, String unit, LocalDate dueDate, LocalDate on) {
        return dueDate == null || pending != null && dueDate.isBefore(pending.asked()) ? Optional.empty()
                : lapsed(id, unit, Why.SUPERSEDED_BY_DUE_DATE, on);
    }

    private LocalDate granted(LocalDate wanted, LocalDate on) {
        Required.value(wanted, "new-deadline-required", "An extension needs the new deadline.");
        if (current != null && !wanted.isAfter(current)) {
            throw new RuleBroken("extension-not-later", "The new deadline " + Text.date(wanted)
                    + " must be later than the current one, " + Text.date(current) + ".");
        }
        if (wanted.isBefore(on)) {
            throw new RuleBroken("extension-in-past", "The new deadline " + Text.date(wanted)
                    + " is before the day it is set (" + Text.date(on) + ").");
        }
        return wanted;
    }

    /** Whether a revision request's due date replaces the deadline in force; not before the request ({@code on}). */
    boolean isMovedBy(LocalDate dueDate, LocalDate on) {
        if (dueDate != null && dueDate.isBefore(on)) {
            throw new RuleBroken("due-date-before-request", "The due date is before the revision request.");
        }
        return dueDate != null && !dueDate.equals(current);
    }

    /** Arms the chase of the deadline in force; call it whenever the deadline moves (see {@link DeadlineChaser#arm}). */
    void chase(DeadlineManager deadlines, DeadlineChaser chaser) {
        chaser.arm(deadlines, current);
    }

    /** A clerk chases the unit by hand, telling it how many working days are left. */
    ReminderSent remindedByHand(UUID id, String unit, String note, DeadlineChaser chaser) {
        LocalDate today = chaser.today();
        return new ReminderSent(id, unit, ReminderSent.Kind.MANUAL, current,
                current == null ? null : chaser.workingDaysLeft(today, current), Text.clean(note), today);
    }

    /**
     * The reminder {@code due} was armed for, possibly delivered late (after a restart) or twice (after a crash):
     * only if it is still the deadline, not yet reminded of, and not past.
     */
    Optional<ReminderSent> reminder(DeadlineDue due, UUID id, String unit, DeadlineChaser chaser) {
        LocalDate today = chaser.today();
        if (!due.deadline().equals(current) || current.equals(remindedFor) || today.isAfter(current)) {
            return Optional.empty();
        }
        return Optional.of(new ReminderSent(id, unit, ReminderSent.Kind.BEFORE_DEADLINE, current,
                chaser.workingDaysLeft(today, current), null, today));
    }

    /**
     * The check {@code due} was armed for: only if it is still the deadline, not yet recorded as missed, and the unit
     * still holds the work or handed in its draft late.
     */
    Optional<DeadlineMissed> missed(DeadlineDue due, UUID id, String unit, DeadlineChaser chaser) {
        if (!due.deadline().equals(current) || current.equals(missedFor)
                || handedInOn != null && !handedInOn.isAfter(current)) {
            return Optional.empty();
        }
        LocalDate firstDayPast = current.plusDays(1);
        LocalDate today = chaser.today();
        return Optional.of(new DeadlineMissed(id, unit, current, today.isBefore(firstDayPast) ? today : firstDayPast));
    }

    @EventSourcingHandler
    void on(TaskAssigned e) {
        current = e.deadline();
    }

    @EventSourcingHandler
    void on(RevisionRequested e) {
        handedInOn = null;
        if (e.dueDate() != null) {
            current = e.dueDate();
        }
    }

    /** Any extension settles a pending request, whether a leader approved it or a clerk extended directly. */
    @EventSourcingHandler
    void on(DeadlineExtended e) {
        current = e.newDeadline();
        pending = null;
    }

    @EventSourcingHandler
    void on(ExtensionRequested e) {
        pending = new Pending(e.requestedDeadline(), e.reason());
    }

    @EventSourcingHandler
    void on(ExtensionRejected e) {
        pending = null;
    }

    @EventSourcingHandler
    void on(ExtensionRequestLapsed e) {
        pending = null;
    }

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
    void on(DraftSubmitted e) {
        handedInOn = e.effectiveDate();
    }

    /** The draft presented at the meeting went back to the unit, as with a revision request. */
    @EventSourcingHandler
    void on(MeetingConcluded e) {
        handedInOn = null;
    }
}
