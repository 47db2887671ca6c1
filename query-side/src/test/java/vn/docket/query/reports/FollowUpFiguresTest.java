package vn.docket.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.refusal.RuleBroken;

/**
 * The figures of the first quarter of 2021 for a handful of plans, one for every case the report must get
 * right. Days overdue are counted up to 31/3/2021.
 */
class FollowUpFiguresTest {

    static final String TCKH = "Phòng Tài chính - Kế hoạch";
    static final String QLDT = "Phòng Quản lý đô thị";
    static final String KT = "Phòng Kinh tế";
    static final ReportPeriod Q1 = ReportPeriod.named("2021-Q1", LocalDate.of(2021, 5, 10));

    /** Builds one assignment's events in order. */
    static final class Plan {
        final UUID id = UUID.randomUUID();
        final List<AssignmentEvent> events = new ArrayList<>();
        int version;

        static Plan assigned(String unit, String on, String deadline) {
            Plan p = new Plan();
            p.events.add(NewTask.task().id(p.id).title("Kế hoạch").leadUnit(unit).deadline(deadline == null ? null : d(deadline))
                    .source(null).effectiveDate(d(on)).assigned());
            return p;
        }

        Plan draft(String on) {
            events.add(new DraftSubmitted(id, ++version, "KH.docx", null, "https://vanban.example.vn/kh", null, d(on)));
            return this;
        }

        Plan revision(String on) {
            events.add(new RevisionRequested(id, version, "Lãnh đạo UBND thành phố", List.of("Bổ sung"), null, d(on)));
            return this;
        }

        Plan approved(String on) {
            events.add(new DraftApproved(id, version, "Lãnh đạo UBND thành phố", true, null, null, d(on)));
            return this;
        }

        Plan extended(String from, String to, String on) {
            events.add(new DeadlineExtended(id, from == null ? null : d(from), d(to), "Gia hạn", d(on)));
            return this;
        }

        Plan reassigned(String from, String to, String on) {
            events.add(new TaskReassigned(id, from, to, "Điều chuyển", d(on)));
            return this;
        }

        Plan concludedAtMeeting(MeetingVerdict verdict, String on) {
            events.add(new MeetingConcluded(id, version, verdict, List.of("Chỉnh sửa bố cục"), "Chủ tịch", null, d(on)));
            return this;
        }

        Plan cancelled(String on) {
            events.add(new TaskCancelled(id, "Trùng nhiệm vụ", d(on)));
            return this;
        }
    }

    /** Each plan's facts (recorded as it happened) applied up to the period's end, as the timelines give them. */
    static List<TaskHistory> atEnd(List<List<AssignmentEvent>> plans, ReportPeriod period) {
        List<TaskHistory> tasks = new ArrayList<>();
        for (List<AssignmentEvent> events : plans) {
            List<TaskFact> facts = events.stream()
                    .map(e -> TaskFact.of(e, e.effectiveDate().atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .filter(Objects::nonNull).toList();
            TaskHistory task = TaskHistory.asAt(facts, period.to(), Instant.MAX);
            if (task != null) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static List<List<AssignmentEvent>> quarter() {
        return List.of(
                // carried over from December, done on time in January: 41 days to approval
                Plan.assigned(TCKH, "2020-12-10", "2021-01-15").draft("2021-01-10").approved("2021-01-20").events,
                // done before the quarter: belongs to an earlier report
                Plan.assigned(TCKH, "2020-11-01", "2020-11-30").draft("2020-11-20").approved("2020-12-01").events,
                // draft five days late: done late, 24 days to approval
                Plan.assigned(TCKH, "2021-02-01", "2021-02-15").draft("2021-02-20").approved("2021-02-25").events,
                // nothing handed in: 70 days overdue on 31/3
                Plan.assigned(TCKH, "2021-01-05", "2021-01-20").events,
                // 11 days overdue
                Plan.assigned(TCKH, "2021-03-01", "2021-03-20").events,
                // carried over, 120 days overdue
                Plan.assigned(TCKH, "2020-10-01", "2020-12-01").events,
                // within its deadline
                Plan.assigned(TCKH, "2021-03-10", "2021-04-10").events,
                // cancelled in the quarter: left out, counted as cancelled
                Plan.assigned(TCKH, "2021-01-10", "2021-02-28").cancelled("2021-02-01").events,
                // extended from 31/1 to 15/3, one revision round, handed in 10/3, approved 12/3: 67 days
                Plan.assigned(TCKH, "2021-01-04", "2021-01-31").extended("2021-01-31", "2021-03-15", "2021-01-25")
                        .draft("2021-02-20").revision("2021-02-22").draft("2021-03-10").approved("2021-03-12").events,
                // handed in on time, approved only in April: open within its deadline at the end of March
                Plan.assigned(TCKH, "2021-03-15", "2021-03-25").draft("2021-03-24").approved("2021-04-05").events,
                // reassigned in the quarter: counted under its new lead unit
                Plan.assigned(QLDT, "2021-02-10", null).reassigned(QLDT, KT, "2021-02-12").events,
                // assigned after the quarter: not in it
                Plan.assigned(TCKH, "2021-04-02", "2021-04-30").events);
    }

    @Test
    void the_quarter_counts_assigned_carried_over_done_on_time_done_late_within_deadline_and_overdue_by_age() {
        FollowUpReports.Tallied t = FollowUpReports.tally(atEnd(quarter(), Q1), Q1, Q1.to(), null, TimelinessRule.EXTENDED);
        assertThat(t.total()).isEqualTo(new FollowUpReport.Row(null, 7, 2, 9, 2, 1, 3, 3, 1, 1, 1, 1, 0.33, 44.0));
    }

    @Test
    void each_unit_has_its_row_in_vietnamese_order_and_a_reassigned_task_counts_for_its_new_lead_unit() {
        FollowUpReports.Tallied t = FollowUpReports.tally(atEnd(quarter(), Q1), Q1, Q1.to(), null, TimelinessRule.EXTENDED);
        assertThat(t.units()).extracting(FollowUpReport.Row::unit).containsExactly(KT, TCKH);
        assertThat(t.units().get(0)).isEqualTo(new FollowUpReport.Row(KT, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, null, null));
        assertThat(t.units().get(1).total()).isEqualTo(8);
    }

    @Test
    void against_the_original_deadline_an_extension_does_not_excuse_a_late_draft() {
        FollowUpReports.Tallied t = FollowUpReports.tally(atEnd(quarter(), Q1), Q1, Q1.to(), null, TimelinessRule.ORIGINAL);
        assertThat(t.total().doneOnTime()).isEqualTo(1);
        assertThat(t.total().doneLate()).isEqualTo(2);
    }

    /** The notice gave no date; the clerk set one (Đặt hạn), later extended: the one set is what the unit was first given. */
    @Test
    void against_the_original_deadline_the_first_deadline_set_on_a_task_assigned_without_one_is_the_original() {
        List<List<AssignmentEvent>> tasks = List.of(Plan.assigned(TCKH, "2021-01-04", null)
                .extended(null, "2021-02-10", "2021-01-06").extended("2021-02-10", "2021-03-20", "2021-02-05")
                .draft("2021-03-01").approved("2021-03-05").events);
        FollowUpReport.Row total = FollowUpReports.tally(atEnd(tasks, Q1), Q1, Q1.to(), null, TimelinessRule.ORIGINAL).total();
        assertThat(total.doneLate()).isEqualTo(1);
        assertThat(total.doneOnTime()).isZero();
    }

    @Test
    void a_report_for_one_unit_counts_only_that_units_tasks() {
        FollowUpReports.Tallied t = FollowUpReports.tally(atEnd(quarter(), Q1), Q1, Q1.to(), KT, TimelinessRule.EXTENDED);
        assertThat(t.units()).hasSize(1);
        assertThat(t.total().total()).isEqualTo(1);
    }

    @Test
    void named_periods_are_months_quarters_and_years_counted_from_today() {
        LocalDate today = LocalDate.of(2021, 5, 10);
        assertThat(ReportPeriod.named("last-quarter", today)).isEqualTo(new ReportPeriod(d("2021-01-01"), d("2021-03-31")));
        assertThat(ReportPeriod.named("this-quarter", today)).isEqualTo(new ReportPeriod(d("2021-04-01"), d("2021-06-30")));
        assertThat(ReportPeriod.named("last-month", today)).isEqualTo(new ReportPeriod(d("2021-04-01"), d("2021-04-30")));
        assertThat(ReportPeriod.named("last-quarter", d("2021-02-01"))).isEqualTo(new ReportPeriod(d("2020-10-01"), d("2020-12-31")));
        assertThat(ReportPeriod.named("2020", today)).isEqualTo(new ReportPeriod(d("2020-01-01"), d("2020-12-31")));
        assertThat(ReportPeriod.named("2021-02", today)).isEqualTo(new ReportPeriod(d("2021-02-01"), d("2021-02-28")));
    }

    @Test
    void an_unknown_period_or_a_reversed_one_is_a_broken_rule() {
        assertThatThrownBy(() -> ReportPeriod.named("quý trước", d("2021-05-10"))).isInstanceOf(RuleBroken.class)
                .extracting(e -> ((RuleBroken) e).rule()).isEqualTo("unknown-period");
        assertThatThrownBy(() -> ReportPeriod.of(d("2021-03-31"), d("2021-01-01"), null, d("2021-05-10")))
                .isInstanceOf(RuleBroken.class).extracting(e -> ((RuleBroken) e).rule()).isEqualTo("period-reversed");
        assertThatThrownBy(() -> ReportPeriod.of(null, null, null, d("2021-05-10"))).isInstanceOf(RuleBroken.class)
                .extracting(e -> ((RuleBroken) e).rule()).isEqualTo("period-required");
    }

    @Test
    void a_quarter_not_yet_over_judges_open_tasks_today_as_the_dashboard_does() {
        ReportPeriod q4 = ReportPeriod.named("this-quarter", d("2026-12-02"));
        LocalDate judgedOn = FollowUpReports.judgedOn(q4, Instant.parse("2026-12-02T03:00:00Z"), d("2026-12-02"));
        assertThat(judgedOn).isEqualTo(d("2026-12-02"));
        List<List<AssignmentEvent>> tasks = List.of(
                Plan.assigned(TCKH, "2026-10-01", "2026-11-27").events, // 5 days overdue today, not 34 at the quarter's end
                Plan.assigned(TCKH, "2026-10-01", "2026-12-05").events, // due in three days: within its deadline
                Plan.assigned(TCKH, "2026-10-01", "2026-12-12").events);
        FollowUpReport.Row total = FollowUpReports.tally(atEnd(tasks, q4), q4, judgedOn, null, TimelinessRule.EXTENDED).total();
        assertThat(total.openWithinDeadline()).isEqualTo(2);
        assertThat(total.openOverdue()).isEqualTo(1);
        assertThat(total.openOverdueUnder30Days()).isEqualTo(1);
    }

    @Test
    void a_report_as_of_an_earlier_day_judges_open_tasks_on_that_day() {
        ReportPeriod q2 = ReportPeriod.named("2021-Q2", d("2021-12-01"));
        assertThat(FollowUpReports.judgedOn(q2, Instant.parse("2021-04-06T16:59:59.999Z"), d("2021-12-01")))
                .isEqualTo(d("2021-04-06"));
        assertThat(FollowUpReports.judgedOn(q2, Instant.parse("2021-12-01T00:00:00Z"), d("2021-12-01")))
                .isEqualTo(d("2021-06-30"));
    }

    @Test
    void a_draft_sent_back_at_the_meeting_leaves_the_task_overdue_once_its_deadline_has_passed() {
        List<List<AssignmentEvent>> tasks = List.of(
                Plan.assigned(TCKH, "2021-01-04", "2021-01-25").draft("2021-01-10")
                        .concludedAtMeeting(MeetingVerdict.REVISION_REQUIRED, "2021-01-13").events,
                Plan.assigned(TCKH, "2021-01-04", "2021-01-25").draft("2021-01-10")
                        .concludedAtMeeting(MeetingVerdict.APPROVED_IN_PRINCIPLE, "2021-01-13").events);
        FollowUpReport.Row total = FollowUpReports.tally(atEnd(tasks, Q1), Q1, Q1.to(), null, TimelinessRule.EXTENDED).total();
        assertThat(total.openWithinDeadline()).isZero();
        assertThat(total.openOverdue()).isEqualTo(2);
        assertThat(total.openOverdue30To90Days()).isEqualTo(2); // 65 days past 25/1 on 31/3
    }

    @Test
    void a_revision_required_at_the_meeting_counts_as_a_revision_round() {
        List<List<AssignmentEvent>> tasks = List.of(Plan.assigned(TCKH, "2021-01-04", "2021-02-25").draft("2021-01-10")
                .concludedAtMeeting(MeetingVerdict.REVISION_REQUIRED, "2021-01-13").draft("2021-02-01").approved("2021-02-03").events);
        FollowUpReport.Row total = FollowUpReports.tally(atEnd(tasks, Q1), Q1, Q1.to(), null, TimelinessRule.EXTENDED).total();
        assertThat(total.doneOnTime()).isEqualTo(1);
        assertThat(total.meanRevisionRounds()).isEqualTo(1.0);
    }
}
