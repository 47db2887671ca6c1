package vn.docket.command.assignment;

import java.util.HashSet;
import java.util.List;
import vn.docket.platform.Text;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.RuleBroken;

/**
 * The levels a draft climbs, in order, and how many of them approved the current draft. Each new draft
 * starts again at the first level.
 */
public record ApprovalRoute(List<String> levels, int approved) {

    /** A route of at least one configured level, none twice. */
    public static ApprovalRoute of(List<String> requested, ApprovalLevels known) {
        List<String> levels = Text.clean(requested);
        if (levels.isEmpty()) {
            throw new RuleBroken("approval-route-required",
                    "An assignment needs an approval route of at least one level, e.g. \"Lãnh đạo UBND thành phố\".");
        }
        if (new HashSet<>(levels).size() != levels.size()) {
            throw new RuleBroken("approval-route-repeats", "A level appears twice in the approval route.");
        }
        for (String level : levels) {
            if (!known.isKnown(level)) {
                throw new RuleBroken("unknown-approval-level", "\"" + level + "\" is not a configured approval level.");
            }
        }
        return new ApprovalRoute(levels, 0);
    }

    /** The level that must judge the draft now. */
    String nextLevel() {
        return levels.get(approved);
    }

    /** Whether the next approval is the last the route asks for. */
    boolean nextIsLast() {
        return approved + 1 == levels.size();
    }

    ApprovalRoute restarted() {
        return new ApprovalRoute(levels, 0);
    }

    ApprovalRoute passed() {
        return new ApprovalRoute(levels, approved + 1);
    }
}
