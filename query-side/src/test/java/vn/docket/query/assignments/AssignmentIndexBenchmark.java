package vn.docket.query.assignments;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.NewTask;
import vn.docket.events.Role;

/**
 * The list's index at 50,000 assignments, in process: a page of one status read when nothing changed since the last
 * read (the baseline: a pass that tests every entry), and read right after a command changed one assignment, as on a
 * node that takes commands while people read; also the unfiltered page (a slice of the index, no pass, since
 * 05/12/2026), a unit's page, a search, the dashboard's timeliness pass and a page of one status and timeliness class,
 * the filters built as the list builds them (a search by four words). Medians of the rounds, and each against the
 * baseline of the same run. {@code bench/index.sh [rounds] [assignments]}.
 */
public final class AssignmentIndexBenchmark {

    private AssignmentIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        LocalDate today = LocalDate.now();
        long heapBefore = usedAfterGc();
        AssignmentIndex index = new AssignmentIndex(() -> true, Duration.ZERO);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(index);
        Random random = new Random(19);
        System.err.printf("Indexing %,d assignments ...%n", size);
        for (int i = 0; i < size; i++) {
            UUID id = new UUID(19, i);
            LocalDate deadline = today.minusDays(900).plusDays(i * 1800L / size);
            String title = AssignmentIndexTest.WORDS.get(random.nextInt(AssignmentIndexTest.WORDS.size())) + " "
                    + AssignmentIndexTest.WORDS.get(random.nextInt(AssignmentIndexTest.WORDS.size())) + " năm " + (2020 + i % 7);
            // Each event with its own strings, as events read from the store are: none shares an instance.
            handle(handlers, id, 0, NewTask.task().id(id).title(title).leadUnit(new String(AssignmentIndexTest.UNITS.get(i % 8)))
                    .deadline(deadline).route(List.of(new String("Lãnh đạo UBND thành phố"))).source(null)
                    .effectiveDate(deadline.minusDays(60)).assigned());
            if (i % 3 == 0) {
                handle(handlers, id, 1, new DraftSubmitted(id, 1, "Dự thảo.docx", null, null, null, deadline.minusDays(5), null));
            }
        }
        long heap = usedAfterGc() - heapBefore;
        // The unit as a request's parameter brings it: a string of its own.
        String asked = new String(AssignmentIndexTest.UNITS.get(4));
        // The filters as the list builds them from a request's parameters.
        Actor clerk = new Actor("clerk", "Văn thư", null, Role.CLERK);
        // The unit is the walk's (index.inOrder(asked) below), as the list's walk is.
        ListFilter unit = AssignmentQueryController.filter(clerk, null, today, null, null,
                null, null, null, null, null, null, null);
        ListFilter words = AssignmentQueryController.filter(clerk, null, today, null, null,
                null, "kế hoạch chuyển đổi", null, null, null, null, null);
        ListFilter assigned = AssignmentQueryController.filter(clerk, null, today,
                AssignmentStatus.ASSIGNED, null, null, null, null, null, null, null, null);
        ListFilter late = AssignmentQueryController.filter(clerk, null, today,
                AssignmentStatus.ASSIGNED, Timeliness.OVERDUE, null, null, null, null, null, null, null);
        UUID changed = new UUID(19, size / 2 + 1);
        long[][] times = new long[8][rounds];
        for (int round = 0; round < rounds; round++) {
            index.find(assigned, 0, 50);
            long t0 = System.nanoTime();
            index.find(assigned, 0, 50);
            long t1 = System.nanoTime();
            // One command changes one assignment (its deadline moves a day), then someone reads the list.
            handle(handlers, changed, 2 + round, new DeadlineExtended(changed, null,
                    today.plusDays(round % 2 == 0 ? 10 : 11), "Gia hạn", today));
            long t2 = System.nanoTime();
            index.find(assigned, 0, 50);
            long t3 = System.nanoTime();
            index.find(index.inOrder(asked), unit, 0, 50);
            long t4 = System.nanoTime();
            index.find(words, 0, 50);
            long t5 = System.nanoTime();
            long[] classes = new long[Timeliness.values().length];
            Map<String, long[]> units = new HashMap<>();
            long day = today.toEpochDay();
            IndexColumns all = index.inOrder();
            for (int i = 0; i < all.size(); i++) {
                Timeliness t = Timeliness.classify(all.status()[i], all.deadlineDay()[i], all.handedInDay()[i], day);
                if (t != null) {
                    classes[t.ordinal()]++;
                    units.computeIfAbsent(all.leadUnit()[i], u -> new long[Timeliness.values().length])[t.ordinal()]++;
                }
            }
            long t6 = System.nanoTime();
            index.find(late, 0, 50);
            long t7 = System.nanoTime();
            index.find(ListFilter.ALL, 0, 50);
            long t8 = System.nanoTime();
            times[0][round] = t1 - t0;
            times[1][round] = t3 - t2;
            times[2][round] = t4 - t3;
            times[3][round] = t5 - t4;
            times[4][round] = t6 - t5;
            times[5][round] = t7 - t6;
            times[6][round] = t2 - t1;
            times[7][round] = t8 - t7;
            if ((round + 1) % 50 == 0) {
                System.err.printf("%d of %d rounds%n", round + 1, rounds);
            }
        }
        String[] names = {"page of one status, nothing changed (baseline)", "the same right after a change",
            "a unit's page", "search, q=kế hoạch chuyển đổi", "dashboard's pass (classes, per unit)", "status + timeliness page",
            "the change itself (the index's writer)", "page of 50, no filter"};
        double baseline = median(times[0]);
        System.out.printf("%,d assignments (index: %.1f MB of heap), %d rounds, medians:%n", size, heap / 1e6, rounds);
        for (int i = 0; i < names.length; i++) {
            System.out.printf("  %-47s %8.3f ms  %6.2fx baseline%n", names[i], median(times[i]) / 1e6, median(times[i]) / baseline);
        }
    }

    private static void handle(AnnotationEventHandlerAdapter handlers, UUID id, long seq, Object event) throws Exception {
        handlers.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), seq, event));
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
