package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.NewTask;
import vn.docket.events.NoticeSource;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;

/**
 * The list's index against a plain model: a few thousand assignments with varied units, statuses, deadlines,
 * routes and titles are fed to the index as events and, in parallel, kept here as plain objects; every filter
 * the list accepts (alone, combined, paged) must pick the same ids, in the same order, with the same total as a
 * stream filter over the plain objects.
 */
class AssignmentIndexTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final List<String> UNITS = List.of("Phòng Kinh tế", "Phòng Quản lý đô thị", "Phòng Tài chính - Kế hoạch",
            "Phòng Giáo dục và Đào tạo", "Phòng Y tế", "Phòng Tư pháp", "Công an thành phố", "Phòng Văn hóa và Thông tin");
    static final List<List<String>> ROUTES = List.of(List.of("Lãnh đạo UBND thành phố"),
            List.of("Phó Chủ tịch UBND", "Chủ tịch UBND"), List.of("Hội đồng thẩm định", "Phó Chủ tịch UBND", "Chủ tịch UBND"));
    static final List<String> NOTICES = List.of("311/TB-UBND", "45/TB-VP", "12/TB-UBND");
    static final List<String> WORDS = List.of("Kế hoạch", "phòng chống", "ngập úng", "mùa mưa", "Báo cáo", "tình hình",
            "giải ngân", "vốn đầu tư", "Đề án", "chuyển đổi số", "trường học", "y tế cơ sở", "an ninh trật tự", "đường điện");

    /** What the test knows of an assignment, changed alongside the events it sends. */
    static final class Known {
        String id;
        String title;
        AssignmentStatus status = AssignmentStatus.ASSIGNED;
        String lead;
        List<String> coordinating;
        String parent;
        String notice;
        LocalDate deadline;
        LocalDate assignedOn;
        LocalDate handedIn;
        List<String> route;
        int approved;
        boolean extensionPending;
        long seq;
    }

    final Random random = new Random(19);
    /** Extension requests drawn apart, so the histories above stay what they were before requests were indexed. */
    final Random extensions = new Random(23);
    final Map<String, Known> known = new LinkedHashMap<>();
    final List<Object[]> sent = new ArrayList<>();
    AssignmentIndex index;
    AnnotationEventHandlerAdapter handlers;

    @BeforeEach
    void generate() {
        index = new AssignmentIndex(() -> true, Duration.ZERO);
        handlers = new AnnotationEventHandlerAdapter(index);
        for (int i = 0; i < 3000; i++) {
            assign(i);
        }
        for (Known a : List.copyOf(known.values())) {
            walk(a);
            askForExtension(a);
        }
    }

    /** Now and then the unit asks for more time; a leader refuses, a clerk extends, or it is still pending. */
    private void askForExtension(Known a) {
        boolean open = a.status == AssignmentStatus.ASSIGNED || a.status == AssignmentStatus.DRAFT_SUBMITTED
                || a.status == AssignmentStatus.REVISION_REQUESTED;
        if (!open || a.deadline == null || extensions.nextInt(4) != 0) {
            return;
        }
        UUID id = UUID.fromString(a.id);
        LocalDate asked = a.deadline.plusDays(15);
        a.extensionPending = true;
        send(new ExtensionRequested(id, a.deadline, asked, "Chờ ý kiến các sở", TODAY.minusDays(3)), a);
        int then = extensions.nextInt(3);
        if (then == 0) {
            a.extensionPending = false;
            send(new ExtensionRejected(id, asked, "Không có căn cứ", TODAY.minusDays(1)), a);
        } else if (then == 1) {
            a.extensionPending = false;
            LocalDate before = a.deadline;
            a.deadline = asked;
            send(new DeadlineExtended(id, before, asked, "Đồng ý gia hạn", TODAY.minusDays(1)), a);
        }
    }

    private void assign(int i) {
        Known a = new Known();
        a.id = new UUID(19, i).toString();
        a.title = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size())) + " năm " + (2020 + i % 7);
        a.lead = UNITS.get(random.nextInt(UNITS.size()));
        a.coordinating = random.nextInt(3) == 0 ? List.of(UNITS.get(random.nextInt(UNITS.size()))) : List.of();
        a.coordinating = a.coordinating.contains(a.lead) ? List.of() : a.coordinating;
        a.parent = i > 10 && random.nextInt(8) == 0 ? new UUID(19, random.nextInt(i)).toString() : null;
        a.notice = random.nextInt(3) == 0 ? NOTICES.get(random.nextInt(NOTICES.size())) : null;
        a.deadline = random.nextInt(10) == 0 ? null : TODAY.plusDays(random.nextInt(120) - 60);
        a.assignedOn = TODAY.minusDays(60 + random.nextInt(30));
        a.route = ROUTES.get(random.nextInt(ROUTES.size()));
        known.put(a.id, a);
        send(NewTask.task().id(UUID.fromString(a.id)).title(a.title).leadUnit(a.lead).coordinatingUnits(a.coordinating)
                .deadline(a.deadline).route(a.route).source(a.notice == null ? null : new NoticeSource(a.notice, 1 + random.nextInt(9)))
                .parentId(a.parent == null ? null : UUID.fromString(a.parent)).effectiveDate(a.assignedOn).assigned(), a);
    }

    /** A random way through the process: drafts on time or late, revisions, partial and final approvals, ... */
    private void walk(Known a) {
        UUID id = UUID.fromString(a.id);
        int steps = random.nextInt(6);
        for (int step = 0; step < steps && a.status != AssignmentStatus.CANCELLED && a.status != AssignmentStatus.ISSUED; step++) {
            int what = random.nextInt(10);
            LocalDate on = TODAY.minusDays(random.nextInt(50));
            if (what == 0) {
                a.status = AssignmentStatus.CANCELLED;
                send(new TaskCancelled(id, "Không còn cần", on), a);
            } else if (what == 1 && a.deadline != null) {
                LocalDate before = a.deadline;
                a.deadline = a.deadline.plusDays(1 + random.nextInt(30));
                send(new DeadlineExtended(id, before, a.deadline, "Chờ số liệu", on), a);
            } else if (what == 2) {
                a.lead = UNITS.get(random.nextInt(UNITS.size()));
                send(new TaskReassigned(id, null, a.lead, "Chuyển đơn vị", on), a);
            } else if (a.status == AssignmentStatus.ASSIGNED || a.status == AssignmentStatus.REVISION_REQUESTED) {
                a.status = AssignmentStatus.DRAFT_SUBMITTED;
                a.handedIn = on;
                a.approved = 0;
                send(new DraftSubmitted(id, step + 1, "v", null, "https://x.vn", null, on), a);
            } else if (a.status == AssignmentStatus.DRAFT_SUBMITTED && what < 5) {
                a.status = AssignmentStatus.REVISION_REQUESTED;
                a.handedIn = null;
                LocalDate due = what == 3 ? TODAY.plusDays(random.nextInt(40) - 20) : null;
                a.deadline = due != null ? due : a.deadline;
                send(new RevisionRequested(id, step, a.route.get(a.approved), List.of("Bổ sung"), due, on), a);
            } else if (a.status == AssignmentStatus.DRAFT_SUBMITTED) {
                boolean last = a.approved + 1 == a.route.size();
                send(new DraftApproved(id, step, a.route.get(a.approved), last, null, null, on), a);
                a.approved++;
                a.status = last ? AssignmentStatus.APPROVED : a.status;
            } else if (a.status == AssignmentStatus.APPROVED) {
                a.status = AssignmentStatus.ISSUED;
                send(new DocumentIssued(id, "12/QĐ-UBND", on), a);
            }
        }
    }

    void send(Object event, Known a) {
        long seq = a.seq++;
        sent.add(new Object[] {event, seq});
        deliver(event, seq);
    }

    /** Through the index's own event handlers, as its processor calls them. */
    private void deliver(Object event, long seq) {
        deliver(handlers, event, seq);
    }

    private static void deliver(AssignmentIndex index, Object event, long seq) {
        deliver(new AnnotationEventHandlerAdapter(index), event, seq);
    }

    private static void deliver(AnnotationEventHandlerAdapter handlers, Object event, long seq) {
        AssignmentEvent e = (AssignmentEvent) event;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Assignment", e.assignmentId().toString(), seq, e);
        if (!handlers.canHandle(message)) {
            throw new IllegalArgumentException(event.toString());
        }
        try {
            handlers.handle(message);
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    // ---- the plain model's answers

    static final Comparator<Known> ORDER = Comparator
            .comparing((Known a) -> a.deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(a -> a.assignedOn).thenComparing(a -> a.id);

    static String plain(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase();
    }

    static Timeliness classOf(Known a) {
        return Timeliness.classify(a.status, a.deadline, a.handedIn, TODAY);
    }

    static String awaiting(Known a) {
        return a.status == AssignmentStatus.DRAFT_SUBMITTED && a.approved < a.route.size() ? a.route.get(a.approved) : null;
    }

    Predicate<Known> unitSees(String unit) {
        Set<String> fed = new HashSet<>();
        known.values().stream().filter(c -> unit.equals(c.lead) && c.parent != null).forEach(c -> fed.add(c.parent));
        return a -> a.lead.equals(unit) || a.coordinating.contains(unit) || fed.contains(a.id);
    }

    /** One list request's parameters, as the API takes them. */
    record Query(Actor actor, String unit, AssignmentStatus status, Timeliness timeliness, String notice, String q,
                 LocalDate from, LocalDate to, Boolean mine, List<String> awaiting, Integer dueWithin) {
    }

    List<String> expected(Query query) {
        Predicate<Known> p = a -> true;
        if (!Visibility.seesEverything(query.actor())) {
            p = p.and(unitSees(query.actor().unit()));
        }
        if (query.unit() != null) {
            p = p.and(a -> a.lead.equals(query.unit()) || a.coordinating.contains(query.unit()));
        }
        if (query.status() != null) {
            p = p.and(a -> a.status == query.status());
        }
        if (query.timeliness() != null) {
            p = p.and(a -> classOf(a) == query.timeliness());
        }
        if (query.notice() != null) {
            p = p.and(a -> query.notice().equals(a.notice));
        }
        if (query.q() != null) {
            p = p.and(a -> List.of(plain(query.q()).trim().split(" +")).stream().allMatch(plain(a.title + " " + a.lead
                    + " " + String.join(" ", a.coordinating) + " " + (a.notice == null ? "" : a.notice))::contains));
        }
        if (query.from() != null) {
            p = p.and(a -> a.deadline != null && a.deadline.compareTo(query.from()) >= 0);
        }
        if (query.to() != null) {
            p = p.and(a -> a.deadline != null && a.deadline.compareTo(query.to()) <= 0);
        }
        if (query.dueWithin() != null) {
            p = p.and(a -> a.status.isOpen() && a.deadline != null && a.deadline.compareTo(TODAY) >= 0
                    && a.deadline.compareTo(TODAY.plusDays(query.dueWithin())) <= 0);
        }
        if (Boolean.TRUE.equals(query.mine()) && !Visibility.seesEverything(query.actor())) {
            p = p.and(a -> a.lead.equals(query.actor().unit()) && a.status.isOpen());
        } else if (Boolean.TRUE.equals(query.mine())) {
            List<String> levels = query.awaiting() == null ? List.of() : query.awaiting();
            p = p.and(a -> awaiting(a) != null && levels.stream().anyMatch(awaiting(a)::equalsIgnoreCase));
        }
        return known.values().stream().filter(p).sorted(ORDER).map(a -> a.id).toList();
    }

    AssignmentIndex.Hits actual(Query query, long skip, int size) {
        Actor me = query.actor();
        // As the list asks: the pass walks the unit's own entries, or what a unit's staff see.
        Visibility.Walk walk = new Visibility(index).walk(me, query.unit());
        return index.find(walk.entries(), AssignmentQueryController.filter(me, walk.visible(), TODAY,
                query.status(), query.timeliness(), query.notice(), query.q(), query.from(), query.to(), query.mine(),
                query.awaiting(), query.dueWithin()), skip, size);
    }

    void check(Query query) {
        List<String> all = expected(query);
        for (int size : new int[] {1, 20, 50, 200}) {
            for (int page = 0; page < 3; page++) {
                long skip = (long) page * size;
                AssignmentIndex.Hits hits = actual(query, skip, size);
                assertThat(hits.total()).as("%s total", query).isEqualTo(all.size());
                assertThat(hits.ids()).as("%s page %d of %d", query, page, size)
                        .isEqualTo(all.subList((int) Math.min(skip, all.size()), (int) Math.min(skip + size, all.size())));
            }
        }
    }

    static final Actor CLERK = new Actor("clerk", "Văn thư", null, Role.CLERK);
    static final Actor CHAIR = new Actor("chair", "Chủ tịch", null, Role.CHAIR);

    static Actor staffOf(String unit) {
        return new Actor("staff", "Cán bộ", unit, Role.UNIT_STAFF);
    }

    Query only(Actor actor) {
        return new Query(actor, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void the_list_keeps_its_order_and_totals_while_assignments_change_and_arrive_between_reads() {
        check(only(CLERK));
        // Read between the changes, as a node taking commands while people read: each change lands in the order
        // a read built, new assignments among the old ones.
        for (int i = 0; i < 300; i++) {
            if (i % 3 == 0) {
                assign(3000 + i);
            }
            walk(List.copyOf(known.values()).get(random.nextInt(known.size())));
            if (i % 10 == 0) {
                check(only(CLERK));
                check(new Query(CLERK, null, null, Timeliness.OVERDUE, null, null, null, null, null, null, null));
                // A unit's own entries, kept in order through reassignments between reads.
                check(new Query(CLERK, UNITS.get(i % UNITS.size()), null, null, null, null, null, null, null, null, null));
                check(new Query(staffOf(UNITS.get(i % UNITS.size())), UNITS.get((i / 10) % UNITS.size()), null, null, null,
                        null, null, null, null, null, null));
            }
        }
        check(only(CLERK));
        check(only(staffOf(UNITS.get(5))));
    }

    @Test
    void every_filter_alone_picks_what_a_plain_filter_picks_in_the_same_order_with_the_same_total() {
        check(only(CLERK));
        for (String unit : UNITS) {
            check(new Query(CLERK, unit, null, null, null, null, null, null, null, null, null));
            check(only(staffOf(unit)));
            check(new Query(staffOf(unit), null, null, null, null, null, null, null, true, null, null));
        }
        for (AssignmentStatus status : AssignmentStatus.values()) {
            check(new Query(CLERK, null, status, null, null, null, null, null, null, null, null));
        }
        for (Timeliness t : Timeliness.values()) {
            check(new Query(CLERK, null, null, t, null, null, null, null, null, null, null));
        }
        for (String notice : NOTICES) {
            check(new Query(CLERK, null, null, null, notice, null, null, null, null, null, null));
        }
        for (String q : List.of("ke hoach", "Ngập úng", "PHONG Y TE", "311", "chuyen doi so", "không có từ này")) {
            check(new Query(CLERK, null, null, null, null, q, null, null, null, null, null));
        }
        check(new Query(CLERK, null, null, null, null, null, TODAY.minusDays(10), null, null, null, null));
        check(new Query(CLERK, null, null, null, null, null, null, TODAY.plusDays(10), null, null, null));
        for (int days : new int[] {0, 7, 30}) {
            check(new Query(CLERK, null, null, null, null, null, null, null, null, null, days));
        }
        for (List<String> route : ROUTES) {
            check(new Query(CHAIR, null, null, null, null, null, null, null, true, route, null));
        }
        check(new Query(CHAIR, null, null, null, null, null, null, null, true, null, null));
        // The levels /api/me names may differ in case from the routes' spelling.
        check(new Query(CHAIR, null, null, null, null, null, null, null, true, List.of("chủ tịch ubnd"), null));
        assertThat(expected(new Query(CHAIR, null, null, null, null, null, null, null, true, List.of("Chủ tịch UBND"), null)))
                .as("some drafts wait for the chair").isNotEmpty();
    }

    @Test
    void filters_combined_pick_what_a_plain_filter_picks() {
        Random pick = new Random(16);
        for (int i = 0; i < 300; i++) {
            String unit = UNITS.get(pick.nextInt(UNITS.size()));
            Actor actor = pick.nextInt(3) == 0 ? staffOf(unit) : CLERK;
            LocalDate from = pick.nextBoolean() ? TODAY.minusDays(pick.nextInt(60)) : null;
            check(new Query(actor,
                    pick.nextBoolean() ? UNITS.get(pick.nextInt(UNITS.size())) : null,
                    pick.nextInt(3) == 0 ? AssignmentStatus.values()[pick.nextInt(AssignmentStatus.values().length)] : null,
                    pick.nextInt(3) == 0 ? Timeliness.values()[pick.nextInt(Timeliness.values().length)] : null,
                    pick.nextInt(4) == 0 ? NOTICES.get(pick.nextInt(NOTICES.size())) : null,
                    pick.nextInt(4) == 0 ? plain(WORDS.get(pick.nextInt(WORDS.size()))) : null,
                    from, from != null && pick.nextBoolean() ? from.plusDays(pick.nextInt(60)) : null,
                    actor != CLERK && pick.nextInt(4) == 0 ? true : null, null,
                    pick.nextInt(5) == 0 ? pick.nextInt(40) : null));
        }
    }

    /**
     * AssignmentLookup shows a row it read before for as long as the entry's seq is not later than the row's, so the
     * entry must move with every event that changes the row.
     */
    @Test
    void the_index_applies_every_event_the_lists_read_model_applies() {
        assertThat(handledEvents(AssignmentIndex.class)).containsAll(handledEvents(AssignmentListProjection.class));
    }

    private static Set<Class<?>> handledEvents(Class<?> handler) {
        Set<Class<?>> events = new HashSet<>();
        for (java.lang.reflect.Method m : handler.getDeclaredMethods()) {
            if (m.isAnnotationPresent(org.axonframework.eventhandling.EventHandler.class)) {
                events.add(m.getParameterTypes()[0]);
            }
        }
        return events;
    }

    @Test
    void a_batch_delivered_again_leaves_the_index_unchanged() {
        Map<String, AssignmentIndex.Entry> before = entries();
        // At-least-once delivery: the last thousand events arrive a second time, in order.
        sent.subList(sent.size() - 1000, sent.size()).forEach(e -> deliver(e[0], (long) e[1]));
        assertThat(entries()).isEqualTo(before);
        check(new Query(CLERK, null, AssignmentStatus.DRAFT_SUBMITTED, null, null, null, null, null, null, null, null));
    }

    @Test
    void assignments_of_one_unit_and_route_hold_one_copy_of_its_name_and_route_however_many_events_carried_them() {
        // Events read from the store each carry their own strings; 50,000 entries would hold 50,000 copies.
        AssignmentIndex fresh = new AssignmentIndex(() -> true, Duration.ZERO);
        AnnotationEventHandlerAdapter freshHandlers = new AnnotationEventHandlerAdapter(fresh);
        List<UUID> ids = List.of(new UUID(23, 1), new UUID(23, 2));
        for (UUID id : ids) {
            List<String> route = List.of(new String("Phó Chủ tịch UBND"), new String("Chủ tịch UBND"));
            TaskAssigned assigned = NewTask.task().id(id).title("Kế hoạch " + id).leadUnit(new String(UNITS.get(1)))
                    .coordinatingUnits(List.of(new String(UNITS.get(2)))).deadline(TODAY).route(route)
                    .source(new NoticeSource(new String("311/TB-UBND"), 1)).effectiveDate(TODAY).assigned();
            DraftApproved approved = new DraftApproved(id, 1, new String("Phó Chủ tịch UBND"), false, null, null, TODAY);
            try {
                freshHandlers.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), 0, assigned));
                freshHandlers.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), 1, approved));
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }
        AssignmentIndex.Entry first = fresh.get(ids.get(0).toString()).orElseThrow();
        AssignmentIndex.Entry second = fresh.get(ids.get(1).toString()).orElseThrow();
        assertThat(second.leadUnit()).isSameAs(first.leadUnit()).isEqualTo(UNITS.get(1));
        assertThat(second.coordinatingUnits()).isSameAs(first.coordinatingUnits());
        assertThat(second.notice()).isSameAs(first.notice());
        assertThat(second.approvalRoute()).isSameAs(first.approvalRoute());
        assertThat(second.approvedLevels()).isSameAs(first.approvedLevels()).containsExactly("Phó Chủ tịch UBND");
        assertThat(second.approvedLevels().get(0)).isSameAs(first.approvalRoute().get(0));
    }

    @Test
    void an_extension_moves_the_assignment_out_of_the_overdue_class_and_along_the_order() {
        Known late = known.values().stream().filter(a -> classOf(a) == Timeliness.OVERDUE && a.handedIn == null)
                .findFirst().orElseThrow();
        Query overdue = new Query(CLERK, null, null, Timeliness.OVERDUE, null, null, null, null, null, null, null);
        assertThat(actual(overdue, 0, 5000).ids()).contains(late.id);

        LocalDate before = late.deadline;
        late.deadline = TODAY.plusDays(20);
        send(new DeadlineExtended(UUID.fromString(late.id), before, late.deadline, "Chờ số liệu", TODAY), late);

        assertThat(actual(overdue, 0, 5000).ids()).doesNotContain(late.id);
        check(overdue);
        check(new Query(CLERK, null, null, Timeliness.ON_TIME, null, null, null, null, null, null, null));
    }

    @Test
    void deadlines_before_1970_far_ahead_or_missing_keep_their_place_in_the_order_their_class_and_their_range() {
        // The index keeps dates as epoch days: negative before 1970, none as a number of its own.
        AssignmentIndex fresh = new AssignmentIndex(() -> true, Duration.ZERO);
        AnnotationEventHandlerAdapter freshHandlers = new AnnotationEventHandlerAdapter(fresh);
        LocalDate[] deadlines = {null, LocalDate.of(9999, 12, 31), TODAY, LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1),
            LocalDate.of(1899, 3, 1), TODAY.plusDays(3)};
        LocalDate[] assignedOn = {null, TODAY.minusDays(1), LocalDate.of(1960, 1, 1), null, TODAY, TODAY, TODAY};
        for (int i = 0; i < deadlines.length; i++) {
            UUID id = new UUID(29, i);
            try {
                freshHandlers.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), 0, NewTask.task().id(id)
                        .title("Việc " + i).leadUnit(UNITS.get(0)).deadline(deadlines[i]).route(ROUTES.get(0)).source(null)
                        .effectiveDate(assignedOn[i]).assigned()));
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }
        // A second assignment without a deadline, this one with an assigned-on date: none comes first.
        UUID last = new UUID(29, 99);
        try {
            freshHandlers.handle(new GenericDomainEventMessage<>("Assignment", last.toString(), 0, NewTask.task().id(last)
                    .title("Việc cuối").leadUnit(UNITS.get(0)).deadline(null).route(ROUTES.get(0)).source(null).effectiveDate(TODAY)
                    .assigned()));
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
        java.util.function.IntFunction<String> id = i -> new UUID(29, i).toString();
        ListFilter all = ListFilter.ALL;
        assertThat(fresh.find(all, 0, 20).ids()).containsExactly(id.apply(5), id.apply(3), id.apply(4), id.apply(2),
                id.apply(6), id.apply(1), id.apply(0), id.apply(99));
        assertThat(fresh.find(AssignmentQueryController.filter(CLERK, null, TODAY, null, Timeliness.OVERDUE, null,
                null, null, null, null, null, null), 0, 20).ids()).containsExactly(id.apply(5), id.apply(3), id.apply(4));
        assertThat(fresh.find(AssignmentQueryController.filter(CLERK, null, TODAY, null, null, null, null,
                LocalDate.of(1969, 12, 31), TODAY, null, null, null), 0, 20).ids())
                .containsExactly(id.apply(3), id.apply(4), id.apply(2));
        assertThat(fresh.find(AssignmentQueryController.filter(CLERK, null, TODAY, null, null, null, null, null, null,
                null, null, 3), 0, 20).ids()).containsExactly(id.apply(2), id.apply(6));
        assertThat(fresh.get(id.apply(0)).orElseThrow().deadline()).isNull();
        assertThat(fresh.get(id.apply(5)).orElseThrow().deadline()).isEqualTo(LocalDate.of(1899, 3, 1));
        assertThat(fresh.get(id.apply(3)).orElseThrow().assignedOn()).isNull();
    }

    @Test
    void a_units_page_lists_what_it_leads_or_coordinates_and_follows_a_reassignment_and_a_batch_delivered_again() {
        Query first = new Query(CLERK, UNITS.get(1), null, null, null, null, null, null, null, null, null);
        check(first);
        for (String unit : UNITS) {
            check(new Query(CLERK, unit, null, null, null, null, null, null, null, null, null));
        }
        assertThat(actual(new Query(CLERK, "Phòng không có", null, null, null, null, null, null, null, null, null), 0, 50)
                .total()).isZero();
        // One the first unit coordinates, led by another: it moves to a third; the coordinating unit keeps it.
        Known moved = known.values().stream().filter(a -> a.coordinating.contains(UNITS.get(1))
                && a.status != AssignmentStatus.CANCELLED).findFirst().orElseThrow();
        String from = moved.lead;
        String to = UNITS.stream().filter(u -> !u.equals(from) && !moved.coordinating.contains(u)).findFirst().orElseThrow();
        moved.lead = to;
        send(new TaskReassigned(UUID.fromString(moved.id), null, to, "Chuyển đơn vị", TODAY), moved);
        assertThat(actual(first, 0, 5000).ids()).contains(moved.id);
        assertThat(actual(new Query(CLERK, from, null, null, null, null, null, null, null, null, null), 0, 5000).ids())
                .doesNotContain(moved.id);
        assertThat(actual(new Query(CLERK, to, null, null, null, null, null, null, null, null, null), 0, 5000).ids())
                .contains(moved.id);
        sent.subList(sent.size() - 500, sent.size()).forEach(e -> deliver(e[0], (long) e[1]));
        for (String unit : UNITS) {
            check(new Query(CLERK, unit, null, null, null, null, null, null, null, null, null));
            check(new Query(CLERK, unit, AssignmentStatus.DRAFT_SUBMITTED, null, null, null, null, null, null, null, null));
        }
        // A new assignment after the units' pages were read is on its units' pages.
        assign(5000);
        Known added = known.get(new UUID(19, 5000).toString());
        for (String unit : added.coordinating.isEmpty() ? List.of(added.lead) : List.of(added.lead, added.coordinating.get(0))) {
            assertThat(actual(new Query(CLERK, unit, null, null, null, null, null, null, null, null, null), 0, 5000).ids())
                    .contains(added.id);
            check(new Query(CLERK, unit, null, null, null, null, null, null, null, null, null));
        }
    }

    @Test
    void a_unit_sees_what_it_leads_or_coordinates_and_the_parents_its_contributions_feed() {
        String unit = UNITS.get(0);
        Set<String> fed = new HashSet<>();
        known.values().stream().filter(a -> unit.equals(a.lead) && a.parent != null).forEach(a -> fed.add(a.parent));
        assertThat(fed).as("the data has parents fed by the unit").isNotEmpty();
        List<String> visible = new Visibility(index).visibleIds(staffOf(unit));
        assertThat(visible).containsAll(fed);
        assertThat(visible).containsExactlyInAnyOrderElementsOf(expected(only(staffOf(unit))));
        assertThat(new Visibility(index).visibleIds(CLERK)).isNull();
    }

    @Test
    void until_the_index_has_read_the_store_a_list_request_is_answered_with_a_problem_not_a_short_list() {
        AssignmentIndex starting = new AssignmentIndex(() -> false, Duration.ofMillis(50));
        assertThatThrownBy(starting::awaitCaughtUp).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(503);
            assertThat(e.getBody().getProperties()).containsEntry("rule", "list-catching-up");
        });
    }

    @Test
    void a_node_that_read_many_assignments_settles_its_heap_once_before_it_says_it_has_caught_up() {
        AtomicBoolean processorCaughtUp = new AtomicBoolean(false);
        AtomicInteger settled = new AtomicInteger();
        AssignmentIndex starting = new AssignmentIndex(processorCaughtUp::get, Duration.ZERO, unit -> List.of(), 3,
                settled::incrementAndGet);
        sent.subList(0, 3).forEach(e -> deliver(starting, e[0], (long) e[1]));

        assertThat(starting.caughtUp()).as("still reading the store").isFalse();
        assertThat(settled).as("settled while still reading").hasValue(0);
        processorCaughtUp.set(true);
        assertThat(starting.caughtUp()).isTrue();
        assertThat(starting.caughtUp()).isTrue();
        assertThat(settled).as("settled once").hasValue(1);
    }

    @Test
    void a_node_that_read_few_assignments_does_not_settle_its_heap() {
        AtomicInteger settled = new AtomicInteger();
        AssignmentIndex starting = new AssignmentIndex(() -> true, Duration.ZERO, unit -> List.of(), 3,
                settled::incrementAndGet);
        sent.subList(0, 2).forEach(e -> deliver(starting, e[0], (long) e[1]));

        assertThat(starting.caughtUp()).isTrue();
        assertThat(settled).hasValue(0);
    }

    private Map<String, AssignmentIndex.Entry> entries() {
        Map<String, AssignmentIndex.Entry> all = new LinkedHashMap<>();
        for (AssignmentIndex.Entry e : index.inOrder().entries()) {
            all.put(e.id(), e);
        }
        return all;
    }
}
