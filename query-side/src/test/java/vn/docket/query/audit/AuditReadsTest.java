package vn.docket.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import vn.docket.events.AccessDenied;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.Actor;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;
import vn.docket.query.support.ReadModels;

/**
 * The audit log answers every filter, page and total from its in-memory index, exactly as the plain rule over every
 * entry would (newest first), and reads the {@code audit_log} read model only by id: the embedded server answers
 * any other filter, sort or count by reading the whole log, which took seconds at 10,000 assignments.
 */
class AuditReadsTest {

    static final List<String> UNITS = List.of("Phòng Kinh tế", "Phòng Quản lý đô thị", "Phòng Tài chính - Kế hoạch",
            "Phòng Giáo dục và Đào tạo");
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final List<Actor> PEOPLE = List.of(CLERK, new Actor("hung", "Trần Văn Hùng", UNITS.get(0), Role.UNIT_STAFF),
            new Actor("mai", "Lê Thị Mai", UNITS.get(1), Role.UNIT_STAFF),
            new Actor("thanh", "Phạm Thanh", UNITS.get(2), Role.UNIT_HEAD),
            new Actor("chutich", "Nguyễn Văn Chủ Tịch", null, Role.CHAIR));
    static final Instant START = LocalDate.of(2026, 3, 1).atStartOfDay(PlatformConfiguration.ZONE).toInstant();

    /** What the test sent: one event as the log should show it. */
    record Sent(String eventId, Instant recordedAt, long seq, String assignmentId, Actor actor, List<String> units,
                LocalDate effective, String type) {
    }

    final Random random = new Random(7);
    final List<Sent> sent = new ArrayList<>();
    final List<EventMessage<?>> messages = new ArrayList<>();
    final Map<String, List<String>> unitsOf = new HashMap<>();
    final List<BsonDocument> reads = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final TestDatabase db = TestDatabase.recording(AuditLogProjection.COLLECTION, reads);
    AssignmentIndex assignments;
    List<AnnotationEventHandlerAdapter> handlers;
    AuditController controller;

    @BeforeEach
    void setUp() {
        MongoDatabase database = db.database();
        // As Spring Boot configures it: dates as ISO text.
        ObjectMapper json = Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        assignments = TestReadSide.index();
        AuditIndex index = new AuditIndex();
        handlers = List.of(new AnnotationEventHandlerAdapter(assignments), new AnnotationEventHandlerAdapter(index),
                new AnnotationEventHandlerAdapter(new AuditLogProjection(database, json)));
        controller = new AuditController(database, TestReadSide.visibility(assignments),
                TestReadSide.lookup(database, assignments, Clock.systemUTC()), assignments, index,
                TestReadSide.noUnitDirectory());
    }

    @Test
    void every_filter_and_page_of_the_log_is_the_plain_rule_over_every_entry_newest_first_read_by_id_alone() {
        generate(300);
        // Delivered again, as after a crash before the processor saved its position: nothing is listed twice.
        for (int i = 0; i < 60; i++) {
            deliver(messages.get(random.nextInt(messages.size())));
        }
        reads.clear();
        String someone = sent.get(sent.size() / 2).assignmentId();
        LocalDate from = LocalDate.of(2026, 3, 4);
        LocalDate to = LocalDate.of(2026, 3, 9);
        // Days things took effect, recorded up to a week later.
        LocalDate effectiveFrom = LocalDate.of(2026, 3, 3);
        LocalDate effectiveTo = LocalDate.of(2026, 3, 6);

        for (Actor reader : List.of(CLERK, PEOPLE.get(1), PEOPLE.get(3))) {
            TestReadSide.signIn(reader);
            check(reader, null, null, null, null, null, null, null, 0, 50);
            check(reader, null, null, null, null, null, null, null, 3, 50);
            check(reader, null, null, null, null, null, null, null, 1, 7);
            check(reader, someone, null, null, null, null, null, null, 0, 50);
            check(reader, someone.substring(0, 8).toUpperCase(Locale.ROOT), null, null, null, null, null, null, 0, 50);
            check(reader, null, "lan", null, null, null, null, null, 0, 50);
            check(reader, null, "nguyen van", null, null, null, null, null, 0, 20);
            check(reader, null, "Trần Văn Hùng", null, null, null, null, null, 0, 20);
            check(reader, null, null, UNITS.get(1), null, null, null, null, 0, 50);
            check(reader, null, null, null, from, to, null, null, 0, 50);
            check(reader, null, null, null, from, null, null, null, 2, 20);
            check(reader, null, "thi", UNITS.get(1), from, to, null, null, 0, 10);
            check(reader, null, null, null, null, null, effectiveFrom, effectiveTo, 0, 50);
            check(reader, null, null, null, null, null, effectiveFrom, null, 1, 20);
            check(reader, null, null, null, null, null, null, effectiveTo, 0, 50);
            check(reader, null, null, UNITS.get(2), from, to, effectiveFrom, effectiveTo, 0, 50);
            check(reader, null, null, null, List.of("DraftSubmitted"), null, null, null, null, 1, 20);
            check(reader, null, null, null, List.of("TaskAssigned", "AccessDenied"), null, null, null, null, 0, 50);
            check(reader, null, null, null, List.of("TaskAssigned,AccessDenied"), null, null, null, null, 2, 20);
            check(reader, null, "lan", null, List.of("DraftSubmitted"), from, to, null, null, 0, 50);
            check(reader, null, null, null, List.of("UserRoleChanged"), null, null, null, null, 0, 50);
            check(reader, null, null, null, null, null, null, null, 1000, 50);
        }

        assertThat(reads).as("reads of audit_log").isNotEmpty().allSatisfy(filter -> {
            assertThat(filter.keySet()).containsExactly("_id");
            assertThat(filter.getDocument("_id").keySet()).containsExactly("$in");
            assertThat(filter.getDocument("_id").getArray("$in")).hasSizeLessThanOrEqualTo(ReadModels.KEYS_PER_READ);
        });
    }

    @Test
    void an_event_recorded_earlier_on_another_node_but_handled_later_takes_its_place_in_time() {
        generate(20);
        Sent last = sent.get(sent.size() - 1);
        // Another node's clock: recorded before the events already in the log, reaching the index after them.
        UUID late = UUID.fromString(sent.get(0).assignmentId());
        handle(late, 90, new ReminderSent(late, UNITS.get(0), ReminderSent.Kind.MANUAL, null, 3, "Nhắc lại",
                LocalDate.of(2026, 3, 2)), PEOPLE.get(0), last.recordedAt().minusSeconds(30 * 60 + 1));
        TestReadSide.signIn(CLERK);

        List<String> newestFirst = ids(controller.audit(null, null, null, null, null, null, null, null, 0, Paging.MAX_SIZE));

        assertThat(newestFirst.indexOf(sent.get(sent.size() - 1).eventId())).isGreaterThan(newestFirst.indexOf(last.eventId()));
        assertThat(newestFirst).hasSize(sent.size())
                .isEqualTo(sent.stream().sorted(NEWEST_FIRST).map(Sent::eventId).toList());
    }

    @Test
    void a_filter_by_fewer_than_four_characters_of_an_id_or_by_days_the_wrong_way_round_is_refused_with_its_rule() {
        TestReadSide.signIn(CLERK);

        assertThatThrownBy(() -> controller.audit("3f2", null, null, null, null, null, null, null, 0, 20))
                .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.rule()).isEqualTo("assignment-filter"));
        assertThatThrownBy(() -> controller.audit(null, null, null, null, null, null, LocalDate.of(2026, 3, 6),
                LocalDate.of(2026, 3, 3), 0, 20))
                .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.rule()).isEqualTo("range-reversed"));
    }

    @Test
    void a_filter_by_a_kind_of_event_docket_does_not_record_is_refused_with_its_rule_naming_none() {
        TestReadSide.signIn(CLERK);

        assertThatThrownBy(() -> controller.audit(null, null, null, List.of("DeadlineExtended", "GiaHan"), null, null, null,
                null, 0, 20))
                .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.rule()).isEqualTo("event-type-filter"))
                .hasMessageContaining("\"GiaHan\"");
    }

    static final Comparator<Sent> NEWEST_FIRST = Comparator.comparing(Sent::recordedAt).thenComparingLong(Sent::seq).reversed();

    /** The page and total the controller gives against the plain rule over everything sent. */
    private void check(Actor reader, String assignment, String actor, String unit, LocalDate from, LocalDate to,
                       LocalDate effectiveFrom, LocalDate effectiveTo, int page, int size) {
        check(reader, assignment, actor, unit, null, from, to, effectiveFrom, effectiveTo, page, size);
    }

    private void check(Actor reader, String assignment, String actor, String unit, List<String> type, LocalDate from,
                       LocalDate to, LocalDate effectiveFrom, LocalDate effectiveTo, int page, int size) {
        List<String> kinds = type == null ? List.of() : type.stream().flatMap(t -> Stream.of(t.split(","))).toList();
        Predicate<Sent> rule = s -> (reader.role().isUnitMember() ? s.units().contains(reader.unit()) : true)
                && (assignment == null || (s.assignmentId() != null && s.assignmentId().startsWith(assignment.toLowerCase(Locale.ROOT))))
                && (actor == null || s.actor().id().equals(actor)
                    || Text.folded(s.actor().id() + " " + s.actor().name()).contains(Text.folded(actor)))
                && (unit == null || unit.equals(s.actor().unit()))
                && (kinds.isEmpty() || kinds.contains(s.type()))
                && (from == null || !s.recordedAt().isBefore(from.atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
                && (to == null || s.recordedAt().isBefore(to.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
                && (effectiveFrom == null && effectiveTo == null || s.effective() != null
                    && (effectiveFrom == null || !s.effective().isBefore(effectiveFrom))
                    && (effectiveTo == null || !s.effective().isAfter(effectiveTo)));
        List<String> expected = sent.stream().filter(rule).sorted(NEWEST_FIRST).map(Sent::eventId).toList();

        var answer = controller.audit(assignment, actor, unit, type, from, to, effectiveFrom, effectiveTo, page, size);

        String asked = reader.id() + " " + assignment + " " + actor + " " + unit + " " + type + " " + from + " " + to + " " + effectiveFrom
                + " " + effectiveTo + " " + page + "/" + size;
        assertThat(answer.total()).as(asked).isEqualTo(expected.size());
        assertThat(ids(answer)).as(asked).isEqualTo(
                expected.subList(Math.min(expected.size(), page * size), Math.min(expected.size(), page * size + size)));
    }

    private static List<String> ids(Page<AuditController.AuditEntry> page) {
        return page.items().stream().map(AuditController.AuditEntry::eventId).toList();
    }

    /**
     * Assignments of several units, each with a few events by several people, twenty minutes apart over a month;
     * every fifth event recorded by a clock a little behind, so that it reaches the log after a later one; and
     * refused attempts, some about no assignment.
     */
    private void generate(int count) {
        Instant at = START;
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String lead = UNITS.get(random.nextInt(UNITS.size()));
            String other = UNITS.get(random.nextInt(UNITS.size()));
            List<String> coordinating = other.equals(lead) ? List.of() : List.of(other);
            at = at.plusSeconds(20 * 60);
            handle(id, 0, NewTask.task().id(id).title("Kế hoạch số " + i).leadUnit(lead).coordinatingUnits(coordinating)
                    .deadline(LocalDate.of(2026, 6, 30)).source(null).effectiveDate(LocalDate.of(2026, 3, 1)).assigned(), CLERK, at);
            int more = random.nextInt(4);
            for (int seq = 1; seq <= more; seq++) {
                at = at.plusSeconds(20 * 60);
                Actor by = PEOPLE.get(random.nextInt(PEOPLE.size()));
                Instant recorded = random.nextInt(5) == 0 ? at.minusSeconds(25 * 60 + seq) : at;
                // Handed in on the day recorded or up to a week before.
                handle(id, seq, new DraftSubmitted(id, seq, "v" + seq, null, "https://x.vn/" + seq, null,
                        LocalDate.ofInstant(recorded, PlatformConfiguration.ZONE).minusDays(random.nextInt(8))), by, recorded);
            }
            if (random.nextInt(6) == 0) {
                at = at.plusSeconds(60);
                UUID about = random.nextBoolean() ? id : null;
                Actor by = PEOPLE.get(random.nextInt(PEOPLE.size()));
                EventMessage<?> denied = new GenericEventMessage<>(UUID.randomUUID().toString(),
                        new AccessDenied("POST", "/api/assignments", "not-allowed", "Không được phép", about, null),
                        EventMetadata.of(by, UUID.randomUUID().toString()), at);
                record(denied, about == null ? null : id.toString(), -1, by, about == null ? List.of() : units(lead, coordinating));
            }
        }
    }

    private void handle(UUID id, long seq, Object event, Actor by, Instant recorded) {
        if (event instanceof TaskAssigned assigned) {
            unitsOf.put(id.toString(), units(assigned.leadUnit(), assigned.coordinatingUnits()));
        }
        record(new GenericDomainEventMessage<>("Assignment", id.toString(), seq, event,
                EventMetadata.of(by, UUID.randomUUID().toString()), UUID.randomUUID().toString(), recorded),
                id.toString(), seq, by, unitsOf.get(id.toString()));
    }

    private static List<String> units(String lead, List<String> coordinating) {
        List<String> units = new ArrayList<>(List.of(lead));
        units.addAll(coordinating);
        return units;
    }

    private void record(EventMessage<?> message, String assignmentId, long seq, Actor by, List<String> units) {
        sent.add(new Sent(message.getIdentifier(), message.getTimestamp(), seq, assignmentId, by, units,
                message.getPayload() instanceof AssignmentEvent step ? step.effectiveDate() : null,
                message.getPayload().getClass().getSimpleName()));
        messages.add(message);
        deliver(message);
    }

    /** Through each handler as its processor calls it. */
    private void deliver(EventMessage<?> message) {
        for (AnnotationEventHandlerAdapter h : handlers) {
            try {
                if (h.canHandle(message)) {
                    h.handle(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
