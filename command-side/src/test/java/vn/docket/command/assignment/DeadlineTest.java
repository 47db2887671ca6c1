package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.docket.command.assignment.AssignmentTest.ID;
import static vn.docket.command.assignment.AssignmentTest.TCKH;
import static vn.docket.command.assignment.Refusal.assertRefused;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.command.deadlines.DeadlineChaser.DeadlineDue;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionRequested;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.testing.MutableClock;

/**
 * The deadline, its extensions (gia hạn) and its chase (đôn đốc), without the aggregate. Today is Monday
 * 10/5/2021 and the deadline Thursday 20/5/2021.
 */
class DeadlineTest {

    static final LocalDate TODAY = LocalDate.of(2021, 5, 10);
    static final LocalDate DEADLINE = LocalDate.of(2021, 5, 20);
    static final LocalDate ASKED = LocalDate.of(2021, 6, 4);

    final MutableClock clock = new MutableClock(TODAY);
    final DeadlineChaser chaser = new DeadlineChaser(WorkingDayCalendar.bundled(), 3, LocalTime.of(8, 0), clock);

    static Deadline assignedWith(LocalDate deadline) {
        Deadline d = new Deadline();
        d.on(NewTask.task().deadline(deadline).effectiveDate(TODAY).assigned());
        return d;
    }

    static Deadline requested() {
        Deadline d = assignedWith(DEADLINE);
        d.on(d.requested(ID, ASKED, "Chờ số liệu", TODAY));
        return d;
    }

    @Test
    void the_unit_asks_for_a_later_date_with_a_reason() {
        assertThat(assignedWith(DEADLINE).requested(ID, ASKED, " Chờ số liệu ", TODAY))
                .isEqualTo(new ExtensionRequested(ID, DEADLINE, ASKED, "Chờ số liệu", TODAY));
    }

    @Test
    void a_request_names_a_date_later_than_the_deadline_and_why() {
        Deadline d = assignedWith(DEADLINE);
        assertRefused(() -> d.requested(ID, null, "Chờ số liệu", TODAY), RuleBroken.class, "new-deadline-required");
        assertRefused(() -> d.requested(ID, DEADLINE, "Chờ số liệu", TODAY), RuleBroken.class, "extension-not-later");
        assertRefused(() -> d.requested(ID, ASKED, " ", TODAY), RuleBroken.class, "reason-required");
    }

    @Test
    void one_request_at_a_time_and_only_for_a_deadline_there_is() {
        assertRefused(() -> requested().requireRequestable(), StateConflict.class, "extension-pending");
        assertRefused(() -> assignedWith(null).requireRequestable(), RuleBroken.class, "no-deadline");
    }

    @Test
    void a_leader_grants_the_date_and_reason_asked_for_unless_they_give_others_and_the_grant_says_whose_reason_it_is() {
        Deadline d = requested();
        assertThat(d.approved(ID, null, null, TODAY))
                .isEqualTo(new DeadlineExtended(ID, DEADLINE, ASKED, "Chờ số liệu", TODAY, true));
        assertThat(d.approved(ID, ASKED.minusDays(7), "Theo chỉ đạo", TODAY))
                .isEqualTo(new DeadlineExtended(ID, DEADLINE, ASKED.minusDays(7), "Theo chỉ đạo", TODAY));
    }

    @Test
    void a_leader_rejects_with_a_reason() {
        Deadline d = requested();
        assertRefused(() -> d.rejected(ID, null, TODAY), RuleBroken.class, "rejection-reason-required");
        assertThat(d.rejected(ID, "Không có căn cứ", TODAY)).isEqualTo(new ExtensionRejected(ID, ASKED, "Không có căn cứ", TODAY));
    }

    @Test
    void there_is_nothing_to_decide_without_a_request_and_any_decision_or_extension_settles_it() {
        assertRefused(() -> assignedWith(DEADLINE).requirePending(), StateConflict.class, "no-extension-request");
        Deadline rejected = requested();
        rejected.on(rejected.rejected(ID, "Không có căn cứ", TODAY));
        assertRefused(rejected::requirePending, StateConflict.class, "no-extension-request");
        Deadline extendedByClerk = requested();
        extendedByClerk.on(extendedByClerk.extended(ID, ASKED, "Theo chỉ đạo", TODAY));
        assertRefused(extendedByClerk::requirePending, StateConflict.class, "no-extension-request");
    }

    @Test
    void a_new_deadline_is_given_later_than_the_current_one_and_not_already_past() {
        Deadline d = assignedWith(DEADLINE);
        assertRefused(() -> d.extended(ID, null, "Theo chỉ đạo", TODAY), RuleBroken.class, "new-deadline-required");
        assertRefused(() -> d.extended(ID, DEADLINE, "Theo chỉ đạo", TODAY), RuleBroken.class, "extension-not-later");
        assertRefused(() -> d.extended(ID, ASKED, "Theo chỉ đạo", ASKED.plusDays(1)), RuleBroken.class, "extension-in-past");
        assertRefused(() -> d.extended(ID, ASKED, null, TODAY), RuleBroken.class, "reason-required");
    }

    @Test
    void a_clerk_may_give_a_deadline_to_an_assignment_that_had_none() {
        assertThat(assignedWith(null).extended(ID, ASKED, "Theo chỉ đạo", TODAY))
                .isEqualTo(new DeadlineExtended(ID, null, ASKED, "Theo chỉ đạo", TODAY));
    }

    @Test
    void only_a_due_date_other_than_the_deadline_moves_it() {
        Deadline d = assignedWith(DEADLINE);
        assertThat(d.isMovedBy(null, TODAY)).isFalse();
        assertThat(d.isMovedBy(DEADLINE, TODAY)).isFalse();
        assertThat(d.isMovedBy(ASKED, TODAY)).isTrue();
    }

    @Test
    void a_revision_requests_due_date_is_not_before_the_request_though_it_may_be_that_day() {
        assertRefused(() -> assignedWith(DEADLINE).isMovedBy(TODAY.minusDays(1), TODAY), RuleBroken.class,
                "due-date-before-request");
        assertThat(assignedWith(DEADLINE).isMovedBy(TODAY, TODAY)).isTrue();
    }

    @Test
    void docket_reminds_the_unit_of_a_deadline_once() {
        Deadline d = assignedWith(DEADLINE);
        clock.setToday(LocalDate.of(2021, 5, 17));
        ReminderSent reminder = d.reminder(new DeadlineDue(DEADLINE), ID, TCKH, chaser).orElseThrow();
        assertThat(reminder).isEqualTo(new ReminderSent(ID, TCKH, ReminderSent.Kind.BEFORE_DEADLINE, DEADLINE, 3, null,
                LocalDate.of(2021, 5, 17)));
        d.on(reminder);
        assertThat(d.reminder(new DeadlineDue(DEADLINE), ID, TCKH, chaser)).isEmpty();
    }

    @Test
    void a_reminder_for_a_deadline_since_moved_or_already_past_is_dropped() {
        Deadline d = assignedWith(DEADLINE);
        d.on(new RevisionRequested(ID, 1, AssignmentTest.LEADERS, List.of(), List.of(), null, ASKED, TODAY));
        assertThat(d.reminder(new DeadlineDue(DEADLINE), ID, TCKH, chaser)).isEmpty();
        clock.setToday(LocalDate.of(2021, 5, 21));
        assertThat(assignedWith(DEADLINE).reminder(new DeadlineDue(DEADLINE), ID, TCKH, chaser)).isEmpty();
    }

    @Test
    void a_missed_deadline_is_recorded_once_on_the_first_day_past_it_even_when_docket_learns_it_later() {
        Deadline d = assignedWith(DEADLINE);
        clock.setToday(LocalDate.of(2021, 5, 24));
        DeadlineMissed missed = d.missed(new DeadlineDue(DEADLINE), ID, TCKH, chaser).orElseThrow();
        assertThat(missed).isEqualTo(new DeadlineMissed(ID, TCKH, DEADLINE, LocalDate.of(2021, 5, 21)));
        d.on(missed);
        assertThat(d.missed(new DeadlineDue(DEADLINE), ID, TCKH, chaser)).isEmpty();
    }

    @Test
    void a_draft_handed_in_by_the_deadline_means_no_miss_one_handed_in_after_it_or_sent_back_does() {
        clock.setToday(LocalDate.of(2021, 5, 21));
        Deadline d = assignedWith(DEADLINE);
        d.on(new DraftSubmitted(ID, 1, "BC v1.docx", null, "https://vanban.example/bc-v1", null, DEADLINE));
        assertThat(d.missed(new DeadlineDue(DEADLINE), ID, TCKH, chaser)).isEmpty();
        d.on(new RevisionRequested(ID, 1, AssignmentTest.LEADERS, List.of("Bổ sung số liệu"), null, DEADLINE));
        assertThat(d.missed(new DeadlineDue(DEADLINE), ID, TCKH, chaser)).isPresent();
        Deadline late = assignedWith(DEADLINE);
        late.on(new DraftSubmitted(ID, 1, "BC v1.docx", null, "https://vanban.example/bc-v1", null, DEADLINE.plusDays(1)));
        assertThat(late.missed(new DeadlineDue(DEADLINE), ID, TCKH, chaser)).isPresent();
    }

    @Test
    void a_check_armed_for_a_deadline_since_extended_records_no_miss() {
        Deadline d = assignedWith(DEADLINE);
        d.on(d.extended(ID, ASKED, "Theo chỉ đạo", TODAY));
        clock.setToday(LocalDate.of(2021, 5, 21));
        assertThat(d.missed(new DeadlineDue(DEADLINE), ID, TCKH, chaser)).isEmpty();
    }

    @Test
    void a_clerk_chasing_by_hand_tells_the_unit_the_working_days_left_if_there_is_a_deadline() {
        assertThat(assignedWith(DEADLINE).remindedByHand(ID, TCKH, " Đề nghị gửi sớm ", chaser))
                .isEqualTo(new ReminderSent(ID, TCKH, ReminderSent.Kind.MANUAL, DEADLINE, 8, "Đề nghị gửi sớm", TODAY));
        assertThat(assignedWith(null).remindedByHand(ID, TCKH, null, chaser))
                .isEqualTo(new ReminderSent(ID, TCKH, ReminderSent.Kind.MANUAL, null, null, null, TODAY));
    }
}
