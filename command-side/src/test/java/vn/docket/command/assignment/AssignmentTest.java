package vn.docket.command.assignment;

import static vn.docket.command.assignment.Refusal.refused;
import static vn.docket.events.NewTask.task;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.command.assignment.AssignmentCommands.Approve;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.assignment.AssignmentCommands.Cancel;
import vn.docket.command.assignment.AssignmentCommands.ExtendDeadline;
import vn.docket.command.assignment.AssignmentCommands.Issue;
import vn.docket.command.assignment.AssignmentCommands.Reassign;
import vn.docket.command.assignment.AssignmentCommands.RequestRevision;
import vn.docket.command.assignment.AssignmentCommands.SubmitDraft;
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DecisionRef;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.testing.MutableClock;

/** Every rule of the assignment, as the office would state it. Dates follow notice 311/TB-UBND (April 2021). */
class AssignmentTest {

    static final UUID ID = NewTask.ID;
    static final String TCKH = "Phòng Tài chính - Kế hoạch";
    static final String LEADERS = "Lãnh đạo UBND thành phố";
    static final String BTV = "Ban Thường vụ Thành ủy";
    static final LocalDate MEETING = NewTask.MEETING;
    static final LocalDate DEADLINE = NewTask.DEADLINE;
    static final String SHA = "ab".repeat(32);

    static final Actor CLERK = new Actor("clerk", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", Role.CLERK);
    static final Actor TCKH_STAFF = new Actor("tckh", "Trần Văn Minh", TCKH, Role.UNIT_STAFF);
    static final Actor QLDT_STAFF = new Actor("qldt", "Lê Thị Hoa", "Phòng Quản lý đô thị", Role.UNIT_STAFF);
    static final Actor CHAIR = new Actor("chair", "Hoàng Văn Nam", LEADERS, Role.CHAIR);
    static final Actor VICE_CHAIR = new Actor("pct", "Phạm Văn Đức", LEADERS, Role.VICE_CHAIR);
    static final Actor AUDITOR = new Actor("auditor", "Vũ Thị Mai", "Thanh tra thành phố", Role.AUDITOR);

    FixtureConfiguration<Assignment> fixture;
    MutableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(LocalDate.of(2021, 4, 30));
        fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new ApprovalLevels(null));
        fixture.registerInjectableResource(new LeadUnits(fixture.getEventStore()));
        fixture.registerInjectableResource(new RevisionPointSettings(false));
        fixture.registerInjectableResource(new DeadlineChaser(WorkingDayCalendar.bundled(), 3, LocalTime.of(8, 0), clock));
    }

    static Map<String, ?> by(Actor actor) {
        return EventMetadata.of(actor, "command-1");
    }

    /** The command that hands out an assignment with these terms. */
    static AssignTask assignTask(NewTask task) {
        return new AssignTask(task.id(), task.title(), task.kind(), task.leadUnit(), task.coordinatingUnits(),
                task.deadline(), task.route(), task.source(), task.parentId(), task.effectiveDate());
    }

    static AssignTask assign(LocalDate deadline, List<String> route) {
        return assignTask(task().deadline(deadline).route(route));
    }

    static TaskAssigned assigned(List<String> route) {
        return task().route(route).assigned();
    }

    /** An event as the store holds it: with the actor who caused it in its metadata. */
    static GenericDomainEventMessage<?> stored(Object event, long seq, Actor actor) {
        return new GenericDomainEventMessage<>("Assignment", ID.toString(), seq, event, MetaData.from(by(actor)));
    }

    static DraftSubmitted draft(int version, LocalDate on) {
        return new DraftSubmitted(ID, version, "KH v" + version + ".docx", SHA, null, null, on);
    }

    @Nested
    class Assigning {

        @Test
        void a_clerk_assigns_a_task_with_its_route_and_deadline() {
            fixture.givenNoPriorActivity()
                    .when(assign(DEADLINE, List.of(LEADERS)), by(CLERK))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(assigned(List.of(LEADERS)));
        }

        @Test
        void unit_names_are_stored_in_nfc_whatever_the_keyboard_sent() {
            String decomposed = java.text.Normalizer.normalize(TCKH, java.text.Normalizer.Form.NFD);
            fixture.givenNoPriorActivity()
                    .when(assignTask(task().title("  Dự thảo Kế hoạch thực hiện Chương trình hành động ").leadUnit(decomposed)
                            .coordinatingUnits(null)), by(CLERK))
                    .expectEvents(assigned(List.of(LEADERS)));
        }

        @Test
        void a_task_without_a_title_is_rejected() {
            fixture.givenNoPriorActivity()
                    .when(assignTask(task().title(" ")), by(CLERK))
                    .expectException(refused(RuleBroken.class, "title-required")).expectExceptionMessage("An assignment needs a title.")
                    .expectNoEvents();
        }

        @Test
        void a_task_without_a_kind_is_rejected() {
            fixture.givenNoPriorActivity()
                    .when(assignTask(task().kind(null)), by(CLERK))
                    .expectException(refused(RuleBroken.class, "kind-required")).expectNoEvents();
        }

        @Test
        void a_task_without_a_lead_unit_is_rejected() {
            fixture.givenNoPriorActivity()
                    .when(assignTask(task().leadUnit(null)), by(CLERK))
                    .expectException(refused(RuleBroken.class, "lead-unit-required")).expectExceptionMessage("An assignment needs a lead unit.")
                    .expectNoEvents();
        }

        @Test
        void a_deadline_before_the_assignment_took_effect_is_rejected() {
            fixture.givenNoPriorActivity()
                    .when(assign(MEETING.minusDays(1), List.of(LEADERS)), by(CLERK))
                    .expectException(refused(RuleBroken.class, "deadline-before-assignment"))
                    .expectExceptionMessage("The deadline 12/4/2021 is before the assignment took effect (13/4/2021).")
                    .expectNoEvents();
        }

        @Test
        void an_empty_approval_route_is_rejected() {
            fixture.givenNoPriorActivity().when(assign(DEADLINE, List.of()), by(CLERK))
                    .expectException(refused(RuleBroken.class, "approval-route-required")).expectNoEvents();
        }

        @Test
        void a_route_through_an_unknown_level_is_rejected() {
            fixture.givenNoPriorActivity().when(assign(DEADLINE, List.of("Hội đồng quản trị")), by(CLERK))
                    .expectException(refused(RuleBroken.class, "unknown-approval-level"))
                    .expectExceptionMessage("\"Hội đồng quản trị\" is not a configured approval level.")
                    .expectNoEvents();
        }

        @Test
        void a_route_naming_one_level_twice_is_rejected() {
            fixture.givenNoPriorActivity().when(assign(DEADLINE, List.of(LEADERS, LEADERS)), by(CLERK))
                    .expectException(refused(RuleBroken.class, "approval-route-repeats")).expectNoEvents();
        }

        @Test
        void the_lead_unit_cannot_also_coordinate() {
            fixture.givenNoPriorActivity()
                    .when(assignTask(task().coordinatingUnits(List.of(TCKH))), by(CLERK))
                    .expectException(refused(RuleBroken.class, "lead-not-coordinator")).expectNoEvents();
        }

        @Test
        void an_assignment_cannot_be_its_own_parent() {
            fixture.givenNoPriorActivity()
                    .when(assignTask(task().parentId(ID)), by(CLERK))
                    .expectException(refused(RuleBroken.class, "parent-is-self")).expectNoEvents();
        }

        @Test
        void an_effective_date_in_the_future_is_rejected() {
            fixture.givenNoPriorActivity()
                    .when(assignTask(task().effectiveDate(LocalDate.of(2021, 5, 1))), by(CLERK))
                    .expectException(refused(RuleBroken.class, "effective-date-in-future")).expectNoEvents();
        }

        @Test
        void without_an_effective_date_the_assignment_takes_effect_today() {
            fixture.givenNoPriorActivity()
                    .when(assignTask(task().deadline(null).effectiveDate(null)), by(CLERK))
                    .expectEvents(task().deadline(null).effectiveDate(LocalDate.of(2021, 4, 30)).assigned());
        }

        @Test
        void unit_staff_cannot_assign_tasks() {
            fixture.givenNoPriorActivity().when(assign(DEADLINE, List.of(LEADERS)), by(TCKH_STAFF))
                    .expectException(refused(NotAllowed.class, "clerks-only")).expectNoEvents();
        }
    }

    /**
     * A request with an Idempotency-Key retried after a crash carries the command id of its first attempt (derived
     * from user, key and request): applied once, answered the same every time.
     */
    @Nested
    class RetriedRequests {

        static final String KEYED = "6f1c2a7e-0000-5000-8000-000000000001";

        static GenericDomainEventMessage<?> storedUnder(String commandId, Object event, long seq, Actor actor) {
            return new GenericDomainEventMessage<>("Assignment", ID.toString(), seq, event,
                    MetaData.from(EventMetadata.keyed(actor, commandId)));
        }

        @Test
        void a_draft_retried_after_its_event_was_stored_answers_its_version_and_adds_nothing() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), storedUnder(KEYED, draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new SubmitDraft(ID, "KH v1.docx", SHA, null, null, MEETING), EventMetadata.keyed(TCKH_STAFF, KEYED))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(1)
                    .expectNoEvents();
        }

        @Test
        void an_approval_retried_after_its_event_was_stored_is_not_refused_and_adds_nothing() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                            storedUnder(KEYED, new DraftApproved(ID, 1, LEADERS, true, null, null, MEETING), 2, CHAIR))
                    .when(new Approve(ID, null, null, MEETING), EventMetadata.keyed(CHAIR, KEYED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_keyed_command_whose_first_attempt_stored_nothing_is_applied() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", SHA, null, null, MEETING), EventMetadata.keyed(TCKH_STAFF, KEYED))
                    .expectResultMessagePayload(1)
                    .expectEvents(draft(1, MEETING));
        }

        @Test
        void a_command_without_a_key_is_judged_again_even_under_a_command_id_seen_before() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new SubmitDraft(ID, "KH v1.docx", SHA, null, null, MEETING), by(TCKH_STAFF))
                    .expectException(refused(StateConflict.class, "draft-awaiting-review")).expectNoEvents();
        }
    }

    @Nested
    class SubmittingDrafts {

        @Test
        void the_first_draft_is_version_1_and_the_next_after_a_revision_is_version_2() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", SHA, null, null, MEETING), by(TCKH_STAFF))
                    .expectResultMessagePayload(1)
                    .expectEvents(draft(1, MEETING));
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                            stored(new RevisionRequested(ID, 1, LEADERS, List.of("Bố cục 4 mục"), null, MEETING), 2, CHAIR))
                    .when(new SubmitDraft(ID, "KH v2.docx", SHA, null, null, LocalDate.of(2021, 4, 20)), by(TCKH_STAFF))
                    .expectResultMessagePayload(2)
                    .expectEvents(draft(2, LocalDate.of(2021, 4, 20)));
        }

        @Test
        void a_draft_needs_a_hash_or_a_link() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", null, null, null, MEETING), by(TCKH_STAFF))
                    .expectException(refused(RuleBroken.class, "document-reference-required")).expectNoEvents();
        }

        @Test
        void a_malformed_hash_is_rejected() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", "abc", null, null, MEETING), by(TCKH_STAFF))
                    .expectException(refused(RuleBroken.class, "document-sha256-format")).expectNoEvents();
        }

        @Test
        void a_draft_with_a_link_is_accepted() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", null, "https://vanban.langson.gov.vn/kh1", "bản 1", MEETING),
                            by(TCKH_STAFF))
                    .expectEvents(new DraftSubmitted(ID, 1, "KH v1.docx", null, "https://vanban.langson.gov.vn/kh1", "bản 1",
                            MEETING));
        }

        @Test
        void no_second_draft_while_the_first_awaits_review() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new SubmitDraft(ID, "KH v2.docx", SHA, null, null, MEETING), by(TCKH_STAFF))
                    .expectException(refused(StateConflict.class, "draft-awaiting-review")).expectNoEvents();
        }

        @Test
        void no_draft_after_final_approval() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                            stored(new DraftApproved(ID, 1, LEADERS, true, null, null, MEETING), 2, CHAIR))
                    .when(new SubmitDraft(ID, "KH v2.docx", SHA, null, null, MEETING), by(TCKH_STAFF))
                    .expectException(refused(StateConflict.class, "assignment-closed")).expectNoEvents();
        }

        @Test
        void no_draft_after_cancellation() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK),
                            stored(new TaskCancelled(ID, "Không còn cần thiết", MEETING), 1, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", SHA, null, null, MEETING), by(TCKH_STAFF))
                    .expectException(refused(StateConflict.class, "assignment-closed")).expectNoEvents();
        }

        @Test
        void another_units_staff_cannot_submit_the_draft() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", SHA, null, null, MEETING), by(QLDT_STAFF))
                    .expectException(refused(NotAllowed.class, "own-unit-only")).expectNoEvents();
        }

        @Test
        void a_clerk_may_record_a_draft_handed_in_on_paper_days_ago() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new SubmitDraft(ID, "KH v1 (bản giấy)", SHA, null, null, LocalDate.of(2021, 4, 15)), by(CLERK))
                    .expectEvents(new DraftSubmitted(ID, 1, "KH v1 (bản giấy)", SHA, null, null, LocalDate.of(2021, 4, 15)));
        }

        @Test
        void a_draft_cannot_take_effect_before_the_last_recorded_step() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", SHA, null, null, MEETING.minusDays(2)), by(TCKH_STAFF))
                    .expectException(refused(RuleBroken.class, "effective-date-order")).expectNoEvents();
        }
    }

    @Nested
    class RequestingRevisions {

        @Test
        void a_leader_sends_the_draft_back_with_the_things_to_revise() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new RequestRevision(ID, List.of("Bố cục 4 mục", "Lộ trình cụ thể"), LocalDate.of(2021, 4, 25),
                            MEETING), by(CHAIR))
                    .expectEvents(new RevisionRequested(ID, 1, LEADERS, List.of("Bố cục 4 mục", "Lộ trình cụ thể"),
                            LocalDate.of(2021, 4, 25), MEETING));
        }

        @Test
        void a_revision_needs_at_least_one_reason() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new RequestRevision(ID, List.of(" "), null, MEETING), by(CHAIR))
                    .expectException(refused(RuleBroken.class, "reasons-required")).expectNoEvents();
        }

        @Test
        void no_revision_without_a_draft_awaiting_review() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new RequestRevision(ID, List.of("Bổ sung"), null, MEETING), by(CHAIR))
                    .expectException(refused(StateConflict.class, "no-draft-awaiting-review")).expectNoEvents();
        }

        @Test
        void a_leaders_send_back_citing_an_outside_decision_is_refused_rather_than_the_reference_dropped() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new RequestRevision(ID, List.of("Bổ sung"), null, MEETING, List.of(), null,
                            new DecisionRef("45-TB/TU", MEETING)), by(CHAIR))
                    .expectException(refused(RuleBroken.class, "decision-outside-body-only")).expectNoEvents();
        }

        @Test
        void unit_staff_cannot_request_revisions() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new RequestRevision(ID, List.of("Bổ sung"), null, MEETING), by(TCKH_STAFF))
                    .expectException(refused(NotAllowed.class, "approval-level")).expectNoEvents();
        }
    }

    @Nested
    class Approving {

        @Test
        void approving_at_the_only_level_is_the_final_approval() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, "Đồng ý", null, LocalDate.of(2021, 4, 26)), by(VICE_CHAIR))
                    .expectEvents(new DraftApproved(ID, 1, LEADERS, true, "Đồng ý", null, LocalDate.of(2021, 4, 26)));
        }

        @Test
        void levels_are_approved_in_route_order_and_only_the_last_is_final() {
            fixture.given(stored(assigned(List.of(LEADERS, BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, null, MEETING), by(CHAIR))
                    .expectEvents(new DraftApproved(ID, 1, LEADERS, false, null, null, MEETING));
        }

        @Test
        void an_outside_body_is_recorded_by_a_clerk_citing_its_decision() {
            DecisionRef decision = new DecisionRef("45-TB/TU", LocalDate.of(2021, 4, 28));
            fixture.given(stored(assigned(List.of(LEADERS, BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                            stored(new DraftApproved(ID, 1, LEADERS, false, null, null, MEETING), 2, CHAIR))
                    .when(new Approve(ID, null, decision, LocalDate.of(2021, 4, 29)), by(CLERK))
                    .expectEvents(new DraftApproved(ID, 1, BTV, true, null, decision, LocalDate.of(2021, 4, 29)));
        }

        @Test
        void a_clerk_who_records_an_outside_decision_weeks_later_without_a_day_is_told_it_took_effect_on_the_decision() {
            // 3722/VPCP-CN: the Prime Minister's answer of 29/4 recorded on 30/4 from its letter, "Ngày thực hiện" blank.
            DecisionRef decision = new DecisionRef("123/TTg-CN", LocalDate.of(2021, 4, 29));
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, CLERK))
                    .when(new Approve(ID, null, decision, null), by(CLERK))
                    .expectEvents(new DraftApproved(ID, 1, BTV, true, null, decision, LocalDate.of(2021, 4, 29)));
        }

        @Test
        void a_clerk_who_records_an_outside_send_back_without_a_day_dates_it_on_the_decision() {
            DecisionRef decision = new DecisionRef("45-TB/TU", LocalDate.of(2021, 4, 29));
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, CLERK))
                    .when(new RequestRevision(ID, List.of("Bổ sung"), null, null, List.of(), null, decision), by(CLERK))
                    .expectEvents(new RevisionRequested(ID, 1, BTV, List.of(new RevisionPoint("1.1", 1, "Bổ sung")),
                            List.of(), decision, null, LocalDate.of(2021, 4, 29)));
        }

        @Test
        void a_clerk_who_records_an_outside_decision_taken_before_a_later_step_without_a_day_dates_it_on_that_step() {
            // The body decided on 27/4; the clerk extended the deadline on 28/4 and records the decision on 30/4.
            DecisionRef decision = new DecisionRef("45-TB/TU", LocalDate.of(2021, 4, 27));
            LocalDate extendedOn = LocalDate.of(2021, 4, 28);
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, CLERK),
                            stored(new DeadlineExtended(ID, DEADLINE, DEADLINE.plusDays(10), "Chờ họp", extendedOn), 2, CLERK))
                    .when(new Approve(ID, null, decision, null), by(CLERK))
                    .expectEvents(new DraftApproved(ID, 1, BTV, true, null, decision, extendedOn));
        }

        @Test
        void a_clerk_who_cites_a_decision_before_the_draft_reached_the_body_without_a_day_is_told_so() {
            DecisionRef early = new DecisionRef("45-TB/TU", MEETING.minusDays(1));
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, CLERK))
                    .when(new Approve(ID, null, early, null), by(CLERK))
                    .expectException(refused(RuleBroken.class, "decision-before-draft-reached-level")).expectNoEvents();
        }

        @Test
        void an_outside_bodys_decision_dated_before_the_draft_came_before_it_is_refused() {
            // v2 was approved by the leaders on 29/4; a decision of 28/4 would say the body passed a draft it had not seen.
            DecisionRef early = new DecisionRef("45-TB/TU", LocalDate.of(2021, 4, 28));
            fixture.given(stored(assigned(List.of(LEADERS, BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                            stored(new DraftApproved(ID, 1, LEADERS, false, null, null, LocalDate.of(2021, 4, 29)), 2, CHAIR))
                    .when(new Approve(ID, null, early, LocalDate.of(2021, 4, 30)), by(CLERK))
                    .expectException(refused(RuleBroken.class, "decision-before-draft-reached-level")).expectNoEvents();
        }

        @Test
        void an_outside_bodys_send_back_dated_before_the_draft_was_handed_in_is_refused() {
            DecisionRef early = new DecisionRef("45-TB/TU", MEETING.minusDays(1));
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new RequestRevision(ID, List.of("Bổ sung"), null, MEETING, List.of(), null, early), by(CLERK))
                    .expectException(refused(RuleBroken.class, "decision-before-draft-reached-level")).expectNoEvents();
        }

        @Test
        void an_outside_bodys_decision_on_the_day_the_draft_came_before_it_is_recorded() {
            DecisionRef sameDay = new DecisionRef("45-TB/TU", LocalDate.of(2021, 4, 29));
            fixture.given(stored(assigned(List.of(LEADERS, BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                            stored(new DraftApproved(ID, 1, LEADERS, false, null, null, LocalDate.of(2021, 4, 29)), 2, CHAIR))
                    .when(new Approve(ID, null, sameDay, LocalDate.of(2021, 4, 29)), by(CLERK))
                    .expectEvents(new DraftApproved(ID, 1, BTV, true, null, sameDay, LocalDate.of(2021, 4, 29)));
        }

        @Test
        void the_clerk_who_recorded_a_paper_draft_may_record_an_outside_bodys_approval_of_it() {
            // The clerk approves nothing: Ban Thường vụ decided, citing its own decision; "own draft" is a leader's rule.
            DecisionRef decision = new DecisionRef("45-TB/TU", LocalDate.of(2021, 4, 28));
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, CLERK))
                    .when(new Approve(ID, null, decision, LocalDate.of(2021, 4, 29)), by(CLERK))
                    .expectEvents(new DraftApproved(ID, 1, BTV, true, null, decision, LocalDate.of(2021, 4, 29)));
        }

        @Test
        void an_outside_bodys_decision_number_is_kept_as_the_office_writes_it_trimmed_and_in_nfc() {
            LocalDate on = LocalDate.of(2021, 4, 28);
            // Typed with spaces around it and "Ú" as U with a combining accent (NFD); the event keeps one spelling, NFC.
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, new DecisionRef("  45-NQ/T\u0055 \u0110U\u0301\u00A0", on), on), by(CLERK))
                    .expectEvents(new DraftApproved(ID, 1, BTV, true, null,
                            new DecisionRef("45-NQ/TU \u0110\u00DA", on), on));
        }

        @Test
        void an_outside_bodys_approval_without_its_decision_is_rejected() {
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, null, MEETING), by(CLERK))
                    .expectException(refused(RuleBroken.class, "decision-required")).expectNoEvents();
        }

        @Test
        void a_leaders_approval_citing_an_outside_decision_is_refused_rather_than_the_reference_dropped() {
            fixture.given(stored(assigned(List.of(LEADERS, BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, new DecisionRef("45-TB/TU", MEETING), MEETING), by(CHAIR))
                    .expectException(refused(RuleBroken.class, "decision-outside-body-only")).expectNoEvents();
        }

        @Test
        void an_empty_decision_at_a_leaders_level_is_no_decision() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, new DecisionRef(" ", null), MEETING), by(CHAIR))
                    .expectEvents(new DraftApproved(ID, 1, LEADERS, true, null, null, MEETING));
        }

        @Test
        void a_leader_cannot_act_for_an_outside_body() {
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, new DecisionRef("45-TB/TU", MEETING), MEETING), by(CHAIR))
                    .expectException(refused(NotAllowed.class, "approval-level")).expectNoEvents();
        }

        @Test
        void a_level_an_administrator_granted_lets_its_holder_approve_there_and_only_there() {
            String chairLevel = "Chủ tịch UBND thành phố";
            Map<String, Object> granted = new java.util.HashMap<>(by(VICE_CHAIR));
            granted.put(EventMetadata.ACTOR_LEVELS, chairLevel);
            fixture.given(stored(assigned(List.of(chairLevel)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, null, MEETING), granted)
                    .expectEvents(new DraftApproved(ID, 1, chairLevel, true, null, null, MEETING));
            fixture.given(stored(assigned(List.of(BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, new DecisionRef("45-TB/TU", MEETING), MEETING), granted)
                    .expectException(refused(NotAllowed.class, "approval-level")).expectNoEvents();
        }

        @Test
        void a_vice_chair_cannot_approve_at_the_chairs_level() {
            fixture.given(stored(assigned(List.of("Chủ tịch UBND thành phố")), 0, CLERK),
                            stored(draft(1, MEETING), 1, TCKH_STAFF))
                    .when(new Approve(ID, null, null, MEETING), by(VICE_CHAIR))
                    .expectException(refused(NotAllowed.class, "approval-level")).expectNoEvents();
        }

        @Test
        void nobody_approves_a_draft_they_submitted() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, CHAIR))
                    .when(new Approve(ID, null, null, MEETING), by(CHAIR))
                    .expectException(refused(NotAllowed.class, "own-draft")).expectExceptionMessage("Nobody may approve a draft they submitted themselves.")
                    .expectNoEvents();
        }

        @Test
        void approving_a_draft_already_approved_is_rejected() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                            stored(new DraftApproved(ID, 1, LEADERS, true, null, null, MEETING), 2, CHAIR))
                    .when(new Approve(ID, null, null, MEETING), by(CHAIR))
                    .expectException(refused(StateConflict.class, "no-draft-awaiting-review")).expectNoEvents();
        }

        @Test
        void approving_without_a_draft_is_rejected() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new Approve(ID, null, null, MEETING), by(CHAIR))
                    .expectException(refused(StateConflict.class, "no-draft-awaiting-review")).expectNoEvents();
        }

        @Test
        void a_new_version_climbs_the_route_from_its_first_level_again() {
            fixture.given(stored(assigned(List.of(LEADERS, BTV)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                            stored(new DraftApproved(ID, 1, LEADERS, false, null, null, MEETING), 2, CHAIR),
                            stored(new RevisionRequested(ID, 1, BTV, List.of("Bổ sung"), null, MEETING), 3, CLERK),
                            stored(draft(2, MEETING), 4, TCKH_STAFF))
                    .when(new Approve(ID, null, null, MEETING), by(CHAIR))
                    .expectEvents(new DraftApproved(ID, 2, LEADERS, false, null, null, MEETING));
        }
    }

    @Nested
    class IssuingExtendingReassigningCancelling {

        GenericDomainEventMessage<?>[] approvedOn(LocalDate day) {
            return new GenericDomainEventMessage<?>[] {stored(assigned(List.of(LEADERS)), 0, CLERK),
                    stored(draft(1, MEETING), 1, TCKH_STAFF),
                    stored(new DraftApproved(ID, 1, LEADERS, true, null, null, day), 2, CHAIR)};
        }

        @Test
        void an_approved_plan_is_issued_with_its_document_number() {
            fixture.given((Object[]) approvedOn(LocalDate.of(2021, 4, 26)))
                    .when(new Issue(ID, "95/KH-UBND", LocalDate.of(2021, 4, 28)), by(CLERK))
                    .expectEvents(new DocumentIssued(ID, "95/KH-UBND", LocalDate.of(2021, 4, 28)));
        }

        @Test
        void an_approved_contribution_to_another_assignment_cannot_be_issued() {
            UUID plan = UUID.fromString("00000000-0000-0000-0000-000000000001");
            TaskAssigned contribution = task().leadUnit("Phòng Quản lý đô thị").route(List.of(TCKH)).parentId(plan)
                    .assigned();
            fixture.given(stored(contribution, 0, CLERK), stored(draft(1, MEETING), 1, QLDT_STAFF),
                            stored(new DraftApproved(ID, 1, TCKH, true, null, null, LocalDate.of(2021, 4, 20)), 2, TCKH_STAFF))
                    .when(new Issue(ID, "12/CV-QLĐT", LocalDate.of(2021, 4, 21)), by(CLERK))
                    .expectException(refused(StateConflict.class, "contribution-not-issued")).expectNoEvents();
        }

        @Test
        void an_unapproved_plan_cannot_be_issued() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new Issue(ID, "95/KH-UBND", MEETING), by(CLERK))
                    .expectException(refused(StateConflict.class, "not-approved")).expectNoEvents();
        }

        @Test
        void a_document_already_issued_is_not_issued_again_and_the_refusal_says_it_was_issued_not_that_it_lacks_approval() {
            GenericDomainEventMessage<?>[] approved = approvedOn(LocalDate.of(2021, 4, 26));
            fixture.given(approved[0], approved[1], approved[2],
                            stored(new DocumentIssued(ID, "95/KH-UBND", LocalDate.of(2021, 4, 28)), 3, CLERK))
                    .when(new Issue(ID, "96/KH-UBND", LocalDate.of(2021, 4, 29)), by(CLERK))
                    .expectException(refused(StateConflict.class, "already-issued")).expectNoEvents();
        }

        @Test
        void issuance_needs_a_number_and_a_date() {
            fixture.given((Object[]) approvedOn(LocalDate.of(2021, 4, 26)))
                    .when(new Issue(ID, "", LocalDate.of(2021, 4, 28)), by(CLERK))
                    .expectException(refused(RuleBroken.class, "document-number-required")).expectNoEvents();
            fixture.given((Object[]) approvedOn(LocalDate.of(2021, 4, 26)))
                    .when(new Issue(ID, "95/KH-UBND", null), by(CLERK))
                    .expectException(refused(RuleBroken.class, "issued-on-required")).expectNoEvents();
        }

        @Test
        void the_deadline_moves_later_and_the_original_stays_on_record() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new ExtendDeadline(ID, LocalDate.of(2021, 5, 10), "Chờ số liệu quý I", LocalDate.of(2021, 4, 24)),
                            by(CLERK))
                    .expectEvents(new DeadlineExtended(ID, DEADLINE, LocalDate.of(2021, 5, 10), "Chờ số liệu quý I",
                            LocalDate.of(2021, 4, 24)));
        }

        @Test
        void an_extension_to_an_earlier_or_equal_date_is_rejected() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new ExtendDeadline(ID, DEADLINE, "Không đổi", MEETING), by(CLERK))
                    .expectException(refused(RuleBroken.class, "extension-not-later"))
                    .expectExceptionMessage("The new deadline 25/4/2021 must be later than the current one, 25/4/2021.")
                    .expectNoEvents();
        }

        @Test
        void an_extension_needs_a_reason() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new ExtendDeadline(ID, LocalDate.of(2021, 5, 10), null, MEETING), by(CLERK))
                    .expectException(refused(RuleBroken.class, "reason-required")).expectNoEvents();
        }

        @Test
        void a_task_is_reassigned_to_another_lead_unit_with_a_reason() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new Reassign(ID, "Phòng Kinh tế", "Đúng chức năng", MEETING), by(CLERK))
                    .expectEvents(new TaskReassigned(ID, TCKH, "Phòng Kinh tế", "Đúng chức năng", MEETING));
        }

        @Test
        void reassigning_to_the_same_unit_is_rejected() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new Reassign(ID, TCKH, "Nhầm", MEETING), by(CLERK))
                    .expectException(refused(RuleBroken.class, "same-lead-unit")).expectNoEvents();
        }

        @Test
        void after_reassignment_the_new_units_staff_submit_the_draft() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK),
                            stored(new TaskReassigned(ID, TCKH, "Phòng Quản lý đô thị", "Đúng chức năng", MEETING), 1, CLERK))
                    .when(new SubmitDraft(ID, "KH v1.docx", SHA, null, null, MEETING), by(QLDT_STAFF))
                    .expectEvents(draft(1, MEETING));
        }

        @Test
        void a_cancelled_task_accepts_nothing_more() {
            GenericDomainEventMessage<?>[] cancelled = {stored(assigned(List.of(LEADERS)), 0, CLERK),
                    stored(new TaskCancelled(ID, "Trùng nhiệm vụ", MEETING), 1, CLERK)};
            fixture.given((Object[]) cancelled).when(new Cancel(ID, "Lần nữa", MEETING), by(CLERK))
                    .expectException(refused(StateConflict.class, "already-closed")).expectNoEvents();
            fixture.given((Object[]) cancelled).when(new ExtendDeadline(ID, LocalDate.of(2021, 6, 1), "x", MEETING), by(CLERK))
                    .expectException(refused(StateConflict.class, "assignment-closed")).expectNoEvents();
            fixture.given((Object[]) cancelled).when(new Reassign(ID, "Phòng Kinh tế", "x", MEETING), by(CLERK))
                    .expectException(refused(StateConflict.class, "assignment-closed")).expectNoEvents();
        }

        @Test
        void a_cancellation_needs_a_reason() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new Cancel(ID, "", MEETING), by(CLERK))
                    .expectException(refused(RuleBroken.class, "reason-required")).expectNoEvents();
        }

        @Test
        void an_auditor_changes_nothing() {
            fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK))
                    .when(new Cancel(ID, "Thử", MEETING), by(AUDITOR))
                    .expectException(refused(NotAllowed.class, "clerks-only")).expectNoEvents();
        }
    }
}
