package vn.docket.command.assignment;

import java.util.List;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.NotAllowed;

/** Who may do what to an assignment or a notice. Docket itself (imports, reminders) acts as SYSTEM. */
public final class Authority {

    private Authority() {
    }

    private static boolean isClerk(Actor actor) {
        return actor.role() == Role.CLERK || actor.role() == Role.SYSTEM;
    }

    /** Unit staff act for their own unit only; a clerk may record a draft or request handed in on paper. */
    private static boolean actsFor(Actor actor, String unit) {
        return actor.role().isUnitMember() && unit.equals(actor.unit()) || isClerk(actor);
    }

    public static void requireClerk(Actor actor, String action) {
        if (!isClerk(actor)) {
            throw new NotAllowed("clerks-only", "Only the office's clerks may " + action + ".");
        }
    }

    static void requireActingFor(Actor actor, String unit, String action) {
        if (!actsFor(actor, unit)) {
            throw new NotAllowed("own-unit-only", "Only staff of \"" + unit + "\" (or a clerk) may " + action + ".");
        }
    }

    static void requireLeader(Actor actor, String action) {
        if (!actor.role().isLeader()) {
            throw new NotAllowed("leaders-only", "Only the chair or a vice-chair may " + action + ".");
        }
    }

    static void requireLevel(Actor actor, List<String> granted, String level, ApprovalLevels levels) {
        if (!levels.mayActAt(level, actor, granted)) {
            throw new NotAllowed("approval-level", levels.isOutsideBody(level)
                    ? "\"" + level + "\" decides outside Docket; a clerk records its decision."
                    : "Your role may not act at the level \"" + level + "\".");
        }
    }
}
