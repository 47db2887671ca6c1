package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.query.reports.FollowUpReport;
import vn.docket.query.reports.FollowUpReports;
import vn.docket.query.reports.ReplayedReports;
import vn.docket.query.reports.ReportPeriod;
import vn.docket.query.reports.TimelinessRule;

/**
 * Follow-up reports over a province's ten years, from the timelines against the old full replay on the same
 * data in the same run. Not part of the suite (the name is no test's); run it with {@code bench/reports.sh}
 * ({@code -Dbench.plans}, {@code -Dbench.years}). The generated years are those of {@link YearOfHistory},
 * stretched: plans assigned over the years, each recorded at 9 o'clock on its effective days, stored in the
 * embedded server (memory backend) as the aggregate would have written them. Prints a table and one JSON
 * line, also written to app/target/reports-benchmark.txt.
 */
class ReportsBenchmark {

    static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 5);

    @Test
    void reports_from_the_timelines_against_the_full_replay() throws Exception {
        int plans = Integer.getInteger("bench.plans", 110_000);
        int years = Integer.getInteger("bench.years", 10);
        try (ConfigurableApplicationContext docket = new SpringApplicationBuilder(DocketApplication.class).run(
                "--docket.mongo.embedded.backend=memory", "--docket.mongo.embedded.port=0", "--server.port=0",
                // A busy machine can take longer than the 1 s server selection to answer the first connection.
                "--docket.mongo.timeouts.server-selection=30s",
                "--logging.level.root=WARN", "--logging.level.vn.docket=WARN")) {
            EventStore store = docket.getBean(EventStore.class);
            EventProcessingConfiguration processing = docket.getBean(EventProcessingConfiguration.class);
            FollowUpReports reports = docket.getBean(FollowUpReports.class);
            // Only the timelines run, taking in the history while it is stored: the other projections would
            // share the server and the CPU with what is measured.
            for (EventProcessor each : processing.eventProcessors().values()) {
                if (!each.getName().equals("report-timelines")) {
                    each.shutDown();
                }
            }

            long appendStart = System.nanoTime();
            YearOfHistory history = YearOfHistory.generate(20150105L, plans, FIRST_DAY, 365 * years);
            long events = 0;
            List<EventMessage<?>> chunk = new ArrayList<>();
            for (int i = 0; i < history.plans.size(); i++) {
                chunk.addAll(YearOfHistory.events(history.plans.get(i)));
                if (chunk.size() >= 500 || i == history.plans.size() - 1) {
                    store.publish(chunk);
                    events += chunk.size();
                    chunk = new ArrayList<>();
                }
                if ((i + 1) % 10_000 == 0) {
                    System.err.printf("appended %,d of %,d plans (%,d events)%n", i + 1, plans, events);
                }
            }
            double appendS = seconds(appendStart);
            history = null; // the plans are not needed any more: keep the heap for what is measured
            long lagStart = System.nanoTime();
            YearOfHistoryReportTest.awaitTimelines(processing, store, Duration.ofHours(1)); // ten years take minutes
            double lagS = seconds(lagStart);

            int lastYear = FIRST_DAY.getYear() + Math.max(0, years - 2); // a full year well inside the history
            ReportPeriod quarter = new ReportPeriod(LocalDate.of(lastYear, 7, 1), LocalDate.of(lastYear, 9, 30));
            ReportPeriod year = new ReportPeriod(LocalDate.of(lastYear, 1, 1), LocalDate.of(lastYear, 12, 31));
            Instant now = Instant.now();
            LocalDate today = LocalDate.now(docket.getBean(java.time.Clock.class));

            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%,d plans, %,d events over %d years: appended in %.1f s while "
                    + "report-timelines took them in, which caught up %.1f s later (%,.0f events/s overall)%n", plans,
                    events, years, appendS, lagS, events / (appendS + lagS)));
            out.append(String.format(Locale.ROOT, "%-34s %10s %10s %12s %14s %10s%n", "report", "ms", "CPU ms", "heap MB",
                    "allocated MB", "tasks"));
            StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                    "{\"plans\":%d,\"events\":%d,\"years\":%d,\"appendSeconds\":%.1f,\"catchUpSeconds\":%.1f", plans, events,
                    years, appendS, lagS));
            for (ReportPeriod period : List.of(quarter, year)) {
                String name = period == quarter ? "quarter" : "year";
                // Three to warm up, then the median of three: single rounds on a shared machine swing widely.
                for (int i = 0; i < 3; i++) {
                    reports.produce(period, null, now);
                }
                List<Measured<FollowUpReport>> rounds = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    rounds.add(measure(() -> reports.produce(period, null, now)));
                }
                rounds.sort(Comparator.comparingLong(Measured::ms));
                Measured<FollowUpReport> timelines = rounds.get(1);
                Measured<ReplayedReports.Figures> replay = measure(() -> ReplayedReports.produce(
                        ReplayedReports.recordedUpTo(store, now), period.from(), period.to(), null, today,
                        TimelinessRule.EXTENDED));
                assertThat(timelines.value().units()).as(name).isEqualTo(replay.value().units());
                assertThat(timelines.value().total()).as(name).isEqualTo(replay.value().total());
                out.append(String.format(Locale.ROOT, "%-34s %,10d %,10d %,12.0f %,14.0f %,10d%n",
                        name + " " + period.from() + " from timelines", timelines.ms(), timelines.cpuMs(),
                        timelines.heapMb(), timelines.allocatedMb(), timelines.value().tasksRead()));
                out.append(String.format(Locale.ROOT, "%-34s %,10d %,10d %,12.0f %,14.0f %10s%n",
                        name + " " + period.from() + " by full replay", replay.ms(), replay.cpuMs(), replay.heapMb(),
                        replay.allocatedMb(), "all"));
                out.append(String.format(Locale.ROOT, "%-34s %10.1f%n", name + ": replay ms / timelines ms",
                        (double) replay.ms() / Math.max(1, timelines.ms())));
                json.append(String.format(Locale.ROOT, ",\"%s\":{\"ms\":%d,\"cpuMs\":%d,\"heapMb\":%.0f,"
                                + "\"allocatedMb\":%.0f,\"tasksRead\":%d,\"replayMs\":%d,\"replayCpuMs\":%d,"
                                + "\"replayHeapMb\":%.0f,\"replayAllocatedMb\":%.0f}",
                        name, timelines.ms(), timelines.cpuMs(), timelines.heapMb(), timelines.allocatedMb(),
                        timelines.value().tasksRead(), replay.ms(), replay.cpuMs(), replay.heapMb(), replay.allocatedMb()));
            }
            String jfr = System.getProperty("bench.jfr");
            if (jfr != null) {
                // Only the quarter's report, repeated, so the profile shows it and not the appending.
                try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
                    recording.setDestination(Path.of(jfr));
                    recording.start();
                    for (int i = 0; i < 20; i++) {
                        reports.produce(quarter, null, now);
                    }
                    recording.stop();
                }
            }
            out.append(json).append("}").append(System.lineSeparator());
            System.out.print(out);
            Files.writeString(Path.of("target", "reports-benchmark.txt"), out, StandardCharsets.UTF_8);
        }
    }


    /**
     * @param heapMb      peak heap in use while it ran, above what was in use after a collection just before
     *                    (garbage included: it depends on when the young collection runs)
     * @param allocatedMb bytes all threads allocated while it ran: Docket's and, in this embedded set-up, the
     *                    database server's side of the reads (the processors are idle by then)
     * @param cpuMs       CPU time all threads used while it ran, the server's included: what the report costs
     *                    whatever else the machine is doing, where {@code ms} depends on the load
     */
    record Measured<T>(T value, long ms, long cpuMs, double heapMb, double allocatedMb) {
    }

    static <T> Measured<T> measure(Supplier<T> work) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        long base = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] ids = threads.getAllThreadIds();
        long[] allocatedBefore = threads.getThreadAllocatedBytes(ids);
        long[] cpuBefore = threads.getThreadCpuTime(ids);
        long start = System.nanoTime();
        T value = work.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        long[] allocatedAfter = threads.getThreadAllocatedBytes(ids);
        long[] cpuAfter = threads.getThreadCpuTime(ids);
        long allocated = 0;
        long cpu = 0;
        for (int i = 0; i < ids.length; i++) {
            allocated += allocatedAfter[i] > 0 && allocatedBefore[i] > 0 ? allocatedAfter[i] - allocatedBefore[i] : 0;
            cpu += cpuAfter[i] > 0 && cpuBefore[i] > 0 ? cpuAfter[i] - cpuBefore[i] : 0; // -1: ended meanwhile
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured<>(value, ms, cpu / 1_000_000, (peak - base) / 1e6, allocated / 1e6);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
