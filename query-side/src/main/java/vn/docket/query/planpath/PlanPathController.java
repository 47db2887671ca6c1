package vn.docket.query.planpath;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.security.CurrentActor;
import vn.docket.platform.web.NotFound;
import vn.docket.query.assignments.Visibility;
import vn.docket.query.revisioncycles.RevisionCycleProjection;
import vn.docket.query.support.ReadModels;

@RestController
@Tag(name = "Plan path")
class PlanPathController {

    private static final Set<String> COMMON = Set.of("_id", "assignmentId", "seq", "type", "version", "level",
            "reasons", "actor", "effectiveDate", "recordedAt");

    /** Steps read per round trip: most assignments have fewer, so two reads (the second finds none) are usual. */
    static final int WINDOW = 32;

    private final MongoCollection<Document> steps;
    private final MongoCollection<Document> cycles;
    private final Clock clock;
    private final Visibility visibility;

    PlanPathController(MongoDatabase database, Clock clock, Visibility visibility) {
        this.steps = database.getCollection(PlanPathProjection.COLLECTION);
        this.cycles = database.getCollection(RevisionCycleProjection.COLLECTION);
        this.clock = clock;
        this.visibility = visibility;
    }

    @GetMapping("/api/assignments/{id}/path")
    @Operation(summary = "The plan's path: every step with its actor, and rounds, days with the unit, days awaiting review")
    PlanPath path(@PathVariable UUID id) {
        visibility.requireVisible(CurrentActor.get(), id);
        List<PlanPath.Step> found = new ArrayList<>();
        stepsOf(id.toString()).forEach(d -> {
            Map<String, Object> details = new LinkedHashMap<>();
            d.forEach((k, v) -> {
                if (!COMMON.contains(k) && v != null) {
                    details.put(k, v);
                }
            });
            found.add(new PlanPath.Step(d.getString("type"), d.getInteger("version"), d.getString("level"),
                    d.getList("reasons", String.class), d.get("actor", Document.class),
                    ReadModels.date(d.get("effectiveDate")), d.getDate("recordedAt").toInstant(), details));
        });
        if (found.isEmpty()) {
            throw new NotFound("No assignment with id " + id + ".");
        }
        Document cycle = cycles.find(Filters.eq("_id", id.toString())).first();
        List<Map<String, Object>> points = new ArrayList<>();
        if (cycle != null && cycle.getList("points", Document.class) != null) {
            points.addAll(cycle.getList("points", Document.class));
        }
        return PlanPath.of(id.toString(), found, LocalDate.now(clock)).withPoints(points);
    }

    /**
     * The assignment's steps in order, read by {@code _id} ("assignmentId:seq", one per event of the assignment,
     * numbered from 0) in windows of {@link #WINDOW}: an exact-match read that the embedded server answers from its
     * unique index, where a filter on {@code assignmentId} read every step of every assignment. The next window is
     * read until one holds no step, so a step missing in between (an event set aside as a dead letter) hides none
     * after it.
     */
    private List<Document> stepsOf(String assignmentId) {
        List<Document> found = new ArrayList<>();
        List<Document> window;
        int from = 0;
        do {
            List<String> ids = new ArrayList<>(WINDOW);
            for (int seq = from; seq < from + WINDOW; seq++) {
                ids.add(assignmentId + ":" + seq);
            }
            window = steps.find(Filters.in("_id", ids)).into(new ArrayList<>());
            window.sort(Comparator.comparingLong(d -> d.get("seq", Number.class).longValue()));
            found.addAll(window);
            from += WINDOW;
        } while (!window.isEmpty());
        return found;
    }
}
