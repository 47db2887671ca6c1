package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.docket.command.assignment.Refusal.assertRefused;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.testing.MutableClock;

/** A step takes effect today or on a day a clerk gives, never in the future nor before the last recorded step. */
class EffectiveDatesTest {

    static final LocalDate MEETING = LocalDate.of(2021, 4, 13);
    final MutableClock clock = new MutableClock(LocalDate.of(2021, 4, 30));
    final EffectiveDates dates = new EffectiveDates();

    EffectiveDatesTest() {
        dates.on(NewTask.task().deadline(null).effectiveDate(MEETING).assigned());
    }

    @Test
    void a_step_without_a_date_takes_effect_today() {
        assertThat(dates.judge(null, clock)).isEqualTo(LocalDate.of(2021, 4, 30));
    }

    @Test
    void a_step_may_be_recorded_after_the_fact() {
        assertThat(dates.judge(LocalDate.of(2021, 4, 20), clock)).isEqualTo(LocalDate.of(2021, 4, 20));
    }

    @Test
    void a_step_in_the_future_is_refused() {
        assertRefused(() -> dates.judge(LocalDate.of(2021, 5, 1), clock), RuleBroken.class, "effective-date-in-future");
    }

    @Test
    void a_step_before_the_last_recorded_step_is_refused() {
        dates.on(new TaskReassigned(AssignmentTest.ID, AssignmentTest.TCKH, "Phòng Kinh tế", "Đúng chức năng",
                LocalDate.of(2021, 4, 20)));
        assertRefused(() -> dates.judge(LocalDate.of(2021, 4, 19), clock), RuleBroken.class, "effective-date-order");
        assertThat(dates.judge(LocalDate.of(2021, 4, 20), clock)).isEqualTo(LocalDate.of(2021, 4, 20));
    }

    @Test
    void what_docket_recorded_today_does_not_stop_a_clerk_recording_an_earlier_step() {
        dates.on(new ReminderSent(AssignmentTest.ID, AssignmentTest.TCKH, ReminderSent.Kind.BEFORE_DEADLINE,
                LocalDate.of(2021, 4, 30), 0, null, LocalDate.of(2021, 4, 28)));
        dates.on(new DeadlineMissed(AssignmentTest.ID, AssignmentTest.TCKH, LocalDate.of(2021, 4, 25),
                LocalDate.of(2021, 4, 26)));
        assertThat(dates.judge(LocalDate.of(2021, 4, 14), clock)).isEqualTo(LocalDate.of(2021, 4, 14));
    }
}
