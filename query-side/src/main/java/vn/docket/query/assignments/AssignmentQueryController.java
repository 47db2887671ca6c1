package vn.docket.query.assignments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.AssignmentStatus;
import vn.docket.platform.Text;
import vn.docket.platform.security.CurrentActor;
import vn.docket.events.Actor;
import vn.docket.platform.web.NotFound;
import vn.docket.platform.web.RuleBroken;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;

@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Assignments (queries)")
class AssignmentQueryController {

    private static final List<String> OPEN = List.of("ASSIGNED", "DRAFT_SUBMITTED", "REVISION_REQUESTED");
    private static final List<String> DONE = List.of("APPROVED", "ISSUED");

    private final MongoCollection<Document> assignments;
    private final Clock clock;
    private final Visibility visibility;

    AssignmentQueryController(MongoDatabase database, Clock clock, Visibility visibility) {
        this.assignments = database.getCollection(AssignmentListProjection.COLLECTION);
        this.clock = clock;
        this.visibility = visibility;
    }

    @GetMapping
    @Operation(summary = "Assignments, filtered and paged, sorted by deadline (none last)")
    Page<AssignmentView> list(@RequestParam(required = false) String unit,
                              @RequestParam(required = false) AssignmentStatus status,
                              @RequestParam(required = false) Timeliness timeliness,
                              @RequestParam(required = false) String notice,
                              @RequestParam(required = false) String q,
                              @RequestParam(required = false) LocalDate deadlineFrom,
                              @RequestParam(required = false) LocalDate deadlineTo,
                              @RequestParam(required = false) Boolean mine,
                              @RequestParam(required = false) List<String> awaiting,
                              @RequestParam(required = false) Integer dueWithin,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        LocalDate today = LocalDate.now(clock);
        List<Bson> filters = new ArrayList<>();
        Bson visible = visibility.filter(CurrentActor.get());
        if (visible != null) {
            filters.add(visible);
        }
        String u = Text.clean(unit);
        if (u != null) {
            filters.add(Filters.or(Filters.eq("leadUnit", u), Filters.eq("coordinatingUnits", u)));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (timeliness != null) {
            filters.add(timelinessFilter(timeliness, today));
        }
        String n = Text.clean(notice);
        if (n != null) {
            filters.add(Filters.eq("source.notice", n));
        }
        String text = Text.clean(q);
        if (text != null) {
            filters.add(Filters.regex("search", Pattern.quote(Text.folded(text))));
        }
        if (deadlineFrom != null) {
            filters.add(Filters.gte("deadline", deadlineFrom.toString()));
        }
        if (deadlineTo != null) {
            filters.add(Filters.lte("deadline", deadlineTo.toString()));
        }
        if (dueWithin != null) {
            if (dueWithin < 0 || dueWithin > 366) {
                throw new RuleBroken("due-within-range", "dueWithin counts days from today: 0 to 366.");
            }
            // Open work due from today on; what is already overdue has its own class (timeliness=OVERDUE).
            filters.add(Filters.in("status", OPEN));
            filters.add(Filters.gte("deadline", today.toString()));
            filters.add(Filters.lte("deadline", today.plusDays(dueWithin).toString()));
        }
        Actor me = CurrentActor.get();
        if (Boolean.TRUE.equals(mine) && !Visibility.seesEverything(me)) {
            // Unit staff and heads: what their unit leads and has not finished.
            filters.add(Filters.eq("leadUnit", me.unit() == null ? "" : me.unit()));
            filters.add(Filters.in("status", OPEN));
        } else if (Boolean.TRUE.equals(mine)) {
            return awaitingReview(filters, awaiting, paging, today);
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<AssignmentView> items = new ArrayList<>();
        assignments.find(filter).sort(Sorts.ascending("deadlineSort", "assignedOn", "_id"))
                .skip(paging.skip()).limit(paging.size())
                .forEach(d -> items.add(AssignmentView.from(d, today)));
        return new Page<>(items, paging.page(), paging.size(), assignments.countDocuments(filter));
    }

    /**
     * Drafts waiting at one of the given levels (the levels /api/me says this person may act at). Which level
     * a draft waits at follows from its route and approvals, so the waiting drafts are read and then sorted
     * out here; drafts under review are few beside all assignments.
     */
    private Page<AssignmentView> awaitingReview(List<Bson> filters, List<String> levels, Paging paging, LocalDate today) {
        filters.add(Filters.eq("status", AssignmentStatus.DRAFT_SUBMITTED.name()));
        List<String> wanted = levels == null ? List.of() : levels.stream().map(Text::clean).toList();
        List<AssignmentView> waiting = new ArrayList<>();
        assignments.find(Filters.and(filters)).sort(Sorts.ascending("deadlineSort", "assignedOn", "_id"))
                .forEach(d -> {
                    AssignmentView view = AssignmentView.from(d, today);
                    if (view.awaitingLevel() != null && wanted.stream().anyMatch(view.awaitingLevel()::equalsIgnoreCase)) {
                        waiting.add(view);
                    }
                });
        int from = (int) Math.min(paging.skip(), waiting.size());
        return new Page<>(waiting.subList(from, Math.min(from + paging.size(), waiting.size())), paging.page(),
                paging.size(), waiting.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One assignment: status, units, deadlines, approvals, timeliness; ETag: the current draft version")
    ResponseEntity<AssignmentView> one(@PathVariable UUID id) {
        visibility.requireVisible(CurrentActor.get(), id);
        Document d = assignments.find(Filters.eq("_id", id.toString())).first();
        if (d == null) {
            throw new NotFound("No assignment with id " + id + ".");
        }
        AssignmentView view = AssignmentView.from(d, LocalDate.now(clock));
        // A leader approving or sending back sends this tag as If-Match: the version they read is the one judged.
        return ResponseEntity.ok().eTag("\"" + view.currentVersion() + "\"").body(view);
    }

    /** The database form of {@link Timeliness#classify}: keep the two in step. */
    static Bson timelinessFilter(Timeliness t, LocalDate today) {
        Bson lateNow = Filters.or(
                Filters.eq("handedInLate", true),
                Filters.and(Filters.eq("handedInOn", null), Filters.ne("deadline", null),
                        Filters.lt("deadline", today.toString())));
        return switch (t) {
            case OVERDUE -> Filters.and(Filters.in("status", OPEN), lateNow);
            case ON_TIME -> Filters.and(Filters.in("status", OPEN), Filters.nor(lateNow));
            case DONE_LATE -> Filters.and(Filters.in("status", DONE), Filters.eq("handedInLate", true));
            case DONE_ON_TIME -> Filters.and(Filters.in("status", DONE), Filters.ne("handedInLate", true));
        };
    }
}
