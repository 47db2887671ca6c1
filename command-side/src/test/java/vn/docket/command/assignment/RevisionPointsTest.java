package vn.docket.command.assignment;

import static vn.docket.command.assignment.AssignmentTest.BTV;
import static vn.docket.command.assignment.AssignmentTest.CHAIR;
import static vn.docket.command.assignment.AssignmentTest.CLERK;
import static vn.docket.command.assignment.AssignmentTest.ID;
import static vn.docket.command.assignment.AssignmentTest.LEADERS;
import static vn.docket.command.assignment.AssignmentTest.MEETING;
import static vn.docket.command.assignment.AssignmentTest.SHA;
import static vn.docket.command.assignment.AssignmentTest.TCKH_STAFF;
import static vn.docket.command.assignment.AssignmentTest.assigned;
import static vn.docket.command.assignment.AssignmentTest.by;
import static vn.docket.command.assignment.AssignmentTest.draft;
import static vn.docket.command.assignment.AssignmentTest.stored;
import static vn.docket.command.assignment.Refusal.refused;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.command.assignment.AssignmentCommands.Approve;
import vn.docket.command.assignment.AssignmentCommands.RecordMeetingConclusion;
import vn.docket.command.assignment.AssignmentCommands.RequestRevision;
import vn.docket.command.assignment.AssignmentCommands.SubmitDraft;
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.events.DecisionRef;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;
import vn.docket.events.RevisionRequested;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.testing.MutableClock;

/**
 * Revision points and judging the version one read: the chair sends v1 back with three points, the unit answers
 * them with v2 (taken in, where; or explained, why not), the chair approves v2 by naming it or reopens a point.
 */
class RevisionPointsTest {

    static final LocalDate BACK = LocalDate.of(2021, 4, 20);
    static final LocalDate V2 = LocalDate.of(2021, 4, 24);
    static final List<String> THREE = List.of("Chỉnh sửa bố cục gồm 04 mục chính", "Bổ sung lộ trình cụ thể",
            "Rút gọn phần đánh giá thực trạng");

    static FixtureConfiguration<Assignment> fixture(boolean answersRequired) {
        MutableClock clock = new MutableClock(LocalDate.of(2021, 4, 30));
        FixtureConfiguration<Assignment> fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new ApprovalLevels(null));
        fixture.registerInjectableResource(new LeadUnits(fixture.getEventStore()));
        fixture.registerInjectableResource(new RevisionPointSettings(answersRequired));
        fixture.registerInjectableResource(new DeadlineChaser(WorkingDayCalendar.bundled(), 3, LocalTime.of(8, 0), clock));
        return fixture;
    }

    /** v1 handed in and sent back by the chair with three points (ids 1.1, 1.2, 1.3). */
    static TestExecutor<Assignment> v1SentBack(FixtureConfiguration<Assignment> fixture) {
        return fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                stored(new RevisionRequested(ID, 1, LEADERS, THREE, null, BACK), 2, CHAIR));
    }

    /** ... and v2 handed in answering them: two taken in, one explained. */
    static TestExecutor<Assignment> v2Answered(FixtureConfiguration<Assignment> fixture) {
        return v1SentBack(fixture).andGiven(stored(draft(2, V2), 3, TCKH_STAFF),
                stored(new RevisionPointsAnswered(ID, 2, answers(), V2), 4, TCKH_STAFF));
    }

    static List<PointAnswer> answers() {
        return List.of(new PointAnswer("1.1", RevisionPointsAnswered.Answer.TAKEN_IN, "Mục I-IV"),
                new PointAnswer("1.2", RevisionPointsAnswered.Answer.TAKEN_IN, "Phụ lục 2"),
                new PointAnswer("1.3", RevisionPointsAnswered.Answer.EXPLAINED, "Thực trạng là căn cứ của các giải pháp"));
    }

    static SubmitDraft v2(List<PointAnswer> answers) {
        return new SubmitDraft(ID, "KH v2.docx", SHA, null, null, V2, answers);
    }

    @Test
    void a_revision_request_numbers_its_points_by_version() {
        fixture(false).given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                .when(new RequestRevision(ID, THREE, null, BACK), by(CHAIR))
                .expectEvents(new RevisionRequested(ID, 1, LEADERS, List.of(new RevisionPoint("1.1", 1, THREE.get(0)),
                        new RevisionPoint("1.2", 2, THREE.get(1)), new RevisionPoint("1.3", 3, THREE.get(2))),
                        List.of(), null, null, BACK));
    }

    @Test
    void the_next_draft_answers_each_point_taken_in_or_explained() {
        v1SentBack(fixture(false))
                .when(v2(answers()), by(TCKH_STAFF))
                .expectResultMessagePayload(2)
                .expectEvents(new DraftSubmitted(ID, 2, "KH v2.docx", SHA, null, null, V2),
                        new RevisionPointsAnswered(ID, 2, answers(), V2));
    }

    @Test
    void answers_are_optional_unless_configured() {
        v1SentBack(fixture(false))
                .when(v2(List.of()), by(TCKH_STAFF))
                .expectEvents(new DraftSubmitted(ID, 2, "KH v2.docx", SHA, null, null, V2));
    }

    @Test
    void when_answers_are_required_a_draft_leaving_a_point_unanswered_is_refused() {
        v1SentBack(fixture(true))
                .when(v2(answers().subList(0, 2)), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "revision-points-unanswered"))
                .expectExceptionMessage("Answer every open revision point with the draft: 1.3.")
                .expectNoEvents();
    }

    @Test
    void when_answers_are_required_a_draft_answering_every_point_is_accepted() {
        v1SentBack(fixture(true))
                .when(v2(answers()), by(TCKH_STAFF))
                .expectEvents(new DraftSubmitted(ID, 2, "KH v2.docx", SHA, null, null, V2),
                        new RevisionPointsAnswered(ID, 2, answers(), V2));
    }

    @Test
    void answering_a_point_nobody_raised_is_refused() {
        v1SentBack(fixture(false))
                .when(v2(List.of(new PointAnswer("1.4", RevisionPointsAnswered.Answer.TAKEN_IN, "Mục V"))), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "unknown-revision-point")).expectNoEvents();
    }

    @Test
    void answering_a_point_twice_is_refused() {
        v1SentBack(fixture(false))
                .when(v2(List.of(answers().get(0), new PointAnswer("1.1", RevisionPointsAnswered.Answer.EXPLAINED, "Không"))),
                        by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "revision-point-answered-twice")).expectNoEvents();
    }

    @Test
    void an_answer_must_say_taken_in_or_explained() {
        v1SentBack(fixture(false))
                .when(v2(List.of(new PointAnswer("1.1", null, "Mục I"))), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "answer-required")).expectNoEvents();
    }

    @Test
    void an_explained_point_must_say_why_not() {
        v1SentBack(fixture(false))
                .when(v2(List.of(new PointAnswer("1.3", RevisionPointsAnswered.Answer.EXPLAINED, " "))), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "answer-note-required"))
                .expectExceptionMessage("Point 1.3 is explained: say why it was not taken in.")
                .expectNoEvents();
    }

    @Test
    void an_answered_point_cannot_be_answered_again_by_the_next_draft() {
        v2Answered(fixture(false))
                .andGiven(stored(new RevisionRequested(ID, 2, LEADERS, List.of("Bổ sung kinh phí"), null, V2), 5, CHAIR))
                .when(new SubmitDraft(ID, "KH v3.docx", SHA, null, null, V2,
                        List.of(new PointAnswer("1.1", RevisionPointsAnswered.Answer.TAKEN_IN, "Mục I"))), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "unknown-revision-point")).expectNoEvents();
    }

    @Test
    void the_chair_may_reopen_an_answered_point_when_sending_the_draft_back_again() {
        v2Answered(fixture(false))
                .when(new RequestRevision(ID, List.of(), null, V2, List.of("1.3"), 2, null), by(CHAIR))
                .expectEvents(new RevisionRequested(ID, 2, LEADERS, List.of(), List.of("1.3"), null, null, V2));
    }

    @Test
    void a_reopened_point_is_open_again_for_the_next_draft() {
        v2Answered(fixture(true))
                .andGiven(stored(new RevisionRequested(ID, 2, LEADERS, List.of(), List.of("1.3"), null, null, V2), 5, CHAIR))
                .when(new SubmitDraft(ID, "KH v3.docx", SHA, null, null, V2, List.of()), by(TCKH_STAFF))
                .expectException(refused(RuleBroken.class, "revision-points-unanswered"))
                .expectExceptionMessage("Answer every open revision point with the draft: 1.3.");
    }

    @Test
    void a_point_not_yet_answered_cannot_be_reopened() {
        v1SentBack(fixture(false)).andGiven(stored(draft(2, V2), 3, TCKH_STAFF))
                .when(new RequestRevision(ID, List.of(), null, V2, List.of("1.2"), 2, null), by(CHAIR))
                .expectException(refused(RuleBroken.class, "revision-point-not-reopenable")).expectNoEvents();
    }

    @Test
    void requirements_read_from_the_meeting_are_points_the_first_draft_answers() {
        fixture(false).given(stored(assigned(List.of(LEADERS)), 0, CLERK),
                        stored(new DraftSubmitted(ID, 1, "Dự thảo trình tại cuộc họp ngày 13/04/2021", null, null, null,
                                MEETING), 1, CLERK),
                        stored(new MeetingConcluded(ID, 1, MeetingVerdict.REVISION_REQUIRED,
                                List.of("Chỉnh sửa bố cục gồm 04 mục chính"), "Chủ tịch", new DecisionRef("311/TB-UBND",
                                MEETING), MEETING), 2, CLERK))
                .when(v2(List.of(new PointAnswer("1.1", RevisionPointsAnswered.Answer.TAKEN_IN, "Bố cục mới"))),
                        by(TCKH_STAFF))
                .expectEvents(new DraftSubmitted(ID, 2, "KH v2.docx", SHA, null, null, V2),
                        new RevisionPointsAnswered(ID, 2,
                                List.of(new PointAnswer("1.1", RevisionPointsAnswered.Answer.TAKEN_IN, "Bố cục mới")), V2));
    }

    @Test
    void approving_the_version_one_read_approves_it() {
        v2Answered(fixture(false))
                .when(new Approve(ID, null, null, V2, 2), by(CHAIR))
                .expectEvents(new DraftApproved(ID, 2, LEADERS, true, null, null, V2));
    }

    @Test
    void approving_v1_after_v2_arrived_is_refused_as_stale() {
        v2Answered(fixture(false))
                .when(new Approve(ID, null, null, V2, 1), by(CHAIR))
                .expectException(refused(StateConflict.class, "stale-draft"))
                .expectExceptionMessage("You judged draft v1, but the current draft is v2: open v2 and judge it instead.")
                .expectNoEvents();
    }

    @Test
    void sending_back_a_version_that_is_no_longer_current_is_refused_as_stale() {
        v2Answered(fixture(false))
                .when(new RequestRevision(ID, List.of("Bổ sung"), null, V2, List.of(), 1, null), by(CHAIR))
                .expectException(refused(StateConflict.class, "stale-draft")).expectNoEvents();
    }

    @Test
    void an_outside_body_sends_a_draft_back_through_a_clerk_citing_its_decision() {
        DecisionRef decision = new DecisionRef("52-TB/TU", LocalDate.of(2021, 4, 28));
        fixture(false).given(stored(assigned(List.of(LEADERS, BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                        stored(new DraftApproved(ID, 1, LEADERS, false, null, null, MEETING), 2, CHAIR))
                .when(new RequestRevision(ID, List.of("Làm rõ nguồn kinh phí"), null, LocalDate.of(2021, 4, 29), List.of(),
                        1, decision), by(CLERK))
                .expectEvents(new RevisionRequested(ID, 1, BTV, List.of(new RevisionPoint("1.1", 1, "Làm rõ nguồn kinh phí")),
                        List.of(), decision, null, LocalDate.of(2021, 4, 29)));
    }

    @Test
    void an_outside_bodys_revision_request_without_its_decision_is_refused() {
        fixture(false).given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                .when(new RequestRevision(ID, List.of("Làm rõ nguồn kinh phí"), null, MEETING), by(CLERK))
                .expectException(refused(RuleBroken.class, "decision-required")).expectNoEvents();
    }
}
