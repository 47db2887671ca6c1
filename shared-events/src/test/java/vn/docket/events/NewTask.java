package vn.docket.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Test data: the assignment a clerk enters for item 1 of notice 311/TB-UBND, as the event that records it (the
 * command-side tests turn it into the command that assigns it). A test changes only the fields it is about
 * ({@code task().kind(null)}) instead of spelling out ten positional arguments padded with nulls. Published to the
 * other modules' tests as shared-events' test jar.
 */
public record NewTask(UUID id, String title, DeliverableKind kind, String leadUnit, List<String> coordinatingUnits,
                      LocalDate deadline, List<String> route, NoticeSource source, UUID parentId, LocalDate effectiveDate) {

    public static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000311");
    public static final String TITLE = "Dự thảo Kế hoạch thực hiện Chương trình hành động";
    /** The meeting that assigned it, and the deadline the notice set. */
    public static final LocalDate MEETING = LocalDate.of(2021, 4, 13);
    public static final LocalDate DEADLINE = LocalDate.of(2021, 4, 25);

    public static NewTask task() {
        return new NewTask(ID, TITLE, DeliverableKind.PLAN, "Phòng Tài chính - Kế hoạch", List.of(), DEADLINE,
                List.of("Lãnh đạo UBND thành phố"), new NoticeSource("311/TB-UBND", 1), null, MEETING);
    }

    public NewTask id(UUID value) {
        return new NewTask(value, title, kind, leadUnit, coordinatingUnits, deadline, route, source, parentId, effectiveDate);
    }

    public NewTask title(String value) {
        return new NewTask(id, value, kind, leadUnit, coordinatingUnits, deadline, route, source, parentId, effectiveDate);
    }

    public NewTask kind(DeliverableKind value) {
        return new NewTask(id, title, value, leadUnit, coordinatingUnits, deadline, route, source, parentId, effectiveDate);
    }

    public NewTask leadUnit(String value) {
        return new NewTask(id, title, kind, value, coordinatingUnits, deadline, route, source, parentId, effectiveDate);
    }

    public NewTask coordinatingUnits(List<String> value) {
        return new NewTask(id, title, kind, leadUnit, value, deadline, route, source, parentId, effectiveDate);
    }

    public NewTask deadline(LocalDate value) {
        return new NewTask(id, title, kind, leadUnit, coordinatingUnits, value, route, source, parentId, effectiveDate);
    }

    public NewTask route(List<String> value) {
        return new NewTask(id, title, kind, leadUnit, coordinatingUnits, deadline, value, source, parentId, effectiveDate);
    }

    public NewTask source(NoticeSource value) {
        return new NewTask(id, title, kind, leadUnit, coordinatingUnits, deadline, route, value, parentId, effectiveDate);
    }

    public NewTask parentId(UUID value) {
        return new NewTask(id, title, kind, leadUnit, coordinatingUnits, deadline, route, source, value, effectiveDate);
    }

    public NewTask effectiveDate(LocalDate value) {
        return new NewTask(id, title, kind, leadUnit, coordinatingUnits, deadline, route, source, parentId, value);
    }

    /** The event an assignment with these terms starts from, as stored (its effective date already settled). */
    public TaskAssigned assigned() {
        return new TaskAssigned(id, title, kind, leadUnit, coordinatingUnits, deadline, route, source, parentId,
                effectiveDate, List.of());
    }
}
