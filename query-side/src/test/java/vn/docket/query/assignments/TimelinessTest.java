package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.docket.events.AssignmentStatus;

class TimelinessTest {

    static final LocalDate DEADLINE = LocalDate.of(2021, 4, 25);

    @Test
    void an_open_task_before_its_deadline_is_on_time_and_after_it_overdue() {
        assertThat(Timeliness.classify(AssignmentStatus.ASSIGNED, DEADLINE, null, DEADLINE)).isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.classify(AssignmentStatus.ASSIGNED, DEADLINE, null, DEADLINE.plusDays(1)))
                .isEqualTo(Timeliness.OVERDUE);
    }

    @Test
    void a_task_without_a_deadline_is_never_late() {
        assertThat(Timeliness.classify(AssignmentStatus.REVISION_REQUESTED, null, null, LocalDate.of(2030, 1, 1)))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.classify(AssignmentStatus.APPROVED, null, DEADLINE, DEADLINE)).isEqualTo(Timeliness.DONE_ON_TIME);
    }

    @Test
    void a_draft_handed_in_by_the_deadline_stops_the_units_clock_while_leaders_review_it() {
        assertThat(Timeliness.classify(AssignmentStatus.DRAFT_SUBMITTED, DEADLINE, DEADLINE, DEADLINE.plusDays(30)))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.classify(AssignmentStatus.DRAFT_SUBMITTED, DEADLINE, DEADLINE.plusDays(1), DEADLINE.plusDays(1)))
                .isEqualTo(Timeliness.OVERDUE);
    }

    @Test
    void done_on_time_or_late_depends_on_when_the_approved_draft_was_handed_in() {
        assertThat(Timeliness.classify(AssignmentStatus.ISSUED, DEADLINE, DEADLINE.minusDays(1), DEADLINE.plusDays(60)))
                .isEqualTo(Timeliness.DONE_ON_TIME);
        assertThat(Timeliness.classify(AssignmentStatus.APPROVED, DEADLINE, DEADLINE.plusDays(3), DEADLINE.plusDays(3)))
                .isEqualTo(Timeliness.DONE_LATE);
    }

    @Test
    void days_overdue_count_to_the_late_draft_or_while_the_unit_holds_the_work_to_today() {
        assertThat(Timeliness.daysOverdue(DEADLINE, null, DEADLINE.plusDays(9))).isEqualTo(9);
        assertThat(Timeliness.daysOverdue(DEADLINE, DEADLINE.plusDays(3), DEADLINE.plusDays(60))).isEqualTo(3);
        assertThat(Timeliness.daysOverdue(LocalDate.of(2020, 12, 30), null, LocalDate.of(2021, 3, 1)))
                .as("across a year end and February").isEqualTo(61);
        assertThat(Timeliness.daysOverdue(Timeliness.day(DEADLINE), Timeliness.NO_DAY, Timeliness.day(DEADLINE.plusDays(9))))
                .as("the same on epoch days, as the list's index keeps them").isEqualTo(9);
    }

    @Test
    void a_cancelled_task_has_no_class() {
        assertThat(Timeliness.classify(AssignmentStatus.CANCELLED, DEADLINE, null, DEADLINE.plusDays(9))).isNull();
    }

    @Test
    void the_rule_on_epoch_days_classifies_every_day_around_the_deadline_as_the_rule_on_dates_did() {
        LocalDate[] deadlines = {null, DEADLINE, LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29),
                LocalDate.of(2026, 12, 31)};
        for (AssignmentStatus status : AssignmentStatus.values()) {
            for (LocalDate deadline : deadlines) {
                LocalDate around = deadline == null ? DEADLINE : deadline;
                for (int t = -2; t <= 2; t++) {
                    for (int h = -3; h <= 2; h++) {
                        LocalDate today = around.plusDays(t);
                        LocalDate handedIn = h == -3 ? null : around.plusDays(h);
                        assertThat(Timeliness.classify(status, Timeliness.day(deadline), Timeliness.day(handedIn),
                                today.toEpochDay())).as(status + " " + deadline + " " + handedIn + " " + today)
                                .isEqualTo(onDates(status, deadline, handedIn, today));
                    }
                }
            }
        }
    }

    /** The rule as it was written on dates before the index kept epoch days. */
    private static Timeliness onDates(AssignmentStatus status, LocalDate deadline, LocalDate handedInOn, LocalDate today) {
        if (status == AssignmentStatus.CANCELLED) {
            return null;
        }
        boolean late = deadline != null && (handedInOn != null ? handedInOn.isAfter(deadline) : today.isAfter(deadline));
        if (status.isDone()) {
            return late ? Timeliness.DONE_LATE : Timeliness.DONE_ON_TIME;
        }
        return late ? Timeliness.OVERDUE : Timeliness.ON_TIME;
    }
}
