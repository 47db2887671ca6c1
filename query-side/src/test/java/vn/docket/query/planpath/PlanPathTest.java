package vn.docket.query.planpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanPathTest {

    static PlanPath.Step step(String type, String day) {
        return step(type, day, new StepDetails.Nothing());
    }

    static PlanPath.Step step(String type, String day, StepDetails details) {
        return new PlanPath.Step(type, null, null, null, null, LocalDate.parse(day), Instant.EPOCH, details);
    }

    static StepDetails approval(boolean last) {
        return new StepDetails.Approved(last, null, null, null, null);
    }

    @Test
    void days_are_split_between_the_unit_and_the_reviewers_and_rounds_are_counted() {
        List<PlanPath.Step> steps = List.of(
                step("ASSIGNED", "2021-04-13"),
                step("DRAFT_SUBMITTED", "2021-04-16"),      // 3 days with the unit
                step("REVISION_REQUESTED", "2021-04-20"),   // 4 days awaiting review
                step("DEADLINE_EXTENDED", "2021-04-22"),    // changes nothing about who holds the work
                step("DRAFT_SUBMITTED", "2021-04-27"),      // 7 more days with the unit
                step("APPROVED", "2021-04-28", approval(false)),
                step("APPROVED", "2021-05-03", approval(true)), // 6 more days awaiting review
                step("ISSUED", "2021-05-05"));
        PlanPath path = PlanPath.of("a", steps, LocalDate.of(2021, 6, 1));
        assertThat(path.revisionRounds()).isEqualTo(1);
        assertThat(path.daysWithUnit()).isEqualTo(10);
        assertThat(path.daysAwaitingReview()).isEqualTo(10);
    }

    @Test
    void each_send_back_is_numbered_by_its_round_as_the_figures_count_rounds() {
        List<PlanPath.Step> steps = List.of(
                step("ASSIGNED", "2021-04-13"),
                step("DRAFT_SUBMITTED", "2021-04-16"),
                step("REVISION_REQUESTED", "2021-04-20"),   // a leader's
                step("DRAFT_SUBMITTED", "2021-04-27"),
                step("REVISION_REQUESTED", "2021-04-28"),   // the meeting's ("yêu cầu chỉnh sửa")
                step("DRAFT_SUBMITTED", "2021-05-03"));
        PlanPath path = PlanPath.of("a", steps, LocalDate.of(2021, 6, 1));
        assertThat(path.steps()).extracting(PlanPath.Step::round).containsExactly(null, null, 1, null, 2, null);
        assertThat(path.revisionRounds()).isEqualTo(2);
    }

    @Test
    void an_open_period_counts_up_to_today() {
        List<PlanPath.Step> steps = new ArrayList<>(List.of(step("ASSIGNED", "2021-04-13")));
        assertThat(PlanPath.of("a", steps, LocalDate.of(2021, 4, 20)).daysWithUnit()).isEqualTo(7);
        steps.add(step("DRAFT_SUBMITTED", "2021-04-15"));
        PlanPath waiting = PlanPath.of("a", steps, LocalDate.of(2021, 4, 20));
        assertThat(waiting.daysWithUnit()).isEqualTo(2);
        assertThat(waiting.daysAwaitingReview()).isEqualTo(5);
    }

    @Test
    void a_cancelled_plan_stops_counting() {
        PlanPath path = PlanPath.of("a", List.of(step("ASSIGNED", "2021-04-13"), step("CANCELLED", "2021-04-14")),
                LocalDate.of(2021, 12, 31));
        assertThat(path.daysWithUnit()).isEqualTo(1);
        assertThat(path.daysAwaitingReview()).isZero();
    }

    @Test
    void a_draft_agreed_in_principle_at_the_meeting_is_back_with_the_unit_and_the_periods_say_so() {
        List<PlanPath.Step> steps = List.of(
                step("ASSIGNED", "2021-04-13"),
                step("DRAFT_SUBMITTED", "2021-04-13"),
                step("APPROVED_IN_PRINCIPLE", "2021-04-13"));
        PlanPath path = PlanPath.of("a", steps, LocalDate.of(2021, 4, 23));
        assertThat(path.periods()).containsExactly(
                new PlanPath.Period(PlanPath.Holder.UNIT, LocalDate.of(2021, 4, 13), LocalDate.of(2021, 4, 23), true, 10));
        assertThat(path.daysWithUnit()).isEqualTo(10);
        assertThat(path.daysAwaitingReview()).isZero();
    }

    @Test
    void the_periods_add_up_to_the_days_with_the_unit_and_awaiting_review() {
        List<PlanPath.Step> steps = List.of(
                step("ASSIGNED", "2021-04-13"),
                step("DRAFT_SUBMITTED", "2021-04-16"),
                step("REVISION_REQUESTED", "2021-04-20"),
                step("DRAFT_SUBMITTED", "2021-04-27"));
        PlanPath path = PlanPath.of("a", steps, LocalDate.of(2021, 5, 1));
        assertThat(path.periods()).extracting(PlanPath.Period::holder, PlanPath.Period::days, PlanPath.Period::open)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PlanPath.Holder.UNIT, 3L, false),
                        org.assertj.core.groups.Tuple.tuple(PlanPath.Holder.REVIEWERS, 4L, false),
                        org.assertj.core.groups.Tuple.tuple(PlanPath.Holder.UNIT, 7L, false),
                        org.assertj.core.groups.Tuple.tuple(PlanPath.Holder.REVIEWERS, 4L, true));
        assertThat(path.daysWithUnit()).isEqualTo(10);
        assertThat(path.daysAwaitingReview()).isEqualTo(8);
    }
}
