package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static vn.docket.command.assignment.AssignmentTest.BTV;
import static vn.docket.command.assignment.AssignmentTest.CHAIR;
import static vn.docket.command.assignment.AssignmentTest.CLERK;
import static vn.docket.command.assignment.AssignmentTest.ID;
import static vn.docket.command.assignment.AssignmentTest.LEADERS;
import static vn.docket.command.assignment.AssignmentTest.QLDT_STAFF;
import static vn.docket.command.assignment.AssignmentTest.TCKH;
import static vn.docket.command.assignment.AssignmentTest.TCKH_STAFF;
import static vn.docket.command.assignment.AssignmentTest.VICE_CHAIR;
import static vn.docket.command.assignment.AssignmentTest.AUDITOR;
import static vn.docket.command.assignment.Refusal.assertRefused;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/**
 * Who may take which action in which state, without the aggregate: an assignment of Phòng Tài chính - Kế hoạch
 * whose route climbs the city's leaders, then Ban Thường vụ Thành ủy (an outside body a clerk records).
 */
class StandingTest {

    static final ApprovalLevels LEVELS = new ApprovalLevels(null);
    static final ApprovalRoute ROUTE = new ApprovalRoute(List.of(LEADERS, BTV), 0);

    static Standing assigned() {
        return new Standing(ID, AssignmentStatus.ASSIGNED, 0, TCKH, ROUTE, null, null, null, DeadlineTest.assignedWith(DeadlineTest.DEADLINE));
    }

    /** Draft v2, handed in by {@code submitter}, awaiting the route's level {@code approved}. */
    static Standing awaitingReview(String submitter, int approved) {
        return new Standing(ID, AssignmentStatus.DRAFT_SUBMITTED, 2, TCKH, new ApprovalRoute(ROUTE.levels(), approved),
                submitter, null, null, DeadlineTest.assignedWith(DeadlineTest.DEADLINE));
    }

    static Standing in(AssignmentStatus status) {
        return new Standing(ID, status, 1, TCKH, ROUTE, "tckh", null, null, DeadlineTest.assignedWith(DeadlineTest.DEADLINE));
    }

    static void check(Standing standing, Action action, Actor actor) {
        standing.check(action, actor, List.of(), LEVELS, null);
    }

    static void allowed(Standing standing, Action action, Actor actor) {
        assertThatCode(() -> check(standing, action, actor)).as(action + " by " + actor.id()).doesNotThrowAnyException();
    }

    @Test
    void only_a_clerk_chases_the_unit_and_only_while_the_unit_holds_the_work() {
        allowed(assigned(), Action.REMIND, CLERK);
        allowed(in(AssignmentStatus.REVISION_REQUESTED), Action.REMIND, CLERK);
        assertRefused(() -> check(assigned(), Action.REMIND, TCKH_STAFF), NotAllowed.class, "clerks-only");
        assertRefused(() -> check(awaitingReview("tckh", 0), Action.REMIND, CLERK), StateConflict.class, "nothing-to-chase");
        assertRefused(() -> check(in(AssignmentStatus.CANCELLED), Action.REMIND, CLERK), StateConflict.class, "assignment-closed");
    }

    @Test
    void the_lead_units_staff_or_a_clerk_hand_in_a_draft_while_none_awaits_review() {
        allowed(assigned(), Action.HAND_IN, TCKH_STAFF);
        allowed(assigned(), Action.HAND_IN, CLERK);
        assertRefused(() -> check(assigned(), Action.HAND_IN, QLDT_STAFF), NotAllowed.class, "own-unit-only");
        assertRefused(() -> check(awaitingReview("tckh", 0), Action.HAND_IN, TCKH_STAFF), StateConflict.class,
                "draft-awaiting-review");
        assertRefused(() -> check(in(AssignmentStatus.APPROVED), Action.HAND_IN, TCKH_STAFF), StateConflict.class,
                "assignment-closed");
    }

    @Test
    void a_draft_is_judged_only_while_it_awaits_review() {
        assertRefused(() -> check(assigned(), Action.APPROVE, CHAIR), StateConflict.class, "no-draft-awaiting-review");
        assertRefused(() -> check(in(AssignmentStatus.REVISION_REQUESTED), Action.SEND_BACK, CHAIR), StateConflict.class,
                "no-draft-awaiting-review");
    }

    @Test
    void who_may_judge_at_none_of_the_routes_levels_is_refused_for_that_whether_or_not_a_draft_awaits_review() {
        assertRefused(() -> check(in(AssignmentStatus.APPROVED), Action.APPROVE, AUDITOR), NotAllowed.class, "approval-level");
        // "No draft awaits review" would tell an auditor the state of a task they may never judge, and that trying
        // later could work.
        assertRefused(() -> check(assigned(), Action.APPROVE, AUDITOR), NotAllowed.class, "approval-level");
        assertRefused(() -> check(in(AssignmentStatus.REVISION_REQUESTED), Action.SEND_BACK, TCKH_STAFF),
                NotAllowed.class, "approval-level");
        assertRefused(() -> check(awaitingReview("tckh", 0), Action.APPROVE, AUDITOR), NotAllowed.class, "approval-level");
    }

    @Test
    void a_leader_who_judged_an_older_version_than_the_one_awaiting_review_is_refused_as_stale() {
        assertRefused(() -> awaitingReview("tckh", 0).check(Action.APPROVE, CHAIR, List.of(), LEVELS, 1),
                StateConflict.class, "stale-draft");
        assertThatCode(() -> awaitingReview("tckh", 0).check(Action.APPROVE, CHAIR, List.of(), LEVELS, 2))
                .doesNotThrowAnyException();
    }

    @Test
    void only_who_may_act_at_the_level_the_draft_awaits_judges_it() {
        allowed(awaitingReview("tckh", 0), Action.APPROVE, VICE_CHAIR);
        assertRefused(() -> check(awaitingReview("tckh", 0), Action.SEND_BACK, CLERK), NotAllowed.class, "approval-level");
        // The outside body decides at its own meeting: a clerk records it, the chair may not.
        allowed(awaitingReview("tckh", 1), Action.APPROVE, CLERK);
        assertRefused(() -> check(awaitingReview("tckh", 1), Action.APPROVE, CHAIR), NotAllowed.class, "approval-level");
    }

    @Test
    void a_level_granted_to_a_person_lets_them_judge_there() {
        assertThatCode(() -> awaitingReview("tckh", 0).check(Action.APPROVE, AUDITOR, List.of(LEADERS), LEVELS, null))
                .doesNotThrowAnyException();
    }

    @Test
    void nobody_approves_a_draft_they_submitted_though_they_may_send_it_back() {
        assertRefused(() -> check(awaitingReview("chair", 0), Action.APPROVE, CHAIR), NotAllowed.class, "own-draft");
        allowed(awaitingReview("chair", 0), Action.SEND_BACK, CHAIR);
    }

    @Test
    void the_lead_unit_asks_for_one_extension_at_a_time_and_only_of_a_deadline_there_is() {
        allowed(assigned(), Action.REQUEST_EXTENSION, TCKH_STAFF);
        assertRefused(() -> check(assigned(), Action.REQUEST_EXTENSION, QLDT_STAFF), NotAllowed.class, "own-unit-only");
        Standing pending = new Standing(ID, AssignmentStatus.ASSIGNED, 0, TCKH, ROUTE, null, null, null, DeadlineTest.requested());
        assertRefused(() -> check(pending, Action.REQUEST_EXTENSION, TCKH_STAFF), StateConflict.class, "extension-pending");
        Standing noDeadline = new Standing(ID, AssignmentStatus.ASSIGNED, 0, TCKH, ROUTE, null, null, null, DeadlineTest.assignedWith(null));
        assertRefused(() -> check(noDeadline, Action.REQUEST_EXTENSION, TCKH_STAFF), RuleBroken.class, "no-deadline");
    }

    @Test
    void a_leader_decides_on_an_extension_only_while_a_request_awaits_it() {
        Standing pending = new Standing(ID, AssignmentStatus.ASSIGNED, 0, TCKH, ROUTE, null, null, null, DeadlineTest.requested());
        allowed(pending, Action.DECIDE_EXTENSION, VICE_CHAIR);
        assertRefused(() -> check(pending, Action.DECIDE_EXTENSION, CLERK), NotAllowed.class, "leaders-only");
        assertRefused(() -> check(assigned(), Action.DECIDE_EXTENSION, CHAIR), StateConflict.class, "no-extension-request");
    }

    @Test
    void a_clerk_records_issuance_of_an_approved_assignment_once() {
        allowed(in(AssignmentStatus.APPROVED), Action.ISSUE, CLERK);
        assertRefused(() -> check(in(AssignmentStatus.APPROVED), Action.ISSUE, CHAIR), NotAllowed.class, "clerks-only");
        assertRefused(() -> check(awaitingReview("tckh", 1), Action.ISSUE, CLERK), StateConflict.class, "not-approved");
        assertRefused(() -> check(in(AssignmentStatus.ISSUED), Action.ISSUE, CLERK), StateConflict.class, "already-issued");
    }

    @Test
    void an_approved_contribution_is_not_offered_for_issuance_since_the_lead_units_own_document_is_the_one_issued() {
        Standing contribution = new Standing(ID, AssignmentStatus.APPROVED, 1, "Phòng Quản lý đô thị", ROUTE, "qldt",
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"), null,
                DeadlineTest.assignedWith(DeadlineTest.DEADLINE));
        assertRefused(() -> check(contribution, Action.ISSUE, CLERK), StateConflict.class, "contribution-not-issued");
        assertThat(contribution.allowed(CLERK, List.of(), LEVELS)).containsExactly(Action.CANCEL);
    }

    @Test
    void a_contribution_is_taken_in_or_sent_back_by_the_staff_of_the_unit_it_feeds_and_of_no_other_unit() {
        // Phòng Quản lý đô thị's contribution to a task of Phòng Tài chính - Kế hoạch, recorded on paper by a clerk.
        Standing contribution = new Standing(ID, AssignmentStatus.DRAFT_SUBMITTED, 1, "Phòng Quản lý đô thị",
                new ApprovalRoute(List.of("Đơn vị chủ trì tổng hợp"), 0), "clerk",
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"), TCKH,
                DeadlineTest.assignedWith(DeadlineTest.DEADLINE));
        allowed(contribution, Action.APPROVE, TCKH_STAFF);
        allowed(contribution, Action.SEND_BACK, TCKH_STAFF);
        assertRefused(() -> check(contribution, Action.APPROVE, QLDT_STAFF), NotAllowed.class, "compiling-unit-only");
        assertRefused(() -> check(contribution, Action.SEND_BACK, QLDT_STAFF), NotAllowed.class, "compiling-unit-only");
        assertThat(contribution.allowed(QLDT_STAFF, List.of(), LEVELS)).doesNotContain(Action.APPROVE, Action.SEND_BACK);
    }

    @Test
    void a_clerk_extends_and_reassigns_open_work_and_cancels_anything_not_yet_closed() {
        allowed(awaitingReview("tckh", 0), Action.EXTEND, CLERK);
        allowed(assigned(), Action.REASSIGN, CLERK);
        allowed(in(AssignmentStatus.APPROVED), Action.CANCEL, CLERK);
        assertRefused(() -> check(assigned(), Action.EXTEND, CHAIR), NotAllowed.class, "clerks-only");
        assertRefused(() -> check(in(AssignmentStatus.APPROVED), Action.EXTEND, CLERK), StateConflict.class, "assignment-closed");
        assertRefused(() -> check(in(AssignmentStatus.CANCELLED), Action.REASSIGN, CLERK), StateConflict.class,
                "assignment-closed");
        assertRefused(() -> check(in(AssignmentStatus.ISSUED), Action.CANCEL, CLERK), StateConflict.class, "already-closed");
        assertRefused(() -> check(in(AssignmentStatus.CANCELLED), Action.CANCEL, CLERK), StateConflict.class, "already-closed");
    }

    @Test
    void the_list_of_allowed_actions_is_every_action_the_checks_let_through_in_the_pages_order() {
        assertThat(assigned().allowed(CLERK, List.of(), LEVELS)).containsExactly(Action.REMIND, Action.HAND_IN,
                Action.REQUEST_EXTENSION, Action.EXTEND, Action.REASSIGN, Action.CANCEL);
        assertThat(awaitingReview("tckh", 0).allowed(CHAIR, List.of(), LEVELS)).containsExactly(Action.SEND_BACK,
                Action.APPROVE);
        assertThat(in(AssignmentStatus.ISSUED).allowed(CLERK, List.of(), LEVELS)).isEmpty();
        assertThat(assigned().allowed(AUDITOR, List.of(), LEVELS)).isEmpty();
    }

    @Test
    void a_meetings_conclusion_is_recorded_only_before_any_draft() {
        assertThatCode(() -> assigned().requireNoDraftYet()).doesNotThrowAnyException();
        assertRefused(() -> awaitingReview("clerk", 0).requireNoDraftYet(), StateConflict.class, "meeting-already-recorded");
        assertRefused(() -> in(AssignmentStatus.REVISION_REQUESTED).requireNoDraftYet(), StateConflict.class,
                "meeting-already-recorded");
        assertRefused(() -> in(AssignmentStatus.CANCELLED).requireNoDraftYet(), StateConflict.class,
                "meeting-already-recorded");
    }
}
