package vn.docket.command.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.events.DeliverableKind;
import vn.docket.events.NoticeSource;
import vn.docket.events.TaskAssigned;

/**
 * Test data: the assignment a clerk enters for item 1 of notice 311/TB-UBND, as the command that assigns it or the
 * event that records it. A test changes only the field it is about ({@code task().kind(null)}) instead of spelling
 * out ten positional arguments padded with nulls.
 */
record NewTask(String title, DeliverableKind kind, String leadUnit, List<String> coordinatingUnits, LocalDate deadline,
               List<String> route, NoticeSource source, UUID parentId, LocalDate effectiveDate) {

    static final String TITLE = "Dự thảo Kế hoạch thực hiện Chương trình hành động";

    static NewTask task() {
        return new NewTask(TITLE, DeliverableKind.PLAN, AssignmentTest.TCKH, List.of(), AssignmentTest.DEADLINE,
                List.of(AssignmentTest.LEADERS), new NoticeSource("311/TB-UBND", 1), null, AssignmentTest.MEETING);
    }

    NewTask title(String value) {
        return new NewTask(value, kind, leadUnit, coordinatingUnits, deadline, route, source, parentId, effectiveDate);
    }

    NewTask kind(DeliverableKind value) {
        return new NewTask(title, value, leadUnit, coordinatingUnits, deadline, route, source, parentId, effectiveDate);
    }

    NewTask leadUnit(String value) {
        return new NewTask(title, kind, value, coordinatingUnits, deadline, route, source, parentId, effectiveDate);
    }

    NewTask coordinatingUnits(List<String> value) {
        return new NewTask(title, kind, leadUnit, value, deadline, route, source, parentId, effectiveDate);
    }

    NewTask deadline(LocalDate value) {
        return new NewTask(title, kind, leadUnit, coordinatingUnits, value, route, source, parentId, effectiveDate);
    }

    NewTask route(List<String> value) {
        return new NewTask(title, kind, leadUnit, coordinatingUnits, deadline, value, source, parentId, effectiveDate);
    }

    NewTask source(NoticeSource value) {
        return new NewTask(title, kind, leadUnit, coordinatingUnits, deadline, route, value, parentId, effectiveDate);
    }

    NewTask parentId(UUID value) {
        return new NewTask(title, kind, leadUnit, coordinatingUnits, deadline, route, source, value, effectiveDate);
    }

    NewTask effectiveDate(LocalDate value) {
        return new NewTask(title, kind, leadUnit, coordinatingUnits, deadline, route, source, parentId, value);
    }

    AssignTask command() {
        return new AssignTask(AssignmentTest.ID, title, kind, leadUnit, coordinatingUnits, deadline, route, source,
                parentId, effectiveDate);
    }

    /** The event an assignment with these terms starts from, as stored (its effective date already settled). */
    TaskAssigned assigned() {
        return new TaskAssigned(AssignmentTest.ID, title, kind, leadUnit, coordinatingUnits, deadline, route, source,
                parentId, effectiveDate);
    }
}
