package vn.docket.query.planpath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The ordered steps of one plan and the figures a leader asks about: how many revision rounds it took,
 * how many days it spent with the unit and how many waiting for review (effective dates; an open
 * period counts up to today).
 */
public record PlanPath(String assignmentId, List<Step> steps, int revisionRounds, long daysWithUnit,
                       long daysAwaitingReview) {

    public record Step(String type, Integer version, String level, List<String> reasons, Map<String, Object> actor,
                       LocalDate effectiveDate, Instant recordedAt, Map<String, Object> details) {
    }

    static PlanPath of(String assignmentId, List<Step> steps, LocalDate today) {
        int rounds = 0;
        long[] days = new long[2]; // [with the unit, awaiting review]
        Holder ball = Holder.NOBODY;
        LocalDate since = null;
        for (Step step : steps) {
            if ("REVISION_REQUESTED".equals(step.type())) {
                rounds++;
            }
            Holder next = switch (step.type()) {
                case "ASSIGNED", "REVISION_REQUESTED", "APPROVED_IN_PRINCIPLE" -> Holder.UNIT;
                case "DRAFT_SUBMITTED" -> Holder.REVIEWERS;
                case "APPROVED" -> Boolean.TRUE.equals(step.details().get("finalApproval")) ? Holder.NOBODY : ball;
                case "ISSUED", "CANCELLED" -> Holder.NOBODY;
                default -> ball; // extensions and reassignments leave the work where it is
            };
            if (next != ball) {
                ball.count(days, since, step.effectiveDate());
                ball = next;
                since = step.effectiveDate();
            }
        }
        ball.count(days, since, today);
        return new PlanPath(assignmentId, steps, rounds, days[0], days[1]);
    }

    /** Who has the work in hand between two steps. */
    private enum Holder {
        UNIT, REVIEWERS, NOBODY;

        void count(long[] days, LocalDate from, LocalDate to) {
            if (this != NOBODY && from != null && to.isAfter(from)) {
                days[ordinal()] += ChronoUnit.DAYS.between(from, to);
            }
        }
    }
}
