package vn.docket.query.revisioncycles;

import static vn.docket.query.support.ReadModels.iso;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.docket.query.support.EventActors;
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

    @EventHandler
    void on(RevisionRequested e, @SequenceNumber long seq, MetaData metaData) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            List<Document> points = points(doc);
            for (Document point : points) {
                // Sending a draft back settles the answers it carried: reopened if named, closed otherwise.
                if (e.reopenedPoints().contains(point.getString("id"))) {
                    point.append("status", "REOPENED").append("reopenedOn", iso(e.effectiveDate()))
                            .append("reopenedBy", EventActors.of(metaData));
                } else if ("ANSWERED".equals(point.getString("status"))) {
                    point.append("status", "CLOSED").append("closedOn", iso(e.effectiveDate()));
                }
            }
            raise(points, e.points(), e.version(), e.level(), EventActors.of(metaData), e.effectiveDate());
            doc.put("points", points);
        });
    }

    /** A revision required at the meeting is the plan's first round, its requirements the points; an approval in principle is not a round. */
    @EventHandler
    void on(MeetingConcluded e, @SequenceNumber long seq, MetaData metaData) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
                List<Document> points = points(doc);
                Map<String, Object> raisedBy = e.chair() == null ? EventActors.of(metaData) : new Document("name", e.chair());
                raise(points, RevisionPoint.numbered(e.version(), e.requirements()), e.version(), "Cuộc họp UBND",
                        raisedBy, e.effectiveDate());
                doc.put("points", points);
            }
        });
    }

    @EventHandler
    void on(RevisionPointsAnswered e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            List<Document> points = points(doc);
            for (RevisionPointsAnswered.PointAnswer a : e.answers()) {
                points.stream().filter(p -> a.point().equals(p.getString("id"))).findFirst().ifPresent(p -> p
                        .append("status", "ANSWERED").append("answeredInVersion", e.version())
                        .append("answer", a.answer().name()).append("note", a.note())
                        .append("answeredOn", iso(e.effectiveDate())));
            }
            doc.put("points", points);
        });
    }

    /** An approval accepts the answers the approved draft carried. */
    @EventHandler
    void on(DraftApproved e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            List<Document> points = points(doc);
            points.stream().filter(p -> "ANSWERED".equals(p.getString("status")))
                    .forEach(p -> p.append("status", "CLOSED").append("closedOn", iso(e.effectiveDate())));
            doc.put("points", points);
        });
    }

    @ResetHandler
    void reset() {
        cycles.drop();
    }

    private static List<Document> points(Document doc) {
        List<Document> points = doc.getList("points", Document.class);
        return points == null ? new ArrayList<>() : new ArrayList<>(points);
    }

    private static void raise(List<Document> points, List<RevisionPoint> raised, int version, String level,
                              Map<String, Object> by, LocalDate on) {
        for (RevisionPoint p : raised) {
            if (points.stream().noneMatch(known -> p.id().equals(known.getString("id")))) {
                points.add(new Document("id", p.id()).append("number", p.number()).append("text", p.text())
                        .append("raisedOnVersion", version).append("level", level).append("raisedBy", by)
                        .append("raisedOn", iso(on)).append("status", "OPEN"));
            }
        }
    }
}
