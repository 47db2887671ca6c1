package vn.docket.command.assignment;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.platform.Text;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.Refusal;
import vn.docket.platform.refusal.StateConflict;

/**
 * Where an assignment stands, and so who may take which {@link Action} in it: one check per action, run first
 * by the action's command and, for every action, by the list of allowed actions, so the page offers exactly
 * what the commands accept. The assignment hands over its state for each command; nothing here changes it.
 *
 * @param partOf the assignment this one contributes to (null for one of its own), whose document is the one issued
 * @param compilingUnit the lead unit of {@code partOf}, which alone of the units takes the contribution in or sends it
 *                      back; null when this is no contribution, or when the question is not about judging it
 * @param deadline asked only for its own checks (one extension request at a time, for a deadline there is)
 */
record Standing(UUID id, AssignmentStatus status, int version, String leadUnit, ApprovalRoute route,
                String draftSubmitter, UUID partOf, String compilingUnit, Deadline deadline) {

    /** What {@code actor} may do now; the rest of a command's rules concern what its form says. */
    List<Action> allowed(Actor actor, List<String> granted, ApprovalLevels levels) {
        return Arrays.stream(Action.values()).filter(action -> {
            try {
                check(action, actor, granted, levels, null);
                return true;
            } catch (Refusal refused) {
                return false;
            }
        }).toList();
    }

    /**
     * Refuses {@code action} unless {@code actor}'s authority and this state allow it. {@code granted} (the
     * approval levels given to the actor), {@code levels} and {@code judged} (the draft version a leader judged;
     * null: the current one) matter only to sending back and approving.
     */
    void check(Action action, Actor actor, List<String> granted, ApprovalLevels levels, Integer judged) {
        switch (action) {
            case REMIND -> {
                Authority.requireClerk(actor, "send reminders");
                requireOpen("send a reminder");
                if (!status.isWithUnit()) {
                    throw new StateConflict("nothing-to-chase", "Draft v" + version
                            + " is with the leadership for review: \"" + leadUnit + "\" has nothing to hand in now.");
                }
            }
            case DECIDE_EXTENSION -> {
                Authority.requireLeader(actor, "decide on an extension request");
                requireOpen("decide on an extension");
                deadline.requirePending();
            }
            case HAND_IN -> {
                Authority.requireActingFor(actor, leadUnit, "submit drafts for this assignment");
                requireOpen("submit a draft");
                if (status == AssignmentStatus.DRAFT_SUBMITTED) {
                    throw new StateConflict("draft-awaiting-review",
                            "Draft v" + version + " is still awaiting review; a new draft can follow a revision request.");
                }
            }
            case SEND_BACK, APPROVE -> {
                // Who may judge at none of the route's levels is told so first: the state would tell them nothing useful.
                if (route.levels().stream().noneMatch(level -> levels.mayActAt(level, actor, granted))) {
                    throw new NotAllowed("approval-level", "Your role may act at none of this assignment's approval"
                            + " levels (" + String.join(", ", route.levels()) + ").");
                }
                if (status != AssignmentStatus.DRAFT_SUBMITTED) {
                    throw new StateConflict("no-draft-awaiting-review", "Cannot "
                            + (action == Action.APPROVE ? "approve" : "request a revision")
                            + ": no draft is awaiting review (the assignment is " + status + ").");
                }
                // A leader judges the version they read: naming another than the one awaiting review writes nothing.
                if (judged != null && judged != version) {
                    throw new StateConflict("stale-draft", "You judged draft v" + judged + ", but the current draft is v"
                            + version + ": open v" + version + " and judge it instead.", "/api/assignments/" + id)
                            .with("judgedVersion", judged).with("currentVersion", version);
                }
                Authority.requireLevel(actor, granted, route.nextLevel(), levels);
                // Any unit's staff may act at "Đơn vị chủ trì tổng hợp": of a contribution, only those of the unit it feeds.
                if (partOf != null && actor.role().isUnitMember() && !actor.unit().equals(compilingUnit)) {
                    throw new NotAllowed("compiling-unit-only", "Only staff of " + (compilingUnit == null
                            ? "the unit this contribution feeds" : compilingUnit) + " may take this contribution in or send it back.");
                }
                // A leader judges here and may not judge their own draft; at an outside body the clerk only records
                // what that body decided, and is often the one who recorded the draft handed in on paper.
                if (action == Action.APPROVE && !levels.isOutsideBody(route.nextLevel())
                        && actor.id().equals(draftSubmitter)) {
                    throw new NotAllowed("own-draft", "Nobody may approve a draft they submitted themselves.");
                }
            }
            case REQUEST_EXTENSION -> {
                Authority.requireActingFor(actor, leadUnit, "request an extension for this assignment");
                requireOpen("request an extension");
                deadline.requireRequestable();
            }
            case ISSUE -> {
                Authority.requireClerk(actor, "record issuance");
                if (partOf != null) {
                    throw new StateConflict("contribution-not-issued", "This is a contribution to assignment " + partOf
                            + ": its lead unit takes it into its own draft, and that draft's document is the one issued.");
                }
                // Issued already is its own answer: "not approved" would tell the clerk something untrue.
                if (status == AssignmentStatus.ISSUED) {
                    throw new StateConflict("already-issued", "This assignment's document was already issued.");
                }
                if (status != AssignmentStatus.APPROVED) {
                    throw new StateConflict("not-approved", "Only an approved assignment can be issued; it is "
                            + status + ".");
                }
            }
            case EXTEND -> {
                Authority.requireClerk(actor, "extend deadlines");
                requireOpen("extend the deadline");
            }
            case REASSIGN -> {
                Authority.requireClerk(actor, "reassign tasks");
                requireOpen("reassign");
            }
            case CANCEL -> {
                Authority.requireClerk(actor, "cancel tasks");
                if (status == AssignmentStatus.CANCELLED || status == AssignmentStatus.ISSUED) {
                    throw new StateConflict("already-closed", "This assignment is already " + status + ".");
                }
            }
        }
    }

    /**
     * A leader judges at the level their page showed awaiting ({@code judgedLevel}; null: whichever awaits). Decided
     * there meanwhile (by them in another tab, or by another leader), the draft now awaits the next level, which
     * their page never offered: refused, rather than recorded there.
     */
    void requireAwaiting(String judgedLevel) {
        String judged = Text.clean(judgedLevel);
        if (judged != null && !judged.equalsIgnoreCase(route.nextLevel())) {
            throw new StateConflict("stale-level", "You judged draft v" + version + " at \"" + judged
                    + "\", but it now awaits \"" + route.nextLevel() + "\": open the assignment again and judge it"
                    + " there; nothing was recorded.", "/api/assignments/" + id);
        }
    }

    /** A meeting's conclusion is recorded by the notice's import, never offered on the page: it opens the history. */
    void requireNoDraftYet() {
        if (status != AssignmentStatus.ASSIGNED || version > 0) {
            throw new StateConflict("meeting-already-recorded",
                    "The meeting's conclusion can only open an assignment's history, before any draft.");
        }
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new StateConflict("assignment-closed", "Cannot " + action + ": this assignment is " + status + ".");
        }
    }
}
