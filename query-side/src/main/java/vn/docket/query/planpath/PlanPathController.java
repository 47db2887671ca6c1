package vn.docket.query.planpath;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.assignments.Visibility;
import vn.docket.query.revisioncycles.RevisionCycle;
import vn.docket.query.revisioncycles.RevisionCycleProjection;
import vn.docket.query.support.ReadModels;

@RestController
@Tag(name = "Plan path")
class PlanPathController {

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
        List<PlanPath.Step> found = stepsOf(id.toString());
        if (found.isEmpty()) {
            throw new NotFound("No assignment with id " + id + ".");
        }
        Document cycle = cycles.find(Filters.eq("_id", id.toString())).first();
        return PlanPath.of(id.toString(), found, LocalDate.now(clock))
                .withPoints(cycle == null ? List.of() : RevisionCycle.read(cycle).points());
    }

    /**
     * The assignment's steps in order, read by {@code _id} ("assignmentId:seq", one per event of the assignment,
     * numbered from 0) in windows of {@link #WINDOW}: an exact-match read that the embedded server answers from its
     * unique index, where a filter on {@code assignmentId} read every step of every assignment. The next window is
     * read until one holds no step, so a step missing in between (an event set aside as a dead letter) hides none
     * after it.
     */
    private List<PlanPath.Step> stepsOf(String assignmentId) {
        List<PlanPath.Step> found = new ArrayList<>();
        List<PlanPath.Step> window;
        int from = 0;
        do {
            List<String> ids = new ArrayList<>(WINDOW);
            for (int seq = from; seq < from + WINDOW; seq++) {
                ids.add(assignmentId + ":" + seq);
            }
            Map<String, Document> read = ReadModels.byIds(steps, ids);
            window = ids.stream().map(read::get).filter(Objects::nonNull).map(PlanPath.Step::read).toList();
            found.addAll(window);
            from += WINDOW;
        } while (!window.isEmpty());
        return found;
    }
}
