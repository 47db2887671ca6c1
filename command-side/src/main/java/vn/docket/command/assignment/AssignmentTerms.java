package vn.docket.command.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.assignment.AssignmentCommands.Reassign;
import vn.docket.events.DeliverableKind;
import vn.docket.events.NoticeSource;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.Text;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.RuleBroken;

/**
 * What an assignment is handed out with: a title, a kind, a lead unit that does not also coordinate, the notice
 * and item it comes from (if any), a deadline
 * (if any) not before the assignment took effect, an approval route, and a parent other than itself; and the
 * other lead unit it may be handed to later.
 */
final class AssignmentTerms {

    private AssignmentTerms() {
    }

    /** The assignment as {@code cmd} hands it out on {@code on}, its texts cleaned. */
    static TaskAssigned assigned(AssignTask cmd, LocalDate on, ApprovalLevels levels) {
        String title = Required.text(cmd.title(), "title-required", "An assignment needs a title.");
        DeliverableKind kind = Required.value(cmd.kind(), "kind-required",
                "An assignment needs a kind: PLAN, REPORT, SCHEME, PROGRAMME or OTHER.");
        String lead = Required.text(cmd.leadUnit(), "lead-unit-required", "An assignment needs a lead unit.");
        // A unit typed twice (or once composed and once decomposed) coordinates once: it is told once, listed once.
        List<String> coordinators = Text.clean(cmd.coordinatingUnits()).stream().distinct().toList();
        if (coordinators.contains(lead)) {
            throw new RuleBroken("lead-not-coordinator", "The lead unit cannot also be a coordinating unit.");
        }
        NoticeSource source = cmd.source();
        // Items count from 1; a registered notice without a number is named by its id.
        if (source != null && (Text.isBlank(source.notice()) && source.noticeId() == null
                || source.item() != null && source.item() < 1)) {
            throw new RuleBroken("source-invalid", "A source names its notice, and an item (if any) numbered from 1.");
        }
        if (cmd.deadline() != null && cmd.deadline().isBefore(on)) {
            throw new RuleBroken("deadline-before-assignment", "The deadline " + Text.date(cmd.deadline())
                    + " is before the assignment took effect (" + Text.date(on) + ").");
        }
        ApprovalRoute route = ApprovalRoute.of(cmd.approvalRoute(), levels);
        if (cmd.assignmentId().equals(cmd.parentId())) {
            throw new RuleBroken("parent-is-self", "An assignment cannot be its own parent.");
        }
        return new TaskAssigned(cmd.assignmentId(), title, kind, lead, coordinators, cmd.deadline(),
                route.levels(), cmd.source(), cmd.parentId(), on, Text.clean(cmd.requirements()));
    }

    /** The assignment that {@code lead} leads handed to another unit on {@code on}, for a reason. */
    static TaskReassigned reassigned(UUID id, String lead, Reassign cmd, LocalDate on) {
        String next = Required.text(cmd.leadUnit(), "lead-unit-required", "Reassignment needs the new lead unit.");
        if (next.equals(lead)) {
            throw new RuleBroken("same-lead-unit", next + " already leads this assignment.");
        }
        return new TaskReassigned(id, lead, next,
                Required.text(cmd.reason(), "reason-required", "A reassignment needs a reason."), on);
    }
}
