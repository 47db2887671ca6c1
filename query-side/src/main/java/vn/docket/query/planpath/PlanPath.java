package vn.docket.query.planpath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import vn.docket.query.revisioncycles.RevisionCycle;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModel;
import vn.docket.query.support.ReadModels;

/**
 * The ordered steps of one plan and the figures a leader asks about: how many revision rounds it took,
 * how many days it spent with the unit and how many waiting for review (effective dates; an open
 * period counts up to today), and the periods themselves, which the page draws: this is the one place
 * that decides who had the work when.
 */
public record PlanPath(String assignmentId, List<Step> steps, int revisionRounds, long daysWithUnit,
                       long daysAwaitingReview, List<Period> periods, List<RevisionCycle.Point> points) {

    /**
     * One event of the assignment; stored one document per step, keyed by the event's place in the assignment's stream.
     * {@code round}: the revision round a send-back opened (1, 2...), not stored but counted where the figures are.
     */
    public record Step(String type, Integer version, String level, List<String> reasons, ActorRef actor,
                       LocalDate effectiveDate, Instant recordedAt, StepDetails details, Integer round) {

        Step(String type, Integer version, String level, List<String> reasons, ActorRef actor, LocalDate effectiveDate,
             Instant recordedAt, StepDetails details) {
            this(type, version, level, reasons, actor, effectiveDate, recordedAt, details, null);
        }

        static Step read(Document d) {
            String type = d.getString("type");
            return new Step(type, d.getInteger("version"), d.getString("level"), d.getList("reasons", String.class),
                    ReadModel.part(d, "actor", ActorRef::read), ReadModels.date(d.get("effectiveDate")),
                    d.getDate("recordedAt").toInstant(), StepDetails.read(type, d));
        }

        Document toDocument(String assignmentId, long seq) {
            Document doc = new Document("assignmentId", assignmentId).append("seq", seq).append("actor", ReadModel.write(actor))
                    .append("effectiveDate", ReadModels.iso(effectiveDate)).append("recordedAt", Date.from(recordedAt))
                    .append("type", type).append("version", version).append("level", level).append("reasons", reasons);
            doc.putAll(details.toDocument());
            return doc;
        }
    }

    /** The unit ({@code UNIT}) or the leaders ({@code REVIEWERS}) had the work from one day to the other; open: still. */
    public record Period(Holder holder, LocalDate from, LocalDate to, boolean open, long days) {
    }

    static PlanPath of(String assignmentId, List<Step> steps, LocalDate today) {
        int rounds = 0;
        List<Step> counted = new ArrayList<>();
        List<Period> periods = new ArrayList<>();
        Holder ball = Holder.NOBODY;
        LocalDate since = null;
        for (Step step : steps) {
            counted.add("REVISION_REQUESTED".equals(step.type()) ? new Step(step.type(), step.version(), step.level(),
                    step.reasons(), step.actor(), step.effectiveDate(), step.recordedAt(), step.details(), ++rounds) : step);
            Holder next = switch (step.type()) {
                case "ASSIGNED", "REVISION_REQUESTED", "APPROVED_IN_PRINCIPLE" -> Holder.UNIT;
                case "DRAFT_SUBMITTED" -> Holder.REVIEWERS;
                case "APPROVED" -> step.details() instanceof StepDetails.Approved a && Boolean.TRUE.equals(a.finalApproval())
                        ? Holder.NOBODY : ball;
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
        return new PlanPath(assignmentId, List.copyOf(counted), rounds, Holder.UNIT.days(periods), Holder.REVIEWERS.days(periods),
                List.copyOf(periods), List.of());
    }

    /** The revision points as the revision statistics keep them: raised when and by whom, answered, closed or reopened. */
    PlanPath withPoints(List<RevisionCycle.Point> points) {
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
