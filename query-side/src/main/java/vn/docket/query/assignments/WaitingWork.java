package vn.docket.query.assignments;

import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.Role;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.users.UserStore;

/**
 * What waits for a person now (the dashboard's "Chờ tôi xử lý", the list's {@code waiting=true}): the one home of
 * that rule. A leader is waited for by drafts awaiting a level they may act at (by role, or granted by an
 * administrator) and by open work whose unit asked for an extension, which any leader may decide; a clerk by
 * approved documents to issue and by drafts awaiting an outside body, whose decision the clerk records; a unit by
 * the work it leads and holds (assigned, or sent back for revision). An approved contribution (an assignment that
 * feeds another) waits for nobody: the lead unit takes it into its own draft, and that draft's document is the one
 * issued.
 */
@Component
class WaitingWork {

    private final ApprovalLevels levels;
    private final UserStore users;

    WaitingWork(ApprovalLevels levels, UserStore users) {
        this.levels = levels;
        this.users = users;
    }

    Predicate<AssignmentIndex.Entry> filter(Actor me) {
        if (me.role().isLeader()) {
            List<String> mine = levelsActedAt(me);
            return a -> awaitsOneOf(a, mine) || a.extensionPending() && a.status().isOpen();
        }
        if (me.role().isUnitMember()) {
            String unit = me.unit() == null ? "" : me.unit();
            return a -> unit.equals(a.leadUnit()) && a.status().isWithUnit();
        }
        if (me.role() == Role.CLERK) {
            return a -> a.status() == AssignmentStatus.APPROVED && a.parentId() == null
                    || a.awaitingLevel() != null && levels.isOutsideBody(a.awaitingLevel());
        }
        return a -> false;
    }

    /** The configured levels this person may approve at or send a draft back from. */
    List<String> levelsActedAt(Actor me) {
        List<String> granted = users.grantedLevels(me.id());
        return levels.levels().stream().map(ApprovalLevels.Level::name)
                .filter(name -> levels.mayActAt(name, me, granted)).toList();
    }

    static boolean awaitsOneOf(AssignmentIndex.Entry a, List<String> wanted) {
        String level = a.awaitingLevel();
        return level != null && wanted.stream().anyMatch(level::equalsIgnoreCase);
    }
}
