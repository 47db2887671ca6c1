package vn.docket.query.revisioncycles;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.docket.events.DraftApproved;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.query.revisioncycles.RevisionCycle.Point;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModels;

/**
 * Per assignment sent back at least once: each revision point with who raised it when, the version that answered
 * it and how, and whether it was then closed or reopened. The plan path and the statistics' most revised
 * assignments read the points from here, by id; the rounds are counted by {@link RevisionIndex}.
 */
@Component
@ProcessingGroup(RevisionCycleProjection.NAME)
public class RevisionCycleProjection {

    static final String NAME = "revision-cycles";
    public static final String COLLECTION = "revision_cycles";

    private final MongoCollection<Document> cycles;

    RevisionCycleProjection(MongoDatabase database) {
        this.cycles = database.getCollection(COLLECTION);
    }

    /** Sending a draft back settles the answers it carried: reopened if named, closed otherwise; and raises its points. */
    @EventHandler
    void on(RevisionRequested e, @SequenceNumber long seq, MetaData metaData) {
        ActorRef by = ActorRef.of(metaData);
        change(e.assignmentId(), seq, points -> raise(points.stream().map(p -> e.reopenedPoints().contains(p.id())
                        ? p.reopened(e.effectiveDate(), by) : p.settled(e.effectiveDate())).toList(),
                e.points(), e.version(), e.level(), by, e.effectiveDate()));
    }

    /** A revision required at the meeting is the plan's first round, its requirements the points; an approval in principle is not a round. */
    @EventHandler
    void on(MeetingConcluded e, @SequenceNumber long seq, MetaData metaData) {
        ActorRef by = e.chair() == null ? ActorRef.of(metaData) : new ActorRef(null, e.chair(), null, null);
        change(e.assignmentId(), seq, points -> e.verdict() != MeetingVerdict.REVISION_REQUIRED ? points
                : raise(points, RevisionPoint.numbered(e.version(), e.requirements()), e.version(), "Cuộc họp UBND", by,
                        e.effectiveDate()));
    }

    @EventHandler
    void on(RevisionPointsAnswered e, @SequenceNumber long seq) {
        Map<String, RevisionPointsAnswered.PointAnswer> answers = e.answers().stream()
                .collect(Collectors.toMap(RevisionPointsAnswered.PointAnswer::point, a -> a, (first, again) -> first));
        change(e.assignmentId(), seq, points -> points.stream().map(p -> {
            RevisionPointsAnswered.PointAnswer a = answers.get(p.id());
            return a == null ? p : p.answered(e.version(), a.answer(), a.note(), e.effectiveDate());
        }).toList());
    }

    /**
     * An approval accepts the answers the approved draft carried; the final one also closes the points no draft
     * answered, as nothing will answer them now. Before the last level they stay open: the draft may come back.
     */
    @EventHandler
    void on(DraftApproved e, @SequenceNumber long seq) {
        LocalDate on = e.effectiveDate();
        change(e.assignmentId(), seq, points -> points.stream()
                .map(p -> e.finalApproval() ? p.settled(on).closedUnanswered(on) : p.settled(on)).toList());
    }

    @ResetHandler
    void reset() {
        cycles.drop();
    }

    private void change(UUID assignment, long seq, UnaryOperator<List<Point>> change) {
        String id = assignment.toString();
        ReadModels.apply(cycles, id, seq, RevisionCycle::read,
                cycle -> new RevisionCycle(id, change.apply(cycle == null ? List.of() : cycle.points())));
    }

    /** The points raised now that were not raised before (a point keeps its id for good). */
    private static List<Point> raise(List<Point> points, List<RevisionPoint> raised, int version, String level,
                                     ActorRef by, LocalDate on) {
        List<Point> all = new ArrayList<>(points);
        for (RevisionPoint p : raised) {
            if (all.stream().noneMatch(known -> p.id().equals(known.id()))) {
                all.add(Point.raised(p, version, level, by, on));
            }
        }
        return all;
    }
}
