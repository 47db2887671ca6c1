package vn.docket.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.PlatformConfiguration;

/**
 * A year of a People's Committee's assignments drawn from a fixed seed: each plan's course is decided first
 * (when it is assigned, extended, handed in, sent back, approved, cancelled), then written as the events the
 * aggregate would have produced, recorded at 9 o'clock on their effective day. The plans are kept, so a test
 * can work out the report's figures from them without reading the events.
 */
final class YearOfHistory {

    static final List<String> UNITS = List.of("Phòng Tài chính - Kế hoạch", "Phòng Quản lý đô thị", "Phòng Kinh tế",
            "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Ban Chỉ huy Quân sự thành phố",
            "Trung tâm Phát triển quỹ đất");
    static final String LEADERS = "Lãnh đạo UBND thành phố";
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);

    static final Actor CLERK = new Actor("clerk", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", Role.CLERK);
    static final Actor CHAIR = new Actor("chair", "Hoàng Văn Nam", LEADERS, Role.CHAIR);

    /** A dated step of one plan's course. */
    record Step(LocalDate on, String what, LocalDate date, String unit) {
    }

    /** One plan's course. Steps are in order and dated on strictly later days than the step before. */
    static final class Plan {
        final UUID id;
        final String unit;
        final LocalDate assignedOn;
        final LocalDate deadline;
        final List<Step> steps = new ArrayList<>();

        Plan(UUID id, String unit, LocalDate assignedOn, LocalDate deadline) {
            this.id = id;
            this.unit = unit;
            this.assignedOn = assignedOn;
            this.deadline = deadline;
        }

        LocalDate last() {
            return steps.isEmpty() ? assignedOn : steps.get(steps.size() - 1).on();
        }
    }

    final List<Plan> plans = new ArrayList<>();

    /** Nothing happens after this day. */
    private final LocalDate lastDay;

    private YearOfHistory(LocalDate lastDay) {
        this.lastDay = lastDay;
    }

    static YearOfHistory generate(long seed, int count) {
        return generate(seed, count, FIRST_DAY, 355);
    }

    /** {@code count} plans assigned over {@code days} days from {@code firstDay}; the history ends 20 days later. */
    static YearOfHistory generate(long seed, int count, LocalDate firstDay, int days) {
        Random random = new Random(seed);
        YearOfHistory history = new YearOfHistory(firstDay.plusDays(days + 20L));
        for (int i = 0; i < count; i++) {
            LocalDate on = firstDay.plusDays(random.nextInt(days));
            Plan plan = new Plan(new UUID(seed, i), UNITS.get(random.nextInt(UNITS.size())), on,
                    on.plusDays(10 + random.nextInt(51)));
            history.course(plan, random);
            history.plans.add(plan);
        }
        return history;
    }

    /** Decides what happens to a plan; stops at the history's last day. */
    private void course(Plan p, Random random) {
        if (random.nextInt(100) < 5) {
            add(p, p.assignedOn.plusDays(1 + random.nextInt(5)), "REASSIGNED", null,
                    UNITS.get((UNITS.indexOf(p.unit) + 1 + random.nextInt(UNITS.size() - 1)) % UNITS.size()));
        }
        if (random.nextInt(100) < 7) {
            add(p, p.last().plusDays(3 + random.nextInt(40)), "CANCELLED", null, null);
            return;
        }
        int allowed = (int) (p.deadline.toEpochDay() - p.assignedOn.toEpochDay());
        // Most units hand in around their deadline; some are weeks late.
        int lag = Math.max(1, allowed - 8 + random.nextInt(Math.max(2, random.nextInt(100) < 25 ? 60 : 14)));
        LocalDate currentDeadline = p.deadline;
        if (random.nextInt(100) < 20 && lag > 3 && allowed > 3) {
            LocalDate extendedOn = p.last().plusDays(1 + random.nextInt(Math.max(1, Math.min(lag, allowed) - 2)));
            if (extendedOn.isBefore(currentDeadline) && extendedOn.isAfter(p.last())) {
                LocalDate to = currentDeadline.plusDays(7 + random.nextInt(24));
                add(p, extendedOn, "EXTENDED", to, null);
                currentDeadline = to;
            }
        }
        LocalDate draft = p.assignedOn.plusDays(lag);
        if (!draft.isAfter(p.last())) {
            draft = p.last().plusDays(1);
        }
        int rounds = random.nextInt(100) < 50 ? 0 : random.nextInt(100) < 60 ? 1 : random.nextInt(100) < 75 ? 2 : 3;
        if (!add(p, draft, "DRAFT", null, null)) {
            return;
        }
        for (int r = 0; r < rounds; r++) {
            LocalDate requested = p.last().plusDays(1 + random.nextInt(7));
            LocalDate due = random.nextInt(100) < 30 ? requested.plusDays(10 + random.nextInt(11)) : null;
            if (!add(p, requested, "REVISION", due, null)) {
                return;
            }
            int days = due != null ? 1 + random.nextInt(25) : 3 + random.nextInt(18);
            if (!add(p, p.last().plusDays(days), "DRAFT", null, null)) {
                return;
            }
        }
        if (!add(p, p.last().plusDays(1 + random.nextInt(10)), "APPROVED", null, null)) {
            return;
        }
        if (random.nextInt(100) < 30) {
            add(p, p.last().plusDays(1 + random.nextInt(5)), "ISSUED", null, null);
        }
    }

    private boolean add(Plan p, LocalDate on, String what, LocalDate date, String unit) {
        if (on.isAfter(lastDay)) {
            return false;
        }
        p.steps.add(new Step(on, what, date, unit));
        return true;
    }

    /** The events of every plan, as the aggregate would have applied them, with their actors and recorded times. */
    List<List<EventMessage<?>>> events() {
        return plans.stream().map(YearOfHistory::events).toList();
    }

    /** One plan's events, as the aggregate would have applied them. */
    static List<EventMessage<?>> events(Plan p) {
        List<EventMessage<?>> messages = new ArrayList<>();
        String unit = p.unit;
        LocalDate deadline = p.deadline;
        int version = 0;
        append(messages, p, CLERK, NewTask.task().id(p.id).title("Nhiệm vụ " + p.id.getLeastSignificantBits()).leadUnit(unit)
                .deadline(deadline).route(List.of(LEADERS)).source(null).effectiveDate(p.assignedOn).assigned());
        for (Step s : p.steps) {
            Actor staff = new Actor("staff-" + Math.abs(unit.hashCode()), "Chuyên viên", unit, Role.UNIT_STAFF);
            switch (s.what()) {
                case "REASSIGNED" -> {
                    append(messages, p, CLERK, new TaskReassigned(p.id, unit, s.unit(), "Điều chuyển", s.on()));
                    unit = s.unit();
                }
                case "CANCELLED" -> append(messages, p, CLERK, new TaskCancelled(p.id, "Không còn cần thiết", s.on()));
                case "EXTENDED" -> {
                    append(messages, p, CLERK, new DeadlineExtended(p.id, deadline, s.date(), "Gia hạn", s.on()));
                    deadline = s.date();
                }
                case "DRAFT" -> append(messages, p, staff, new DraftSubmitted(p.id, ++version, "Dự thảo v" + version
                        + ".docx", null, "https://vanban.example.vn/" + p.id + "/" + version, null, s.on()));
                case "REVISION" -> {
                    append(messages, p, CHAIR, new RevisionRequested(p.id, version, LEADERS, List.of("Chỉnh sửa"),
                            s.date(), s.on()));
                    if (s.date() != null) {
                        deadline = s.date();
                    }
                }
                case "APPROVED" -> append(messages, p, CHAIR, new DraftApproved(p.id, version, LEADERS, true,
                        null, null, s.on()));
                case "ISSUED" -> append(messages, p, CLERK, new DocumentIssued(p.id, "KH-" + version, s.on()));
                default -> throw new IllegalStateException(s.what());
            }
        }
        return messages;
    }

    private static void append(List<EventMessage<?>> messages, Plan p, Actor actor, AssignmentEvent event) {
        long seq = messages.size();
        Instant recorded = event.effectiveDate().atTime(LocalTime.of(9, 0)).atZone(PlatformConfiguration.ZONE)
                .toInstant().plusMillis(seq);
        messages.add(new GenericDomainEventMessage<>("Assignment", p.id.toString(), seq, event,
                EventMetadata.of(actor, UUID.randomUUID().toString()), UUID.randomUUID().toString(), recorded));
    }
}
