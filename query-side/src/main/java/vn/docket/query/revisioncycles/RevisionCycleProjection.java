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
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.query.support.EventActors;
import vn.docket.query.support.ReadModels;

/**
 * Per assignment: each revision round with the day it was requested, the day the revised draft came back
 * and how many points it raised, reopened, saw taken in or explained; and each revision point with who raised
 * it when, the version that answered it and how, and whether it was then closed or reopened. The statistics
 * and the plan path read the points from here.
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
    void on(TaskAssigned e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            doc.put("title", e.title());
            doc.put("unit", e.leadUnit());
            doc.put("kind", e.kind().name());
            doc.put("rounds", new ArrayList<Document>());
            doc.put("points", new ArrayList<Document>());
        });
    }

    @EventHandler
    void on(TaskReassigned e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> doc.put("unit", e.newLeadUnit()));
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
            addRound(doc, e.version(), e.effectiveDate(), e.points().size(), e.reopenedPoints().size());
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
                addRound(doc, e.version(), e.effectiveDate(), e.requirements().size(), 0);
                doc.put("points", points);
            }
        });
    }

    @EventHandler
    void on(DraftSubmitted e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            List<Document> rounds = doc.getList("rounds", Document.class);
            if (!rounds.isEmpty() && rounds.get(rounds.size() - 1).get("resubmittedOn") == null) {
                rounds.get(rounds.size() - 1).put("resubmittedOn", iso(e.effectiveDate()));
            }
        });
    }

    @EventHandler
    void on(RevisionPointsAnswered e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            List<Document> points = points(doc);
            List<Document> rounds = doc.getList("rounds", Document.class);
            Document round = rounds.isEmpty() ? new Document() : rounds.get(rounds.size() - 1);
            for (RevisionPointsAnswered.PointAnswer a : e.answers()) {
                points.stream().filter(p -> a.point().equals(p.getString("id"))).findFirst().ifPresent(p -> p
                        .append("status", "ANSWERED").append("answeredInVersion", e.version())
                        .append("answer", a.answer().name()).append("note", a.note())
                        .append("answeredOn", iso(e.effectiveDate())));
                String counter = a.answer() == RevisionPointsAnswered.Answer.TAKEN_IN ? "takenIn" : "explained";
                round.put(counter, round.getInteger(counter, 0) + 1);
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

    private static void addRound(Document doc, int version, LocalDate on, int points, int reopened) {
        List<Document> rounds = new ArrayList<>(doc.getList("rounds", Document.class));
        rounds.add(new Document("version", version).append("requestedOn", iso(on)).append("resubmittedOn", null)
                .append("points", points).append("reopened", reopened).append("takenIn", 0).append("explained", 0));
        doc.put("rounds", rounds);
    }
}
