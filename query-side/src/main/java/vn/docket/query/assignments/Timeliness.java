package vn.docket.query.assignments;

import java.time.LocalDate;
import vn.docket.events.AssignmentStatus;

/**
 * The four classes every Vietnamese follow-up report uses: trong hạn, quá hạn, hoàn thành đúng hạn,
 * hoàn thành quá hạn. The unit's clock stops when it hands in a draft (the deadline binds the unit, not
 * the leaders who review); it starts again when a revision is requested. An assignment is done at its
 * final approval, on time when the draft that was approved was handed in by the deadline.
 */
public enum Timeliness {
    ON_TIME, OVERDUE, DONE_ON_TIME, DONE_LATE;

    /**
     * @param handedInOn effective date of the draft now with the leaders (awaiting review or approved), else null
     * @return the class, or null for a cancelled assignment
     */
    public static Timeliness classify(AssignmentStatus status, LocalDate deadline, LocalDate handedInOn, LocalDate today) {
        return classify(status, day(deadline), day(handedInOn), today.toEpochDay());
    }

    /** No date, in the epoch days {@link #classify(AssignmentStatus, long, long, long)} takes. */
    public static final long NO_DAY = Long.MIN_VALUE;

    /** The date's epoch day ({@link LocalDate#toEpochDay}), or {@link #NO_DAY} for none. */
    public static long day(LocalDate date) {
        return date == null ? NO_DAY : date.toEpochDay();
    }

    /**
     * The same rule on epoch days ({@link #day}), for the list's index, which classifies every assignment in a pass
     * and keeps its dates as numbers rather than objects of their own.
     */
    public static Timeliness classify(AssignmentStatus status, long deadline, long handedInOn, long today) {
        if (status == AssignmentStatus.CANCELLED) {
            return null;
        }
        boolean late = deadline != NO_DAY && (handedInOn != NO_DAY ? handedInOn > deadline : today > deadline);
        if (status.isDone()) {
            return late ? DONE_LATE : DONE_ON_TIME;
        }
        return late ? OVERDUE : ON_TIME;
    }

    /**
     * Days past the deadline, counted to the draft handed in late, or to {@code today} while the unit holds the work:
     * the age of an overdue (or done late) assignment, by the clock {@link #classify} stops and starts. Epoch days.
     */
    public static long daysOverdue(long deadline, long handedInOn, long today) {
        return (handedInOn != NO_DAY ? handedInOn : today) - deadline;
    }

    /** The same on dates. */
    public static long daysOverdue(LocalDate deadline, LocalDate handedInOn, LocalDate today) {
        return daysOverdue(deadline.toEpochDay(), day(handedInOn), today.toEpochDay());
    }
}
