package vn.docket.command.assignment;

import java.time.LocalDate;
import vn.docket.events.DecisionRef;
import vn.docket.platform.Text;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.RuleBroken;

/**
 * How a level judges a draft. Leaders judge in Docket; an outside body (Ban Thường vụ Thành ủy) decides at
 * its own meeting and a clerk records its decision, citing it.
 */
final class ApprovalPolicy {

    private ApprovalPolicy() {
    }

    /**
     * The day an outside body's step took effect when the clerk gives none: the day of the decision cited, not the day
     * it is recorded. The clerk records it weeks later from the body's letter; dated on that day, the approval would
     * come after the document issued on it, which is then refused, and the days awaiting review would be wrong.
     * Null (today) for a leader's level or without a decision.
     */
    static LocalDate decidedOn(DecisionRef decision, String level, ApprovalLevels levels) {
        return decision == null || !levels.isOutsideBody(level) ? null : decision.date();
    }

    /**
     * The decision a step at {@code level} cites: required, and dated no later than the step and no earlier than
     * {@code reachedLevelOn}, the day the draft judged came before that level (handed in, or approved at the level
     * below), when the level is an outside body; null (nothing to cite) otherwise. A decision dated before the draft
     * reached the body would put on record that the body judged a version it had not seen. A leader's decision is the step itself, recorded in
     * Docket by its author: a number typed for it names no document of its own, so it is refused, not dropped
     * without a word (an empty one is no decision).
     */
    static DecisionRef citedDecision(DecisionRef decision, String level, ApprovalLevels levels, LocalDate on,
                                    LocalDate reachedLevelOn) {
        if (!levels.isOutsideBody(level)) {
            if (decision != null && (!Text.isBlank(decision.number()) || decision.date() != null)) {
                throw new RuleBroken("decision-outside-body-only", "\"" + level + "\" decides in Docket: only an outside"
                        + " body's decision is cited (decisionRef); nothing was recorded.");
            }
            return null;
        }
        if (decision == null || Text.isBlank(decision.number()) || decision.date() == null) {
            throw new RuleBroken("decision-required",
                    "\"" + level + "\" is an outside body: cite its decision (number and date).");
        }
        if (decision.date().isAfter(on)) {
            throw new RuleBroken("decision-after-approval", "The cited decision is dated after the day it is recorded.")
                    .with("decisionDate", decision.date().toString()).with("recordedOn", on.toString());
        }
        if (reachedLevelOn != null && decision.date().isBefore(reachedLevelOn)) {
            throw new RuleBroken("decision-before-draft-reached-level", "The cited decision is dated "
                    + Text.date(decision.date()) + ", before the draft came before \"" + level + "\" on "
                    + Text.date(reachedLevelOn) + "; check the decision's date.")
                    .with("decisionDate", decision.date().toString()).with("reachedLevelOn", reachedLevelOn.toString());
        }
        // Kept as every other text of an event is: trimmed, one space, NFC, so "45-TB/TU " finds "45-TB/TU".
        return new DecisionRef(Text.clean(decision.number()), decision.date());
    }
}
