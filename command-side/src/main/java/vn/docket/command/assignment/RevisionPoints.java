package vn.docket.command.assignment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;
import vn.docket.events.RevisionRequested;
import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;

/**
 * The points of a revision request (ids such as "1.2"): open until a draft answers them, and an answered point
 * may be reopened when the answer did not satisfy. The checks here decide; as an entity of the assignment, its
 * event-sourcing handlers follow what happened.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class RevisionPoints {

    /** Raised or reopened and not answered since, in the order raised. */
    private List<String> open = new ArrayList<>();
    /** Answered by a draft; sending a draft back may reopen any of these. */
    private List<String> answered = new ArrayList<>();

    /**
     * What draft {@code version} answers, handed in on {@code on}; nothing if it answers no point. Each answer names
     * an open point once, says TAKEN_IN (where) or EXPLAINED (why not); all of them if required.
     */
    Optional<RevisionPointsAnswered> answered(UUID id, int version, List<PointAnswer> given, boolean required,
                                              LocalDate on) {
        List<PointAnswer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PointAnswer a : given == null ? List.<PointAnswer>of() : given) {
            String point = a == null ? null : Text.clean(a.point());
            if (point == null || !open.contains(point)) {
                throw new RuleBroken("unknown-revision-point", "\"" + point + "\" is not an open revision point"
                        + (open.isEmpty() ? "; none is open." : "; open: " + String.join(", ", open) + "."));
            }
            if (!seen.add(point)) {
                throw new RuleBroken("revision-point-answered-twice", "Point " + point + " is answered twice.");
            }
            if (a.answer() == null) {
                throw new RuleBroken("answer-required", "Say for point " + point + " whether it was TAKEN_IN or EXPLAINED.");
            }
            String note = Text.clean(a.note());
            if (note == null) {
                throw new RuleBroken("answer-note-required", a.answer() == RevisionPointsAnswered.Answer.TAKEN_IN
                        ? "Point " + point + " is taken in: say where (a paragraph or a note)."
                        : "Point " + point + " is explained: say why it was not taken in.");
            }
            answers.add(new PointAnswer(point, a.answer(), note));
        }
        if (required && seen.size() < open.size()) {
            throw new RuleBroken("revision-points-unanswered", "Answer every open revision point with the draft: "
                    + String.join(", ", open.stream().filter(p -> !seen.contains(p)).toList()) + ".");
        }
        return answers.isEmpty() ? Optional.empty() : Optional.of(new RevisionPointsAnswered(id, version, answers, on));
    }

    /** The points a revision request of draft {@code version} raises: some, unless it reopens some. */
    List<RevisionPoint> raised(List<String> reasons, List<String> reopened, int version) {
        List<String> raised = Text.clean(reasons);
        if (raised.isEmpty() && reopened.isEmpty()) {
            throw new RuleBroken("reasons-required",
                    "A revision request needs at least one thing to revise or add, or a point to reopen.");
        }
        return RevisionPoint.numbered(version, raised);
    }

    /** The points a revision request reopens, once each: only points a draft has answered can be. */
    List<String> reopenable(List<String> requested) {
        List<String> reopened = requested == null ? List.of() : Text.clean(requested).stream().distinct().toList();
        for (String point : reopened) {
            if (!answered.contains(point)) {
                throw new RuleBroken("revision-point-not-reopenable", "Point " + point
                        + " cannot be reopened: only a point a draft has answered can be ("
                        + (answered.isEmpty() ? "none has been answered" : String.join(", ", answered)) + ").");
            }
        }
        return reopened;
    }

    @EventSourcingHandler
    void on(RevisionRequested e) {
        open.addAll(e.points().stream().map(RevisionPoint::id).toList());
        answered.removeAll(e.reopenedPoints());
        open.addAll(e.reopenedPoints());
    }

    /** Like a revision request: the presented draft went back to the unit, its requirements the points to answer. */
    @EventSourcingHandler
    void on(MeetingConcluded e) {
        if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
            open.addAll(RevisionPoint.numbered(e.version(), e.requirements()).stream().map(RevisionPoint::id).toList());
        }
    }

    @EventSourcingHandler
    void on(RevisionPointsAnswered e) {
        e.answers().forEach(a -> {
            open.remove(a.point());
            answered.add(a.point());
        });
    }
}
