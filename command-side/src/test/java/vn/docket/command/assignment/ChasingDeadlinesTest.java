package vn.docket.command.assignment;

import static vn.docket.command.assignment.AssignmentTest.CHAIR;
import static vn.docket.command.assignment.AssignmentTest.CLERK;
import static vn.docket.command.assignment.AssignmentTest.ID;
import static vn.docket.command.assignment.AssignmentTest.LEADERS;
import static vn.docket.command.assignment.AssignmentTest.QLDT_STAFF;
import static vn.docket.command.assignment.AssignmentTest.TCKH;
import static vn.docket.command.assignment.AssignmentTest.TCKH_STAFF;
import static vn.docket.command.assignment.AssignmentTest.assignTask;
import static vn.docket.command.assignment.AssignmentTest.by;
import static vn.docket.command.assignment.Refusal.refused;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.command.assignment.AssignmentCommands.Approve;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.assignment.AssignmentCommands.Cancel;
import vn.docket.command.assignment.AssignmentCommands.ExtendDeadline;
import vn.docket.command.assignment.AssignmentCommands.RequestRevision;
import vn.docket.command.assignment.AssignmentCommands.SendReminder;
import vn.docket.command.assignment.AssignmentCommands.SubmitDraft;
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.testing.MutableClock;

/**
 * Đôn đốc: Docket reminds the lead unit three working days before its deadline and records the deadline as
 * missed the morning after, as long as the work is with the unit. Today is Monday 10/5/2021; the deadline is
 * Thursday 20/5/2021, so the reminder is due on Monday 17/5 at 8:00 and the missed check on Friday 21/5 at 8:00.
 */
class ChasingDeadlinesTest {

    static final LocalDate TODAY = LocalDate.of(2021, 5, 10);
    static final LocalDate DEADLINE = LocalDate.of(2021, 5, 20);
    static final Instant REMINDER_DUE = OffsetDateTime.parse("2021-05-17T08:00+07:00").toInstant();
    static final Instant MISSED_DUE = OffsetDateTime.parse("2021-05-21T08:00+07:00").toInstant();

    FixtureConfiguration<Assignment> fixture;
    MutableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(TODAY);
        fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new ApprovalLevels(null));
        fixture.registerInjectableResource(new LeadUnits(fixture.getEventStore()));
        fixture.registerInjectableResource(new RevisionPointSettings(false));
        fixture.registerInjectableResource(new DeadlineChaser(WorkingDayCalendar.bundled(), 3, LocalTime.of(8, 0), clock));
    }

    static AssignTask assign(LocalDate deadline, LocalDate on) {
        return assignTask(NewTask.task().deadline(deadline).effectiveDate(on));
    }

    /** A given command sent by {@code actor}, as the dispatcher sends it. */
    static Object as(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(by(actor));
    }

    static Object draftBy(Actor actor, LocalDate on) {
        return as(actor, new SubmitDraft(ID, "BC v1.docx", null, "https://vanban.example.vn/bc", null, on));
    }

    /** Assigned today with the deadline of 20/5, the deadline manager's clock set to today. */
    TestExecutor<Assignment> assignedToday() {
        return fixture.givenCurrentTime(clock.instant()).andGivenCommands(as(CLERK, assign(DEADLINE, TODAY)));
    }

    static CustomTypeSafeMatcher<DeadlineMessage<?>> scheduledAsDocket() {
        return new CustomTypeSafeMatcher<>("a deadline whose events Docket itself records") {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> m) {
                return "SYSTEM".equals(m.getMetaData().get(EventMetadata.ACTOR_ROLE))
                        && "docket".equals(m.getMetaData().get(EventMetadata.ACTOR_ID));
            }
        };
    }

    @Test
    void assigning_a_task_schedules_a_reminder_three_working_days_before_its_deadline_and_a_check_the_morning_after() {
        fixture.givenCurrentTime(clock.instant())
                .when(assign(DEADLINE, TODAY), by(CLERK))
                .expectScheduledDeadlineWithName(REMINDER_DUE, DeadlineChaser.REMINDER)
                .expectScheduledDeadlineWithName(MISSED_DUE, DeadlineChaser.MISSED)
                .expectScheduledDeadlineMatching(MISSED_DUE, scheduledAsDocket());
    }

    @Test
    void working_days_skip_the_national_day_holidays_when_counting_back_to_the_reminder() {
        // Monday 6/9/2021: 2/9 and 3/9 are holidays, so three working days before are 1/9, 31/8 and 30/8.
        clock.setToday(LocalDate.of(2021, 8, 16));
        fixture.givenCurrentTime(clock.instant())
                .when(assign(LocalDate.of(2021, 9, 6), LocalDate.of(2021, 8, 16)), by(CLERK))
                .expectScheduledDeadlineWithName(OffsetDateTime.parse("2021-08-30T08:00+07:00").toInstant(),
                        DeadlineChaser.REMINDER);
    }

    @Test
    void a_deadline_that_had_passed_before_docket_learnt_of_the_task_is_not_chased() {
        fixture.givenCurrentTime(clock.instant())
                .when(assign(LocalDate.of(2021, 4, 25), LocalDate.of(2021, 4, 13)), by(CLERK))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_task_without_a_deadline_is_not_chased() {
        fixture.givenCurrentTime(clock.instant())
                .when(assign(null, TODAY), by(CLERK))
                .expectNoScheduledDeadlines();
    }

    @Test
    void when_the_reminder_day_comes_docket_reminds_the_lead_unit_of_its_deadline() {
        TestExecutor<Assignment> given = assignedToday();
        clock.setToday(LocalDate.of(2021, 5, 17));
        given.whenTimeAdvancesTo(REMINDER_DUE)
                .expectEvents(new ReminderSent(ID, TCKH, ReminderSent.Kind.BEFORE_DEADLINE, DEADLINE, 3, null,
                        LocalDate.of(2021, 5, 17)));
    }

    @Test
    void the_unit_is_not_reminded_while_its_draft_is_with_the_leaders() {
        TestExecutor<Assignment> given = assignedToday().andGivenCommands(draftBy(TCKH_STAFF, TODAY));
        clock.setToday(LocalDate.of(2021, 5, 17));
        given.whenTimeAdvancesTo(REMINDER_DUE).expectNoEvents();
    }

    @Test
    void a_reminder_delivered_a_second_time_is_not_recorded_again() {
        TestExecutor<Assignment> given = assignedToday().andGiven(new ReminderSent(ID, TCKH,
                ReminderSent.Kind.BEFORE_DEADLINE, DEADLINE, 3, null, LocalDate.of(2021, 5, 17)));
        clock.setToday(LocalDate.of(2021, 5, 17));
        given.whenTimeAdvancesTo(REMINDER_DUE).expectNoEvents();
    }

    @Test
    void the_morning_after_the_deadline_a_task_without_a_draft_is_recorded_as_missed() {
        TestExecutor<Assignment> given = assignedToday();
        clock.setToday(LocalDate.of(2021, 5, 21));
        // Docket was down on 17/5: the late reminder is dropped, the missed deadline is what matters now.
        given.whenTimeAdvancesTo(MISSED_DUE)
                .expectEvents(new DeadlineMissed(ID, TCKH, DEADLINE, LocalDate.of(2021, 5, 21)));
    }

    @Test
    void a_draft_sent_back_at_the_meeting_is_the_units_again_and_its_deadline_is_chased() {
        TestExecutor<Assignment> given = assignedToday().andGivenCommands(as(CLERK,
                new AssignmentCommands.RecordMeetingConclusion(ID, TCKH, vn.docket.events.MeetingVerdict.REVISION_REQUIRED,
                        List.of("Bổ sung số liệu"), "Nguyễn Văn Hạnh", new vn.docket.events.DecisionRef("311/TB-UBND", TODAY),
                        TODAY)));
        clock.setToday(LocalDate.of(2021, 5, 21));
        given.whenTimeAdvancesTo(MISSED_DUE)
                .expectEvents(new DeadlineMissed(ID, TCKH, DEADLINE, LocalDate.of(2021, 5, 21)));
    }

    @Test
    void a_draft_handed_in_by_the_deadline_means_nothing_was_missed() {
        TestExecutor<Assignment> given = assignedToday();
        clock.setToday(LocalDate.of(2021, 5, 20));
        given = given.andGivenCommands(draftBy(TCKH_STAFF, LocalDate.of(2021, 5, 20)));
        clock.setToday(LocalDate.of(2021, 5, 21));
        given.whenTimeAdvancesTo(MISSED_DUE).expectNoEvents();
    }

    @Test
    void an_extension_moves_the_chase_to_the_new_deadline() {
        assignedToday()
                .when(new ExtendDeadline(ID, LocalDate.of(2021, 6, 4), "Chờ số liệu", TODAY), by(CLERK))
                .expectScheduledDeadlineWithName(OffsetDateTime.parse("2021-06-01T08:00+07:00").toInstant(),
                        DeadlineChaser.REMINDER)
                .expectScheduledDeadlineWithName(OffsetDateTime.parse("2021-06-05T08:00+07:00").toInstant(),
                        DeadlineChaser.MISSED);
    }

    @Test
    void the_reminder_armed_for_the_deadline_before_an_extension_does_nothing_when_its_day_comes() {
        TestExecutor<Assignment> given = assignedToday()
                .andGivenCommands(as(CLERK, new ExtendDeadline(ID, LocalDate.of(2021, 6, 4), "Chờ số liệu", TODAY)));
        clock.setToday(LocalDate.of(2021, 5, 17));
        given.whenTimeAdvancesTo(REMINDER_DUE).expectNoEvents();
    }

    @Test
    void a_revision_request_with_a_new_due_date_chases_that_date() {
        assignedToday().andGivenCommands(draftBy(TCKH_STAFF, TODAY))
                .when(new RequestRevision(ID, List.of("Bổ sung số liệu"), LocalDate.of(2021, 5, 28), TODAY), by(CHAIR))
                .expectScheduledDeadlineWithName(OffsetDateTime.parse("2021-05-25T08:00+07:00").toInstant(),
                        DeadlineChaser.REMINDER)
                .expectScheduledDeadlineWithName(OffsetDateTime.parse("2021-05-29T08:00+07:00").toInstant(),
                        DeadlineChaser.MISSED);
    }

    @Test
    void the_check_armed_for_the_due_date_a_revision_request_replaced_records_no_miss() {
        TestExecutor<Assignment> given = assignedToday().andGivenCommands(draftBy(TCKH_STAFF, TODAY), as(CHAIR,
                new RequestRevision(ID, List.of("Bổ sung số liệu"), LocalDate.of(2021, 5, 28), TODAY)));
        clock.setToday(LocalDate.of(2021, 5, 21));
        given.whenTimeAdvancesTo(MISSED_DUE).expectNoEvents();
    }

    @Test
    void a_revision_request_without_a_new_due_date_reminds_the_unit_once_as_before() {
        TestExecutor<Assignment> given = assignedToday().andGivenCommands(draftBy(TCKH_STAFF, TODAY),
                as(CHAIR, new RequestRevision(ID, List.of("Bổ sung số liệu"), null, TODAY)));
        clock.setToday(LocalDate.of(2021, 5, 17));
        given.whenTimeAdvancesTo(REMINDER_DUE)
                .expectEvents(new ReminderSent(ID, TCKH, ReminderSent.Kind.BEFORE_DEADLINE, DEADLINE, 3, null,
                        LocalDate.of(2021, 5, 17)));
    }

    @Test
    void final_approval_ends_the_chase_even_of_a_draft_handed_in_late() {
        TestExecutor<Assignment> given = assignedToday();
        clock.setToday(LocalDate.of(2021, 5, 21));
        given.andGivenCommands(draftBy(TCKH_STAFF, LocalDate.of(2021, 5, 21)),
                        as(CHAIR, new Approve(ID, null, null, LocalDate.of(2021, 5, 21))))
                .whenTimeAdvancesTo(MISSED_DUE).expectNoEvents();
    }

    @Test
    void cancellation_ends_the_chase() {
        TestExecutor<Assignment> given = assignedToday()
                .andGivenCommands(as(CLERK, new Cancel(ID, "Trùng nhiệm vụ", TODAY)));
        clock.setToday(LocalDate.of(2021, 5, 21));
        given.whenTimeAdvancesTo(MISSED_DUE).expectNoEvents();
    }

    @Test
    void a_clerk_chases_the_lead_unit_by_hand_with_a_note() {
        assignedToday()
                .when(new SendReminder(ID, "Đề nghị gửi dự thảo trước ngày 20/5"), by(CLERK))
                .expectEvents(new ReminderSent(ID, TCKH, ReminderSent.Kind.MANUAL, DEADLINE, 8,
                        "Đề nghị gửi dự thảo trước ngày 20/5", TODAY));
    }

    @Test
    void only_a_clerk_sends_a_reminder_by_hand() {
        assignedToday()
                .when(new SendReminder(ID, null), by(QLDT_STAFF))
                .expectException(refused(NotAllowed.class, "clerks-only")).expectNoEvents();
    }

    @Test
    void a_unit_whose_draft_is_with_the_leaders_is_not_chased_by_hand() {
        assignedToday().andGivenCommands(draftBy(TCKH_STAFF, TODAY))
                .when(new SendReminder(ID, null), by(CLERK))
                .expectException(refused(StateConflict.class, "nothing-to-chase")).expectNoEvents();
    }

    @Test
    void a_cancelled_task_is_not_chased_by_hand() {
        assignedToday().andGivenCommands(as(CLERK, new Cancel(ID, "Trùng nhiệm vụ", TODAY)))
                .when(new SendReminder(ID, null), by(CLERK))
                .expectException(refused(StateConflict.class, "assignment-closed")).expectNoEvents();
    }
}
