package vn.docket.command.assignment;

import static vn.docket.command.assignment.AssignmentTest.CHAIR;
import static vn.docket.command.assignment.AssignmentTest.CLERK;
import static vn.docket.command.assignment.AssignmentTest.ID;
import static vn.docket.command.assignment.AssignmentTest.LEADERS;
import static vn.docket.command.assignment.AssignmentTest.QLDT_STAFF;
import static vn.docket.command.assignment.AssignmentTest.TCKH;
import static vn.docket.command.assignment.AssignmentTest.TCKH_STAFF;
import static vn.docket.command.assignment.AssignmentTest.VICE_CHAIR;
import static vn.docket.command.assignment.AssignmentTest.assignTask;
import static vn.docket.command.assignment.AssignmentTest.by;
import static vn.docket.command.assignment.ChasingDeadlinesTest.DEADLINE;
import static vn.docket.command.assignment.ChasingDeadlinesTest.TODAY;
import static vn.docket.command.assignment.ChasingDeadlinesTest.as;
import static vn.docket.command.assignment.ChasingDeadlinesTest.assign;
import static vn.docket.command.assignment.ChasingDeadlinesTest.draftBy;
import static vn.docket.command.assignment.Refusal.refused;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.command.assignment.AssignmentCommands.Approve;
import vn.docket.command.assignment.AssignmentCommands.Cancel;
import vn.docket.command.assignment.AssignmentCommands.DecideExtension;
import vn.docket.command.assignment.AssignmentCommands.Reassign;
import vn.docket.command.assignment.AssignmentCommands.RequestRevision;
import vn.docket.command.assignment.AssignmentCommands.RequestExtension;
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DraftApproved;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.testing.MutableClock;

/** Gia hạn: the lead unit asks for a later date with a reason; a leader approves (maybe another date) or rejects. */
class ExtensionRequestTest {

    static final LocalDate ASKED = LocalDate.of(2021, 6, 4);
    static final String REASON = "Chờ số liệu quyết toán quý I của các phường";

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

    TestExecutor<Assignment> assigned() {
        return fixture.givenCurrentTime(clock.instant()).andGivenCommands(as(CLERK, assign(DEADLINE, TODAY)));
    }

    TestExecutor<Assignment> requested() {
        return assigned().andGivenCommands(as(TCKH_STAFF, new RequestExtension(ID, ASKED, REASON, TODAY)));
    }

    @Test
    void staff_of_the_lead_unit_ask_for_a_later_date_with_a_reason() {
        assigned()
                .when(new RequestExtension(ID, ASKED, REASON, TODAY), by(TCKH_STAFF))
                .expectEvents(new ExtensionRequested(ID, DEADLINE, ASKED, REASON, TODAY));
    }

    @Test
    void staff_of_another_unit_cannot_ask_for_an_extension() {
        assigned()
                .when(new RequestExtension(ID, ASKED, REASON, TODAY), by(QLDT_STAFF))
                .expectException(refused(NotAllowed.class, "own-unit-only")).expectNoEvents();
    }

    @Test
    void the_date_asked_for_must_be_later_than_the_current_deadline() {
        assigned()
                .when(new RequestExtension(ID, DEADLINE, REASON, TODAY), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "extension-not-later"))
                .expectExceptionMessage("The date asked for, 20/5/2021, must be later than the current deadline, 20/5/2021.");
    }

    /** A date already gone could never be granted as asked (extension-in-past), so it is refused when asked. */
    @Test
    void the_date_asked_for_cannot_have_passed_on_the_day_of_the_request() {
        TestExecutor<Assignment> overdue = assigned();
        clock.setToday(LocalDate.of(2021, 6, 10));
        overdue.when(new RequestExtension(ID, LocalDate.of(2021, 6, 1), REASON, null), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "extension-in-past")).expectNoEvents();
    }

    @Test
    void a_request_made_on_paper_earlier_may_ask_for_a_date_since_past() {
        TestExecutor<Assignment> overdue = assigned();
        clock.setToday(LocalDate.of(2021, 6, 10));
        LocalDate onPaper = LocalDate.of(2021, 5, 25);
        overdue.when(new RequestExtension(ID, LocalDate.of(2021, 6, 1), REASON, onPaper), by(CLERK))
                .expectEvents(new ExtensionRequested(ID, DEADLINE, LocalDate.of(2021, 6, 1), REASON, onPaper));
    }

    @Test
    void an_extension_request_needs_a_reason() {
        assigned()
                .when(new RequestExtension(ID, ASKED, " ", TODAY), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "reason-required")).expectNoEvents();
    }

    @Test
    void a_task_without_a_deadline_has_nothing_to_extend() {
        fixture.givenCurrentTime(clock.instant()).andGivenCommands(as(CLERK, assign(null, TODAY)))
                .when(new RequestExtension(ID, ASKED, REASON, TODAY), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "no-deadline")).expectNoEvents();
    }

    @Test
    void only_one_request_awaits_a_decision_at_a_time() {
        requested()
                .when(new RequestExtension(ID, ASKED.plusDays(7), REASON, TODAY), by(TCKH_STAFF))
                .expectException(refused(StateConflict.class, "extension-pending")).expectNoEvents();
    }

    @Test
    void a_leader_approves_and_the_deadline_moves_while_the_original_stays_on_record() {
        requested()
                .when(new DecideExtension(ID, true, null, null, TODAY), by(VICE_CHAIR))
                .expectEvents(new DeadlineExtended(ID, DEADLINE, ASKED, REASON, TODAY, true))
                .expectScheduledDeadlineWithName(OffsetDateTime.parse("2021-06-01T08:00+07:00").toInstant(),
                        DeadlineChaser.REMINDER);
    }

    @Test
    void a_leader_may_grant_a_different_date_than_asked() {
        requested()
                .when(new DecideExtension(ID, true, LocalDate.of(2021, 5, 31), "Gia hạn đến 31/5", TODAY), by(CHAIR))
                .expectEvents(new DeadlineExtended(ID, DEADLINE, LocalDate.of(2021, 5, 31), "Gia hạn đến 31/5", TODAY));
    }

    @Test
    void a_leader_rejects_with_a_reason_and_the_deadline_stays() {
        requested()
                .when(new DecideExtension(ID, false, null, "Nhiệm vụ cấp bách, không gia hạn", TODAY), by(CHAIR))
                .expectEvents(new ExtensionRejected(ID, ASKED, "Nhiệm vụ cấp bách, không gia hạn", TODAY));
    }

    @Test
    void a_decision_that_says_neither_yes_nor_no_is_refused_by_its_own_rule() {
        requested()
                .when(new DecideExtension(ID, null, null, "Đã xem", TODAY), by(CHAIR))
                .expectException(refused(RuleBroken.class, "extension-decision-required")).expectNoEvents();
    }

    @Test
    void a_rejection_needs_a_reason() {
        requested()
                .when(new DecideExtension(ID, false, null, null, TODAY), by(CHAIR))
                .expectException(refused(RuleBroken.class, "rejection-reason-required")).expectNoEvents();
    }

    @Test
    void only_the_chair_or_a_vice_chair_decides_on_an_extension() {
        requested()
                .when(new DecideExtension(ID, true, null, null, TODAY), by(CLERK))
                .expectException(refused(NotAllowed.class, "leaders-only")).expectNoEvents();
    }

    @Test
    void there_is_nothing_to_decide_without_a_pending_request() {
        assigned()
                .when(new DecideExtension(ID, true, ASKED, null, TODAY), by(CHAIR))
                .expectException(refused(StateConflict.class, "no-extension-request")).expectNoEvents();
    }

    @Test
    void a_granted_date_not_later_than_the_deadline_is_rejected() {
        requested()
                .when(new DecideExtension(ID, true, DEADLINE.minusDays(1), null, TODAY), by(CHAIR))
                .expectException(refused(RuleBroken.class, "extension-not-later")).expectNoEvents();
    }

    @Test
    void after_a_rejection_the_unit_may_ask_again() {
        requested().andGivenCommands(as(CHAIR, new DecideExtension(ID, false, null, "Chưa đủ căn cứ", TODAY)))
                .when(new RequestExtension(ID, ASKED, "Bổ sung căn cứ: công văn của Sở Tài chính", TODAY), by(TCKH_STAFF))
                .expectEvents(new ExtensionRequested(ID, DEADLINE, ASKED, "Bổ sung căn cứ: công văn của Sở Tài chính", TODAY));
    }

    // A request nobody decided ends when the command that made it moot is recorded (ExtensionRequestLapsed).

    static final String QLDT = "Phòng Quản lý đô thị";
    static final Reassign TO_QLDT = new Reassign(ID, QLDT, "Thuộc lĩnh vực quản lý đô thị", TODAY);

    @Test
    void a_reassignment_ends_the_old_units_pending_request() {
        requested()
                .when(TO_QLDT, by(CLERK))
                .expectEvents(new TaskReassigned(ID, TCKH, QLDT, "Thuộc lĩnh vực quản lý đô thị", TODAY),
                        new ExtensionRequestLapsed(ID, TCKH, ASKED, ExtensionRequestLapsed.Why.REASSIGNED, TODAY));
    }

    @Test
    void a_reassignment_with_no_request_pending_records_only_the_reassignment() {
        assigned()
                .when(TO_QLDT, by(CLERK))
                .expectEvents(new TaskReassigned(ID, TCKH, QLDT, "Thuộc lĩnh vực quản lý đô thị", TODAY));
    }

    @Test
    void after_a_reassignment_the_new_lead_unit_may_ask_for_its_own_extension() {
        requested().andGivenCommands(as(CLERK, TO_QLDT))
                .when(new RequestExtension(ID, ASKED.plusDays(10), "Mới nhận bàn giao hồ sơ", TODAY), by(QLDT_STAFF))
                .expectEvents(new ExtensionRequested(ID, DEADLINE, ASKED.plusDays(10), "Mới nhận bàn giao hồ sơ", TODAY));
    }

    @Test
    void after_a_reassignment_a_leader_cannot_approve_the_old_units_request() {
        requested().andGivenCommands(as(CLERK, TO_QLDT))
                .when(new DecideExtension(ID, true, null, null, TODAY), by(CHAIR))
                .expectException(refused(StateConflict.class, "no-extension-request")).expectNoEvents();
    }

    static RevisionRequested sentBack(LocalDate dueDate) {
        return new RevisionRequested(ID, 1, LEADERS, RevisionPoint.numbered(1, List.of("Bổ sung số liệu")), List.of(),
                null, dueDate, TODAY);
    }

    TestExecutor<Assignment> requestedThenHandedIn() {
        return requested().andGivenCommands(draftBy(TCKH_STAFF, TODAY));
    }

    @Test
    void a_revision_due_date_after_the_date_asked_for_settles_the_pending_request() {
        LocalDate due = ASKED.plusDays(11);
        requestedThenHandedIn()
                .when(new RequestRevision(ID, List.of("Bổ sung số liệu"), due, TODAY), by(CHAIR))
                .expectEvents(sentBack(due),
                        new ExtensionRequestLapsed(ID, TCKH, ASKED, ExtensionRequestLapsed.Why.SUPERSEDED_BY_DUE_DATE, TODAY));
    }

    @Test
    void a_revision_due_date_on_the_date_asked_for_settles_the_pending_request_too() {
        requestedThenHandedIn()
                .when(new RequestRevision(ID, List.of("Bổ sung số liệu"), ASKED, TODAY), by(CHAIR))
                .expectEvents(sentBack(ASKED),
                        new ExtensionRequestLapsed(ID, TCKH, ASKED, ExtensionRequestLapsed.Why.SUPERSEDED_BY_DUE_DATE, TODAY));
    }

    @Test
    void after_a_due_date_settled_the_request_the_unit_may_ask_again_beyond_it() {
        LocalDate due = ASKED.plusDays(11);
        requestedThenHandedIn().andGivenCommands(as(CHAIR, new RequestRevision(ID, List.of("Bổ sung số liệu"), due, TODAY)))
                .when(new RequestExtension(ID, due.plusDays(7), REASON, TODAY), by(TCKH_STAFF))
                .expectEvents(new ExtensionRequested(ID, due, due.plusDays(7), REASON, TODAY));
    }

    @Test
    void a_revision_due_date_before_the_date_asked_for_leaves_the_request_pending() {
        LocalDate due = ASKED.minusDays(5);
        requestedThenHandedIn()
                .when(new RequestRevision(ID, List.of("Bổ sung số liệu"), due, TODAY), by(CHAIR))
                .expectEvents(sentBack(due));
    }

    @Test
    void a_request_left_pending_by_an_earlier_due_date_can_still_be_approved_as_asked() {
        LocalDate due = ASKED.minusDays(5);
        requestedThenHandedIn().andGivenCommands(as(CHAIR, new RequestRevision(ID, List.of("Bổ sung số liệu"), due, TODAY)))
                .when(new DecideExtension(ID, true, null, null, TODAY), by(VICE_CHAIR))
                .expectEvents(new DeadlineExtended(ID, due, ASKED, REASON, TODAY, true));
    }

    @Test
    void a_revision_request_without_a_due_date_leaves_the_request_pending() {
        requestedThenHandedIn()
                .when(new RequestRevision(ID, List.of("Bổ sung số liệu"), null, TODAY), by(CHAIR))
                .expectEvents(sentBack(null));
    }

    // The work closing ends a request too: nobody may decide it any more (assignment-closed), so it would otherwise
    // stay pending for ever in the event stream, with the unit never told.

    @Test
    void a_final_approval_ends_the_pending_request_after_the_approval() {
        requestedThenHandedIn()
                .when(new Approve(ID, null, null, TODAY), by(CHAIR))
                .expectEvents(new DraftApproved(ID, 1, LEADERS, true, null, null, TODAY),
                        new ExtensionRequestLapsed(ID, TCKH, ASKED, ExtensionRequestLapsed.Why.APPROVED, TODAY));
    }

    @Test
    void an_approval_at_a_level_before_the_last_leaves_the_request_pending_as_the_draft_may_still_come_back() {
        String btv = AssignmentTest.BTV;
        fixture.givenCurrentTime(clock.instant())
                .andGivenCommands(as(CLERK, assignTask(NewTask.task().deadline(DEADLINE).route(List.of(LEADERS, btv))
                                .effectiveDate(TODAY))),
                        as(TCKH_STAFF, new RequestExtension(ID, ASKED, REASON, TODAY)), draftBy(TCKH_STAFF, TODAY))
                .when(new Approve(ID, null, null, TODAY), by(CHAIR))
                .expectEvents(new DraftApproved(ID, 1, LEADERS, false, null, null, TODAY));
    }

    @Test
    void a_final_approval_with_no_request_pending_records_only_the_approval() {
        assigned().andGivenCommands(draftBy(TCKH_STAFF, TODAY))
                .when(new Approve(ID, null, null, TODAY), by(CHAIR))
                .expectEvents(new DraftApproved(ID, 1, LEADERS, true, null, null, TODAY));
    }

    @Test
    void a_cancellation_ends_the_pending_request_after_the_cancellation() {
        requested()
                .when(new Cancel(ID, "Không còn phù hợp", TODAY), by(CLERK))
                .expectEvents(new TaskCancelled(ID, "Không còn phù hợp", TODAY),
                        new ExtensionRequestLapsed(ID, TCKH, ASKED, ExtensionRequestLapsed.Why.CANCELLED, TODAY));
    }

    @Test
    void cancelling_approved_work_records_no_second_lapse_for_the_request_its_approval_ended() {
        requestedThenHandedIn().andGivenCommands(as(CHAIR, new Approve(ID, null, null, TODAY)))
                .when(new Cancel(ID, "Không còn phù hợp", TODAY), by(CLERK))
                .expectEvents(new TaskCancelled(ID, "Không còn phù hợp", TODAY));
    }
}
