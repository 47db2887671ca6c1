package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
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
import static vn.docket.command.assignment.AssignmentTest.assignTask;
import static vn.docket.command.assignment.AssignmentTest.by;
import static vn.docket.command.assignment.ChasingDeadlinesTest.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.command.assignment.AssignmentCommands.Approve;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.assignment.AssignmentCommands.Cancel;
import vn.docket.command.assignment.AssignmentCommands.DecideExtension;
import vn.docket.command.assignment.AssignmentCommands.ExtendDeadline;
import vn.docket.command.assignment.AssignmentCommands.Issue;
import vn.docket.command.assignment.AssignmentCommands.ListActions;
import vn.docket.command.assignment.AssignmentCommands.Reassign;
import vn.docket.command.assignment.AssignmentCommands.RequestExtension;
import vn.docket.command.assignment.AssignmentCommands.RequestRevision;
import vn.docket.command.assignment.AssignmentCommands.SendReminder;
import vn.docket.command.assignment.AssignmentCommands.SubmitDraft;
import vn.docket.command.deadlines.DeadlineChaser;
import vn.docket.events.Actor;
import vn.docket.events.DecisionRef;
import vn.docket.events.NewTask;
import vn.docket.events.Role;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.testing.MutableClock;

/**
 * The actions the detail page offers are the assignment's own answer: for every state and every role, an
 * action listed is accepted by its command, and an action not listed is refused by the sender's authority or
 * the assignment's state (never by what a form would say).
 */
class AllowedActionsTest {

    static final LocalDate TODAY = LocalDate.of(2021, 5, 10);
    static final LocalDate DEADLINE = LocalDate.of(2021, 5, 20);
    static final String COMPILING_UNIT = "Đơn vị chủ trì tổng hợp";
    static final Actor TCKH_HEAD = new Actor("tckh-head", "Đỗ Văn Hải", TCKH, Role.UNIT_HEAD);
    static final List<Actor> EVERYONE = List.of(CLERK, TCKH_STAFF, TCKH_HEAD, QLDT_STAFF, CHAIR, VICE_CHAIR, AUDITOR);
    static final DecisionRef BTV_DECISION = new DecisionRef("45-TB/TU", TODAY);

    /**
     * A state of an assignment, reached by the commands that lead to it, or by stored events where the actor who
     * caused them matters (the fixture does not copy a command's actor onto its events, as Docket's dispatcher does).
     */
    record State(String name, List<Object> events, List<Object> commands) {
    }

    static AssignTask assign(List<String> route) {
        return assignTask(NewTask.task().deadline(DEADLINE).route(route).effectiveDate(TODAY));
    }

    static State state(String name, Object... commands) {
        return new State(name, List.of(), List.of(commands));
    }

    static final Object ASSIGNED = as(CLERK, assign(List.of(LEADERS, BTV)));
    static final Object HANDED_IN = as(TCKH_STAFF, new SubmitDraft(ID, "BC v1.docx", null, "https://vanban.example.vn/bc", null, TODAY));
    static final Object PASSED_LEADERS = as(CHAIR, new Approve(ID, null, null, TODAY));
    static final Object PASSED_BTV = as(CLERK, new Approve(ID, null, BTV_DECISION, TODAY));

    static List<State> states() {
        return List.of(
                state("assigned", ASSIGNED),
                state("a draft awaits the leaders", ASSIGNED, HANDED_IN),
                state(AWAITS_OUTSIDE_BODY, ASSIGNED, HANDED_IN, PASSED_LEADERS),
                state("sent back", ASSIGNED, HANDED_IN, as(VICE_CHAIR, new RequestRevision(ID, List.of("Bổ sung số liệu"), null, TODAY))),
                state("an extension request awaits a leader", ASSIGNED,
                        as(TCKH_STAFF, new RequestExtension(ID, DEADLINE.plusDays(14), "Chờ số liệu", TODAY))),
                state("approved", ASSIGNED, HANDED_IN, PASSED_LEADERS, PASSED_BTV),
                state("issued", ASSIGNED, HANDED_IN, PASSED_LEADERS, PASSED_BTV,
                        as(CLERK, new Issue(ID, "120/BC-UBND", TODAY))),
                state("cancelled", ASSIGNED, as(CLERK, new Cancel(ID, "Không còn phù hợp", TODAY))),
                // Staff of the lead unit may judge at this level, but never their own draft.
                new State("the unit's own draft awaits its compiling unit",
                        List.of(AssignmentTest.stored(AssignmentTest.assigned(List.of(COMPILING_UNIT)), 0, CLERK),
                                AssignmentTest.stored(AssignmentTest.draft(1, AssignmentTest.MEETING), 1, TCKH_STAFF)),
                        List.of()));
    }

    static final String AWAITS_OUTSIDE_BODY = "a draft awaits an outside body";

    /**
     * The command each action sends, filled in as a person would fill in its form: a decision recorded for an outside
     * body cites it; one at a level that decides in Docket cites nothing (a citation there is refused).
     */
    static Object command(Action action, State state) {
        DecisionRef cited = state.name().equals(AWAITS_OUTSIDE_BODY) ? BTV_DECISION : null;
        return switch (action) {
            case REMIND -> new SendReminder(ID, null);
            case DECIDE_EXTENSION -> new DecideExtension(ID, true, null, null, null);
            case HAND_IN -> new SubmitDraft(ID, "BC v2.docx", null, "https://vanban.example.vn/bc2", null, null);
            case SEND_BACK -> new RequestRevision(ID, List.of("Làm rõ nguồn vốn"), null, null, List.of(), null, cited);
            case APPROVE -> new Approve(ID, null, cited, null);
            case REQUEST_EXTENSION -> new RequestExtension(ID, DEADLINE.plusDays(30), "Chờ ý kiến các sở", null);
            case ISSUE -> new Issue(ID, "121/BC-UBND", TODAY);
            case EXTEND -> new ExtendDeadline(ID, DEADLINE.plusDays(40), "Theo chỉ đạo của Chủ tịch", null);
            case REASSIGN -> new Reassign(ID, "Phòng Quản lý đô thị", "Đúng chức năng hơn", null);
            case CANCEL -> new Cancel(ID, "Không còn phù hợp", null);
        };
    }

    /** A fresh fixture each time: a fixture's deadline manager cannot go back to today once deadlines are armed. */
    static TestExecutor<Assignment> given(State state) {
        MutableClock clock = new MutableClock(TODAY);
        FixtureConfiguration<Assignment> fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new ApprovalLevels(null));
        fixture.registerInjectableResource(new LeadUnits(fixture.getEventStore()));
        fixture.registerInjectableResource(new RevisionPointSettings(false));
        fixture.registerInjectableResource(new DeadlineChaser(WorkingDayCalendar.bundled(), 3, LocalTime.of(8, 0), clock));
        return fixture.givenCurrentTime(clock.instant()).andGiven(state.events()).andGivenCommands(state.commands());
    }

    List<Action> listed(State state, Actor actor) {
        AtomicReference<Object> answer = new AtomicReference<>();
        given(state).when(new ListActions(ID), by(actor)).expectSuccessfulHandlerExecution().expectNoEvents()
                .expectResultMessagePayloadMatching(new BaseMatcher<>() {
                    @Override
                    public boolean matches(Object actual) {
                        answer.set(actual);
                        return true;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("the actions");
                    }
                });
        List<Action> actions = new ArrayList<>();
        ((List<?>) answer.get()).forEach(a -> actions.add((Action) a));
        return actions;
    }

    @TestFactory
    Stream<DynamicTest> an_action_is_listed_exactly_when_its_command_is_accepted() {
        List<DynamicTest> tests = new ArrayList<>();
        for (State state : states()) {
            for (Actor actor : EVERYONE) {
                tests.add(DynamicTest.dynamicTest(state.name() + ": " + actor.role() + " " + actor.id(), () -> {
                    List<Action> offered = listed(state, actor);
                    List<String> disagreements = new ArrayList<>();
                    for (Action action : Action.values()) {
                        try {
                            var result = given(state).when(command(action, state), by(actor));
                            if (offered.contains(action)) {
                                result.expectSuccessfulHandlerExecution();
                            } else {
                                result.expectException(REFUSED_BY_AUTHORITY_OR_STATE).expectNoEvents();
                            }
                        } catch (AssertionError e) {
                            disagreements.add(action + (offered.contains(action) ? " listed but refused: " : " not listed: ")
                                    + e.getMessage());
                        }
                    }
                    assertThat(disagreements).isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    static final BaseMatcher<Throwable> REFUSED_BY_AUTHORITY_OR_STATE = new BaseMatcher<>() {
        @Override
        public boolean matches(Object refusal) {
            return refusal instanceof NotAllowed || refusal instanceof StateConflict;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a refusal by authority or state (NotAllowed or StateConflict)");
        }
    };

    @Test
    void a_clerk_on_an_assigned_task_is_offered_the_reminder_first() {
        assertThat(listed(states().get(0), CLERK)).containsExactly(Action.REMIND, Action.HAND_IN,
                Action.REQUEST_EXTENSION, Action.EXTEND, Action.REASSIGN, Action.CANCEL);
    }

    @Test
    void a_leader_is_offered_the_decision_on_a_pending_extension_and_the_unit_nothing_more_to_ask() {
        State pending = states().get(4);
        assertThat(listed(pending, CHAIR)).containsExactly(Action.DECIDE_EXTENSION);
        assertThat(listed(pending, TCKH_STAFF)).containsExactly(Action.HAND_IN);
    }

    @Test
    void nobody_is_offered_to_approve_their_own_draft_though_they_may_send_it_back() {
        assertThat(listed(states().get(8), TCKH_STAFF)).contains(Action.SEND_BACK).doesNotContain(Action.APPROVE);
        assertThat(listed(states().get(8), TCKH_HEAD)).contains(Action.SEND_BACK, Action.APPROVE);
    }

    @Test
    void an_auditor_is_offered_nothing_in_any_state() {
        states().forEach(state -> assertThat(listed(state, AUDITOR)).as(state.name()).isEmpty());
    }

    @Test
    void the_page_reads_each_action_by_the_name_of_its_form() throws Exception {
        assertThat(new ObjectMapper().writeValueAsString(List.of(Action.HAND_IN, Action.SEND_BACK, Action.DECIDE_EXTENSION)))
                .isEqualTo("[\"handIn\",\"sendBack\",\"decideExtension\"]");
    }
}
