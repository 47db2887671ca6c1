package vn.docket.query.revisioncycles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import vn.docket.events.Actor;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.TestReadSide;

/**
 * The revision statistics ({@code GET /api/stats/revision-cycles}) in process, at each size: the controller's answer
 * for a clerk (every assignment), for a clerk with a unit filter, for a unit's staff member (visibility), and the
 * clerk's answer written as JSON as the HTTP response would be, with the points and as the page asks for it (none). The data is {@code bench/read.sh}'s: one assignment
 * in six sent back once with two points, handed in again a week later and approved; the points read model on the
 * embedded server's in-memory backend. Medians of the rounds, and each size against the first.
 * {@code bench/revstats.sh [rounds] [sizes, comma-separated]}.
 */
public final class RevisionStatsBenchmark {

    static final List<String> UNITS = List.of("Phòng Tài chính - Kế hoạch", "Phòng Kinh tế", "Phòng Quản lý đô thị",
            "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Ban Chỉ huy Quân sự",
            "Trung tâm Phát triển quỹ đất", "Phòng Tài nguyên và Môi trường");
    static final String LEVEL = "Lãnh đạo UBND thành phố";
    static final String[] NAMES = {"clerk, every assignment", "clerk, one unit (?unit=)", "a unit's staff (visibility)",
        "clerk, every assignment, as JSON", "the page's (?points=false), as JSON"};

    private RevisionStatsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "1000,50000").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf("load average before: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        double[][] medians = new double[sizes.length][];
        for (int s = 0; s < sizes.length; s++) {
            medians[s] = run(sizes[s], rounds);
        }
        System.out.printf("%d rounds, medians (ms), and against %,d assignments:%n", rounds, sizes[0]);
        for (int i = 0; i < NAMES.length; i++) {
            StringBuilder line = new StringBuilder(String.format("  %-36s", NAMES[i]));
            for (int s = 0; s < sizes.length; s++) {
                line.append(String.format("  %,7d: %7.2f ms (%5.1fx)", sizes[s], medians[s][i], medians[s][i] / medians[0][i]));
            }
            System.out.println(line);
        }
        System.out.printf("load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static double[] run(int size, int rounds) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            var database = client.getDatabase("bench");
            AssignmentIndex assignments = TestReadSide.index();
            RevisionIndex index = new RevisionIndex();
            RevisionCycleProjection projection = new RevisionCycleProjection(database);
            List<AnnotationEventHandlerAdapter> handlers = List.of(new AnnotationEventHandlerAdapter(assignments),
                    new AnnotationEventHandlerAdapter(index), new AnnotationEventHandlerAdapter(projection));
            seed(handlers, size);
            RevisionCycleController controller = new RevisionCycleController(database,
                    TestReadSide.visibility(assignments), assignments, index, TestReadSide.noUnitDirectory());
            ObjectMapper json = Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
            Actor clerk = new Actor("clerk", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", Role.CLERK);
            Actor staff = new Actor("kt", "Trần Văn Minh", UNITS.get(1), Role.UNIT_STAFF);
            List<Supplier<Object>> requests = List.of(
                    () -> controller.stats(null, null, true),
                    () -> controller.stats(UNITS.get(1), null, true),
                    () -> controller.stats(null, null, true),
                    () -> {
                        try {
                            return json.writeValueAsBytes(controller.stats(null, null, true));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    () -> {
                        try {
                            return json.writeValueAsBytes(controller.stats(null, null, false));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            List<Actor> who = List.of(clerk, clerk, staff, clerk, clerk);
            long[][] times = new long[requests.size()][rounds];
            int[] bytes = new int[requests.size()];
            for (int round = -rounds / 4; round < rounds; round++) {
                for (int r = 0; r < requests.size(); r++) {
                    TestReadSide.signIn(who.get(r));
                    long t0 = System.nanoTime();
                    Object answer = requests.get(r).get();
                    long t1 = System.nanoTime();
                    if (round >= 0) {
                        times[r][round] = t1 - t0;
                    }
                    if (answer instanceof byte[] written) {
                        bytes[r] = written.length;
                    }
                }
            }
            System.out.printf("%,d assignments: the clerk's answer is %,d bytes of JSON, the page's %,d%n", size, bytes[3], bytes[4]);
            double[] medians = new double[requests.size()];
            for (int r = 0; r < requests.size(); r++) {
                long[] sorted = times[r].clone();
                Arrays.sort(sorted);
                medians[r] = sorted[sorted.length / 2] / 1e6;
            }
            return medians;
        } finally {
            server.shutdownNow();
        }
    }

    /** bench/read.sh's assignments: one in six sent back once with two points, handed in a week later, approved. */
    private static void seed(List<AnnotationEventHandlerAdapter> handlers, int size) throws Exception {
        Random random = new Random(19);
        Actor chair = new Actor("chair", "Hoàng Văn Nam", LEVEL, Role.CHAIR);
        MetaData by = MetaData.from(EventMetadata.of(chair, "bench"));
        String[] subjects = {"chuyển đổi số", "phòng chống lụt bão", "cải cách hành chính", "xây dựng nông thôn mới",
            "phát triển du lịch", "quản lý đất đai"};
        LocalDate first = LocalDate.of(2022, 1, 1);
        System.err.printf("Seeding %,d assignments ...%n", size);
        for (int i = 0; i < size; i++) {
            UUID id = new UUID(19, i);
            LocalDate assigned = first.plusDays((long) i * 5 * 365 / size);
            String title = (random.nextBoolean() ? "Kế hoạch " : "Báo cáo ") + subjects[random.nextInt(subjects.length)] + " số " + i;
            String unit = UNITS.get(random.nextInt(UNITS.size()));
            List<Object> events = new ArrayList<>();
            events.add(NewTask.task().id(id).title(title).leadUnit(unit).coordinatingUnits(random.nextBoolean() ? List.of()
                    : List.of(UNITS.get(random.nextInt(UNITS.size())))).deadline(assigned.plusDays(60)).route(List.of(LEVEL))
                    .source(null).effectiveDate(assigned).assigned());
            if (random.nextInt(6) == 1) {
                LocalDate handedIn = assigned.plusDays(random.nextInt(90));
                events.add(new DraftSubmitted(id, 1, "v1.docx", null, "https://vanban.example.vn/" + i, null, handedIn));
                events.add(new RevisionRequested(id, 1, LEVEL, List.of("Bổ sung số liệu", "Làm rõ lộ trình"), null, handedIn.plusDays(3)));
                events.add(new DraftSubmitted(id, 2, "v2.docx", null, "https://vanban.example.vn/" + i + "/2", null, handedIn.plusDays(10)));
                events.add(new DraftApproved(id, 2, LEVEL, true, null, null, handedIn.plusDays(12)));
            }
            for (int seq = 0; seq < events.size(); seq++) {
                GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("Assignment", id.toString(), seq,
                        events.get(seq), by);
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(message)) {
                        handler.handle(message);
                    }
                }
            }
        }
    }
}
