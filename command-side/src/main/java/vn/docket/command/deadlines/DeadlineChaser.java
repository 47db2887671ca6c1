package vn.docket.command.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;

/**
 * When Docket chases an assignment's deadline: a reminder some working days before it and a "missed" check
 * the morning after. Called from the Assignment aggregate's command handlers, so that the deadlines are
 * scheduled in the aggregate's scope and stored just before its events.
 *
 * <p>Only moments still ahead are scheduled. A clerk often records an assignment after the fact; a deadline
 * that had already passed when Docket learnt of it is shown as overdue, but Docket does not pretend it chased
 * the unit back then. A deadline that passes while Docket is down is still delivered at the next start.
 */
public class DeadlineChaser {

    /** Deadline names; of each, only one armed for the assignment's current deadline acts (see {@link #arm}). */
    public static final String REMINDER = "deadline-reminder";
    public static final String MISSED = "deadline-missed";

    /** The payload of both deadlines: which deadline they were armed for, so a stale one recognises itself. */
    public record DeadlineDue(LocalDate deadline) {
    }

    private final WorkingDayCalendar calendar;
    private final int workingDaysBefore;
    private final LocalTime sendAt;
    private final Clock clock;

    public DeadlineChaser(WorkingDayCalendar calendar, int workingDaysBefore, LocalTime sendAt, Clock clock) {
        this.calendar = calendar;
        this.workingDaysBefore = workingDaysBefore;
        this.sendAt = sendAt;
        this.clock = clock;
    }

    /**
     * Arms the reminder and the missed check for {@code deadline} (null: nothing to chase). Nothing armed before
     * is cancelled: a reminder or check armed for an earlier deadline, or for work since approved or cancelled,
     * sees so when it comes due and does nothing (see the aggregate's deadline handlers). So a command arms only
     * when the deadline changes.
     */
    public void arm(DeadlineManager deadlines, LocalDate deadline) {
        if (deadline == null) {
            return;
        }
        Instant now = clock.instant();
        reminderAt(deadline).filter(at -> at.isAfter(now))
                .ifPresent(at -> deadlines.schedule(at, REMINDER, message(deadline)));
        Instant missed = missedAt(deadline);
        if (missed.isAfter(now)) {
            deadlines.schedule(missed, MISSED, message(deadline));
        }
    }

    /** The working day {@code workingDaysBefore} working days ahead of the deadline, at the sending time. */
    public Optional<Instant> reminderAt(LocalDate deadline) {
        if (workingDaysBefore == 0) {
            return Optional.empty();
        }
        LocalDate day = deadline;
        for (int left = workingDaysBefore; left > 0; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return Optional.of(at(day));
    }

    /** The deadline is the last day allowed: it is missed the morning after. */
    public Instant missedAt(LocalDate deadline) {
        return at(deadline.plusDays(1));
    }

    /** Working days from today to the deadline, negative once it has passed. */
    public int workingDaysLeft(LocalDate today, LocalDate deadline) {
        return calendar.workingDaysBetween(today, deadline);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant at(LocalDate day) {
        ZoneId zone = clock.getZone();
        return day.atTime(sendAt).atZone(zone).toInstant();
    }

    /** Whatever a deadline handler records is recorded by Docket itself, under a command id of its own. */
    private static Message<DeadlineDue> message(LocalDate deadline) {
        return new GenericMessage<>(new DeadlineDue(deadline),
                EventMetadata.of(Actor.SYSTEM, "deadline-" + UUID.randomUUID()));
    }
}
