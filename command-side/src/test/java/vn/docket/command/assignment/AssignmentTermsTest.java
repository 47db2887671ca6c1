package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.docket.command.assignment.AssignmentTest.assignTask;
import static vn.docket.command.assignment.Refusal.assertRefused;
import static vn.docket.events.NewTask.task;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docket.command.assignment.AssignmentCommands.Reassign;
import vn.docket.events.NewTask;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.RuleBroken;

/** What a clerk must give when handing out an assignment; dates follow notice 311/TB-UBND. */
class AssignmentTermsTest {

    static final LocalDate MEETING = AssignmentTest.MEETING;
    final ApprovalLevels levels = new ApprovalLevels(null);

    TaskAssigned assigned(NewTask task) {
        return AssignmentTerms.assigned(assignTask(task), MEETING, levels);
    }

    @Test
    void the_assignment_is_handed_out_as_given_its_texts_in_nfc() {
        String decomposed = Normalizer.normalize(AssignmentTest.TCKH, Normalizer.Form.NFD);
        TaskAssigned e = assigned(task().title("  " + NewTask.TITLE + " ").leadUnit(decomposed));
        assertThat(e.title()).isEqualTo(NewTask.TITLE);
        assertThat(e.leadUnit()).isEqualTo(AssignmentTest.TCKH);
        assertThat(e.deadline()).isEqualTo(AssignmentTest.DEADLINE);
        assertThat(e.approvalRoute()).containsExactly(AssignmentTest.LEADERS);
        assertThat(e.effectiveDate()).isEqualTo(MEETING);
    }

    @Test
    void an_assignment_needs_a_title_a_kind_and_a_lead_unit() {
        assertRefused(() -> assigned(task().title(" ")), RuleBroken.class, "title-required");
        assertRefused(() -> assigned(task().kind(null)), RuleBroken.class, "kind-required");
        assertRefused(() -> assigned(task().leadUnit(null)), RuleBroken.class, "lead-unit-required");
    }

    @Test
    void the_lead_unit_does_not_also_coordinate() {
        assertRefused(() -> assigned(task().coordinatingUnits(List.of("Phòng Kinh tế", AssignmentTest.TCKH))),
                RuleBroken.class, "lead-not-coordinator");
    }

    @Test
    void a_coordinating_unit_given_twice_coordinates_once() {
        String decomposed = Normalizer.normalize("Phòng Kinh tế", Normalizer.Form.NFD);
        assertThat(assigned(task().coordinatingUnits(List.of("Phòng Kinh tế", "Phòng Nội vụ", decomposed + " ")))
                .coordinatingUnits()).containsExactly("Phòng Kinh tế", "Phòng Nội vụ");
    }

    @Test
    void the_deadline_is_not_before_the_assignment_took_effect_though_it_may_be_that_day_or_none() {
        assertRefused(() -> assigned(task().deadline(MEETING.minusDays(1))), RuleBroken.class, "deadline-before-assignment");
        assertThat(assigned(task().deadline(MEETING)).deadline()).isEqualTo(MEETING);
        assertThat(assigned(task().deadline(null)).deadline()).isNull();
    }

    @Test
    void the_route_is_one_of_configured_levels() {
        assertRefused(() -> assigned(task().route(List.of())), RuleBroken.class, "approval-route-required");
        assertRefused(() -> assigned(task().route(List.of("Hội đồng quản trị"))), RuleBroken.class, "unknown-approval-level");
    }

    @Test
    void an_assignment_is_not_its_own_parent() {
        assertRefused(() -> assigned(task().parentId(AssignmentTest.ID)), RuleBroken.class, "parent-is-self");
    }

    @Test
    void a_reassignment_hands_the_work_to_another_unit_for_a_reason() {
        assertThat(reassigned("Phòng Kinh tế", " Theo chức năng ")).isEqualTo(new TaskReassigned(AssignmentTest.ID,
                AssignmentTest.TCKH, "Phòng Kinh tế", "Theo chức năng", MEETING));
        assertRefused(() -> reassigned(" ", "Theo chức năng"), RuleBroken.class, "lead-unit-required");
        assertRefused(() -> reassigned(AssignmentTest.TCKH, "Theo chức năng"), RuleBroken.class, "same-lead-unit");
        assertRefused(() -> reassigned("Phòng Kinh tế", null), RuleBroken.class, "reason-required");
    }

    static TaskReassigned reassigned(String unit, String reason) {
        return AssignmentTerms.reassigned(AssignmentTest.ID, AssignmentTest.TCKH,
                new Reassign(AssignmentTest.ID, unit, reason, MEETING), MEETING);
    }
}
