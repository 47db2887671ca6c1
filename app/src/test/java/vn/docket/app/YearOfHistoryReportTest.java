package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.platform.testing.MutableClock;
import vn.docket.query.reports.FollowUpReport;
import vn.docket.query.reports.FollowUpReports;
import vn.docket.query.reports.ReplayedReports;
import vn.docket.query.reports.ReportPeriod;
import vn.docket.query.reports.TimelinessRule;

/**
 * 480 plans over 2021 from seed 20210104, appended to the event store as the aggregate would have written them.
 * The follow-up reports for the year and for the third quarter must show, per unit and in total, the figures
 * worked out here from the plans' courses, without Docket's code. A Docket of its own: nothing else in its store.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "docket.reports.place=Đà Nẵng")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class YearOfHistoryReportTest {

    static final long SEED = 20210104L;
    static final int PLANS = 480;

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    MutableClock clock;

    @Autowired
    FollowUpReports reports;

    @Autowired
    EventProcessingConfiguration processing;

    @AfterEach
    void backToTheUsualToday() {
        clock.setToday(LocalDate.of(2021, 5, 10));
    }

    @Test
    void a_year_of_history_gives_per_unit_the_figures_worked_out_independently_from_the_plans() throws IOException {
        // The reports are made after the year, as an office makes them: open work is judged on each period's last day.
        clock.setToday(LocalDate.of(2022, 1, 10));
        YearOfHistory year = YearOfHistory.generate(SEED, PLANS);
        long appendMs = published();
        int eventCount = year.events().stream().mapToInt(List::size).sum();

        DocketClient docket = new DocketClient(http);
        StringBuilder note = new StringBuilder(String.format("%d plans, %d events appended in %d ms%n",
                PLANS, eventCount, appendMs));
        for (String[] period : List.of(new String[] {"2021", "2021-01-01", "2021-12-31"},
                new String[] {"2021-Q3", "2021-07-01", "2021-09-30"})) {
            LocalDate from = LocalDate.parse(period[1]);
            LocalDate to = LocalDate.parse(period[2]);
            Map<String, Object> report = docket.getOk("clerk", "/api/reports/follow-up?period=" + period[0]);
            Map<String, Map<String, Object>> expected = expectedRows(year, from, to);

            // The report reads the timelines of the tasks the period can concern, not the whole history.
            long concerned = year.plans.stream().filter(p -> !p.assignedOn.isAfter(to)
                    && (p.steps.isEmpty() || !p.last().isBefore(from))).count();
            assertThat(((Number) report.get("tasksRead")).longValue()).isBetween(
                    (long) (int) expected.get(null).get("total"), concerned);
            assertSameFigures(FollowUpReportTest.total(report), expected.remove(null), "total " + period[0]);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> units = (List<Map<String, Object>>) report.get("units");
            assertThat(units).extracting(u -> u.get("unit")).containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (Map<String, Object> unit : units) {
                assertSameFigures(unit, expected.get((String) unit.get("unit")), unit.get("unit") + " " + period[0]);
            }
            note.append(String.format("%s: produced in %s ms from %s task timelines; total %s%n", period[0],
                    report.get("tookMs"), report.get("tasksRead"), FollowUpReportTest.total(report)));
            units.forEach(u -> note.append("  ").append(u).append(System.lineSeparator()));
        }
        // The history has what a real year has: on-time and late work, open and overdue work, extensions, rounds.
        Map<String, Object> wholeYear = expectedRows(year, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)).get(null);
        assertThat((int) wholeYear.get("doneOnTime")).isGreaterThan(100);
        assertThat((int) wholeYear.get("doneLate")).isGreaterThan(30);
        assertThat((int) wholeYear.get("openOverdue")).isGreaterThan(5);
        assertThat((double) wholeYear.get("meanRevisionRounds")).isGreaterThan(0.3);
        assertThat(year.plans.stream().filter(p -> p.steps.stream().anyMatch(s -> s.what().equals("EXTENDED"))).count())
                .isGreaterThan(30);
        Files.writeString(Path.of("target", "year-of-history-report.txt"), note, StandardCharsets.UTF_8);
        System.out.print(note);
    }

    /**
     * The report from the timelines gives the figures the replay of the whole store gives (the report as it
     * was produced before the timelines, kept as the oracle), for months, quarters, a year and odd spans, as of
     * now and as of moments in the past, for all units and for one; with back-dated closings recorded late.
     */
    @Test
    void the_report_from_the_timelines_equals_the_replay_of_the_whole_store_for_any_period_and_as_of_moment() {
        clock.setToday(LocalDate.of(2022, 1, 10));
        published();
        UUID approvedLate = new UUID(SEED, 9_001);
        UUID cancelledLate = new UUID(SEED, 9_002);
        // Two years before the generated one (its reports do not see them): approved on 20/6/2019 but
        // recorded on 5/7, so as of 1/7 the task was still open in the third quarter.
        eventStore.publish(recorded(approvedLate, 0, backDated(approvedLate, "Báo cáo ghi lùi ngày", LocalDate.of(2019, 6, 1),
                LocalDate.of(2019, 5, 3)), "2019-05-03T09:00:00+07:00"));
        eventStore.publish(recorded(approvedLate, 1, new DraftSubmitted(approvedLate, 1, "v1.docx", null,
                "https://vanban.example.vn/v1", null, LocalDate.of(2019, 5, 28)), "2019-05-28T09:00:00+07:00"));
        eventStore.publish(recorded(approvedLate, 2, new DraftApproved(approvedLate, 1, YearOfHistory.LEADERS, true,
                null, null, LocalDate.of(2019, 6, 20)), "2019-07-05T09:00:00+07:00"));
        // Cancelled on 20/8 but recorded on 2/10.
        eventStore.publish(recorded(cancelledLate, 0, backDated(cancelledLate, "Kế hoạch hủy ghi lùi ngày",
                LocalDate.of(2019, 9, 15), LocalDate.of(2019, 8, 2)), "2019-08-02T09:00:00+07:00"));
        eventStore.publish(recorded(cancelledLate, 1, new TaskCancelled(cancelledLate, "Không còn cần thiết",
                LocalDate.of(2019, 8, 20)), "2019-10-02T09:00:00+07:00"));
        awaitTimelines(processing, eventStore);

        LocalDate today = LocalDate.now(clock);
        List<LocalDate[]> periods = List.of(
                new LocalDate[] {LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)},
                new LocalDate[] {LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31)},
                new LocalDate[] {LocalDate.of(2021, 7, 1), LocalDate.of(2021, 9, 30)},
                new LocalDate[] {LocalDate.of(2021, 10, 1), LocalDate.of(2021, 12, 31)},
                new LocalDate[] {LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 30)},
                new LocalDate[] {LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 20)},
                new LocalDate[] {LocalDate.of(2022, 1, 1), LocalDate.of(2022, 3, 31)},
                new LocalDate[] {LocalDate.of(2019, 7, 1), LocalDate.of(2019, 9, 30)},
                new LocalDate[] {LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)});
        List<Instant> moments = List.of(Instant.now(), Instant.parse("2021-06-30T16:59:59.999Z"),
                OffsetDateTime.parse("2021-08-15T10:00:00+07:00").toInstant(), OffsetDateTime.parse("2021-10-01T12:00:00+07:00").toInstant(),
                Instant.parse("2021-01-31T16:59:59.999Z"), OffsetDateTime.parse("2019-07-01T10:00:00+07:00").toInstant(),
                Instant.parse("2019-09-30T16:59:59.999Z"));
        for (Instant asOf : moments) {
            ReplayedReports.History history = ReplayedReports.recordedUpTo(eventStore, asOf);
            for (LocalDate[] p : periods) {
                for (String unit : java.util.Arrays.asList(null, YearOfHistory.UNITS.get(2), BACK_DATED_UNIT)) {
                    FollowUpReport report = reports.produce(new ReportPeriod(p[0], p[1]), unit, asOf);
                    ReplayedReports.Figures replayed = ReplayedReports.produce(history, p[0], p[1], unit, today,
                            TimelinessRule.EXTENDED);
                    String what = p[0] + ".." + p[1] + " as of " + asOf + " for " + unit;
                    assertThat(report.units()).as(what).isEqualTo(replayed.units());
                    assertThat(report.total()).as(what).isEqualTo(replayed.total());
                }
            }
        }
        // The late records, read directly: as of 1/7/2019 the task approved on 20/6 is open in the third quarter,
        // and as of 30/9 so is the task cancelled on 20/8; as of now neither is, and the cancellation counts.
        ReportPeriod q3 = new ReportPeriod(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 9, 30));
        FollowUpReport.Row early = reports.produce(q3, BACK_DATED_UNIT, OffsetDateTime.parse("2019-07-01T10:00:00+07:00").toInstant()).total();
        assertThat(early.carriedOver()).isEqualTo(1);
        assertThat(early.openWithinDeadline()).isEqualTo(1); // its draft, handed in by the deadline, awaits approval
        FollowUpReport.Row beforeCancelling = reports.produce(q3, BACK_DATED_UNIT,
                Instant.parse("2019-09-30T16:59:59.999Z")).total();
        assertThat(beforeCancelling.total()).isEqualTo(1);
        assertThat(beforeCancelling.cancelled()).isZero();
        FollowUpReport.Row now = reports.produce(q3, BACK_DATED_UNIT, Instant.now()).total();
        assertThat(now.total()).isZero();
        assertThat(now.cancelled()).isEqualTo(1);
    }

    static final String BACK_DATED_UNIT = "Phòng Tư pháp";

    /** A plan of {@link #BACK_DATED_UNIT}'s, assigned on {@code on}. */
    private static TaskAssigned backDated(UUID id, String title, LocalDate deadline, LocalDate on) {
        return NewTask.task().id(id).title(title).leadUnit(BACK_DATED_UNIT).deadline(deadline)
                .route(List.of(YearOfHistory.LEADERS)).source(null).effectiveDate(on).assigned();
    }

    private static EventMessage<?> recorded(UUID id, long seq, AssignmentEvent event, String at) {
        return new GenericDomainEventMessage<>("Assignment", id.toString(), seq, event,
                EventMetadata.of(YearOfHistory.CLERK, UUID.randomUUID().toString()), UUID.randomUUID().toString(),
                OffsetDateTime.parse(at).toInstant());
    }

    /** The generated year, appended once for this class's Docket; how long appending took. */
    private long published() {
        if (appendedMs < 0) {
            long started = System.nanoTime();
            YearOfHistory.generate(SEED, PLANS).events().forEach(eventStore::publish);
            appendedMs = (System.nanoTime() - started) / 1_000_000;
            awaitTimelines(processing, eventStore);
        }
        return appendedMs;
    }

    private static long appendedMs = -1;

    /** Waits until the report timelines have taken in everything stored: reports read them, not the store. */
    static void awaitTimelines(EventProcessingConfiguration processing, EventStore store) {
        awaitTimelines(processing, store, Duration.ofMinutes(2));
    }

    static void awaitTimelines(EventProcessingConfiguration processing, EventStore store, Duration atMost) {
        CaughtUp.await(store, atMost, List.of(processing.eventProcessor("report-timelines", StreamingEventProcessor.class)
                .orElseThrow()));
    }

    static void assertSameFigures(Map<String, Object> actual, Map<String, Object> expected, String what) {
        assertThat(expected).as(what).isNotNull();
        expected.forEach((key, value) -> {
            Object got = actual.get(key);
            if (value instanceof Double d) {
                assertThat(((Number) got).doubleValue()).as(what + " " + key).isEqualTo(d);
            } else {
                assertThat(got).as(what + " " + key).isEqualTo(value);
            }
        });
    }

    // ---- the figures, worked out from the plans' courses ----

    /** Per unit (and the total under the key null), the report's figures for the period from..to. */
    static Map<String, Map<String, Object>> expectedRows(YearOfHistory year, LocalDate from, LocalDate to) {
        Map<String, List<YearOfHistory.Plan>> perUnit = new TreeMap<>();
        List<YearOfHistory.Plan> all = new ArrayList<>();
        for (YearOfHistory.Plan p : year.plans) {
            if (p.assignedOn.isAfter(to)) {
                continue;
            }
            perUnit.computeIfAbsent(unitOn(p, to), u -> new ArrayList<>()).add(p);
            all.add(p);
        }
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        perUnit.forEach((unit, plans) -> {
            Map<String, Object> row = figures(plans, from, to);
            if ((int) row.get("total") + (int) row.get("cancelled") > 0) {
                rows.put(unit, row);
            }
        });
        rows.put(null, figures(all, from, to));
        return rows;
    }

    static Map<String, Object> figures(List<YearOfHistory.Plan> plans, LocalDate from, LocalDate to) {
        int assigned = 0, carried = 0, onTime = 0, late = 0, within = 0, under30 = 0, to90 = 0, over90 = 0, cancelled = 0;
        int done = 0;
        long rounds = 0, days = 0;
        for (YearOfHistory.Plan p : plans) {
            LocalDate cancelledOn = dateOf(p, "CANCELLED", to);
            LocalDate approvedOn = dateOf(p, "APPROVED", to);
            if (cancelledOn != null) {
                cancelled += cancelledOn.isBefore(from) ? 0 : 1;
                continue;
            }
            if (approvedOn != null && approvedOn.isBefore(from)) {
                continue;
            }
            if (p.assignedOn.isBefore(from)) {
                carried++;
            } else {
                assigned++;
            }
            LocalDate deadline = deadlineOn(p, to);
            LocalDate handedIn = handedInOn(p, to);
            if (approvedOn != null) {
                done++;
                rounds += p.steps.stream().filter(s -> s.what().equals("REVISION")).count();
                days += ChronoUnit.DAYS.between(p.assignedOn, approvedOn);
                if (deadline != null && handedIn.isAfter(deadline)) {
                    late++;
                } else {
                    onTime++;
                }
            } else {
                LocalDate judged = handedIn != null ? handedIn : to;
                if (deadline == null || !judged.isAfter(deadline)) {
                    within++;
                } else {
                    long overdue = ChronoUnit.DAYS.between(deadline, judged);
                    if (overdue < 30) {
                        under30++;
                    } else if (overdue <= 90) {
                        to90++;
                    } else {
                        over90++;
                    }
                }
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("assigned", assigned);
        row.put("carriedOver", carried);
        row.put("total", assigned + carried);
        row.put("doneOnTime", onTime);
        row.put("doneLate", late);
        row.put("openWithinDeadline", within);
        row.put("openOverdue", under30 + to90 + over90);
        row.put("openOverdueUnder30Days", under30);
        row.put("openOverdue30To90Days", to90);
        row.put("openOverdueOver90Days", over90);
        row.put("cancelled", cancelled);
        row.put("meanRevisionRounds", done == 0 ? null : Math.round(100.0 * rounds / done) / 100.0);
        row.put("meanDaysToApproval", done == 0 ? null : Math.round(100.0 * days / done) / 100.0);
        return row;
    }

    static String unitOn(YearOfHistory.Plan p, LocalDate day) {
        String unit = p.unit;
        for (YearOfHistory.Step s : p.steps) {
            if (!s.on().isAfter(day) && s.what().equals("REASSIGNED")) {
                unit = s.unit();
            }
        }
        return unit;
    }

    static LocalDate dateOf(YearOfHistory.Plan p, String what, LocalDate day) {
        return p.steps.stream().filter(s -> s.what().equals(what) && !s.on().isAfter(day))
                .map(YearOfHistory.Step::on).findFirst().orElse(null);
    }

    /** The deadline in force at the end of the day: the assignment's, moved by extensions and revision due dates. */
    static LocalDate deadlineOn(YearOfHistory.Plan p, LocalDate day) {
        LocalDate deadline = p.deadline;
        for (YearOfHistory.Step s : p.steps) {
            if (!s.on().isAfter(day) && s.date() != null && (s.what().equals("EXTENDED") || s.what().equals("REVISION"))) {
                deadline = s.date();
            }
        }
        return deadline;
    }

    /** The day of the draft with the leaders at the end of the day, or null if the unit holds the work. */
    static LocalDate handedInOn(YearOfHistory.Plan p, LocalDate day) {
        LocalDate handedIn = null;
        for (YearOfHistory.Step s : p.steps) {
            if (s.on().isAfter(day)) {
                break;
            }
            if (s.what().equals("DRAFT")) {
                handedIn = s.on();
            } else if (s.what().equals("REVISION")) {
                handedIn = null;
            }
        }
        return handedIn;
    }
}
