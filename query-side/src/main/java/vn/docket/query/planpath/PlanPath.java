package vn.docket.query.planpath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered steps of one plan and the figures a leader asks about: how many revision rounds it took,
 * how many days it spent with the unit and how many waiting for review (effective dates; an open
 * period counts up to today), and the periods themselves, which the page draws: this is the one place
 * that decides who had the work when.
 */
public record PlanPath(String assignmentId, List<Step> steps, int revisionRounds, long daysWithUnit,
                       long daysAwaitingReview, List<Period> periods, List<Map<String, Object>> points) {

    public record Step(String type, Integer version, String level, List<String> reasons, Map<String, Object> actor,
                       LocalDate effectiveDate, Instant recordedAt, Map<String, Object> details) {
    }

    /** The unit ({@code UNIT}) or the leaders ({@code REVIEWERS}) had the work from one day to the other; open: still. */
    public record Period(Holder holder, LocalDate from, LocalDate to, boolean open, long days) {
    }

    static PlanPath of(String assignmentId, List<Step> steps, LocalDate today) {
        int rounds = 0;
        List<Period> periods = new ArrayList<>();
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
                ball.period(since, step.effectiveDate(), false).ifPresent(periods::add);
                ball = next;
                since = step.effectiveDate();
            }
        }
        ball.period(since, today, true).ifPresent(periods::add);
        return new PlanPath(assignmentId, steps, rounds, Holder.UNIT.days(periods), Holder.REVIEWERS.days(periods),
                List.copyOf(periods), List.of());
    }

    /** The revision points as the revision statistics keep them: raised when and by whom, answered, closed or reopened. */
    PlanPath withPoints(List<Map<String, Object>> points) {
        return new PlanPath(assignmentId, steps, revisionRounds, daysWithUnit, daysAwaitingReview, periods, points);
    }

    /** Who has the work in hand between two steps. */
    public enum Holder {
        UNIT, REVIEWERS, NOBODY;

        Optional<Period> period(LocalDate from, LocalDate to, boolean open) {
            if (this == NOBODY || from == null || (!open && !to.isAfter(from))) {
                return Optional.empty(); // nobody's, or closed on the day it opened (a meeting's steps)
            }
            return Optional.of(new Period(this, from, to, open, Math.max(0, ChronoUnit.DAYS.between(from, to))));
        }

        long days(List<Period> periods) {
            return periods.stream().filter(p -> p.holder() == this).mapToLong(Period::days).sum();
        }
    }
}
