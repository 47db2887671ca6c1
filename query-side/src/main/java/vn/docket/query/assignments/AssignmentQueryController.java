package vn.docket.query.assignments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.platform.Text;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;

@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Assignments (queries)")
class AssignmentQueryController {

    private final MongoCollection<Document> assignments;
    private final AssignmentIndex index;
    private final AssignmentLookup lookup;
    private final Clock clock;
    private final Visibility visibility;
    private final WaitingWork waitingWork;
    /** A unit filter typed short ("TC-KH") is the directory's unit, as the web app resolves it (none on a query node alone). */
    private final UnitAliases units;

    AssignmentQueryController(MongoDatabase database, AssignmentIndex index, AssignmentLookup lookup, Clock clock,
                              Visibility visibility, WaitingWork waitingWork, ObjectProvider<UnitAliases> units) {
        this.assignments = database.getCollection(AssignmentListProjection.COLLECTION);
        this.index = index;
        this.lookup = lookup;
        this.clock = clock;
        this.visibility = visibility;
        this.waitingWork = waitingWork;
        this.units = units.getIfAvailable(UnitAliases::none);
    }

    /**
     * The index ({@link AssignmentIndex}) picks the page's ids, sorted and counted; only the page's documents
     * are read from the read model, by id.
     */
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
                              @RequestParam(required = false) Boolean waiting,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        if (dueWithin != null && (dueWithin < 0 || dueWithin > 366)) {
            throw new RuleBroken("due-within-range", "dueWithin counts days from today: 0 to 366.");
        }
        index.awaitCaughtUp();
        Actor me = CurrentActor.get();
        if (Boolean.TRUE.equals(mine) && Visibility.seesEverything(me) && Text.clean(awaiting).isEmpty()) {
            awaiting = waitingWork.levelsActedAt(me);
        }
        Visibility.Walk walk = visibility.walk(me, units.nameOf(Text.clean(unit)));
        ListFilter filter = filter(me, walk.visible(), LocalDate.now(clock), status, timeliness, notice, q,
                deadlineFrom, deadlineTo, mine, awaiting, dueWithin);
        if (Boolean.TRUE.equals(waiting)) {
            filter = filter.and(waitingWork.filter(me));
        }
        // A unit's page walks that unit's assignments only, a unit's staff what their unit sees (the filter then tests
        // the visibility rule only where the walk holds more than they may see).
        AssignmentIndex.Hits hits = index.find(walk.entries(), filter, paging.skip(),
                paging.size());
        return new Page<>(lookup.inOrder(hits.ids()), paging.page(), paging.size(), hits.total());
    }

    /**
     * The list's query parameters as one filter of the index; visible is null for who sees everything. The unit asked
     * for is not among them: it is the walk's ({@link Visibility#walk}, that unit's own entries), so each entry passed
     * already involves it.
     */
    static ListFilter filter(Actor me, Predicate<AssignmentIndex.Entry> visible, LocalDate today,
                             AssignmentStatus status, Timeliness timeliness, String notice, String q,
                             LocalDate deadlineFrom, LocalDate deadlineTo, Boolean mine, List<String> awaiting,
                             Integer dueWithin) {
        ListFilter filter = ListFilter.ALL;
        if (visible != null) {
            filter = filter.and(visible);
        }
        if (status != null) {
            filter = filter.status(status);
        }
        if (timeliness != null) {
            filter = filter.timeliness(timeliness, today.toEpochDay());
        }
        String n = Text.clean(notice);
        if (n != null) {
            filter = filter.and(a -> n.equals(a.notice()));
        }
        String text = Text.clean(q);
        if (text != null) {
            // Every word typed, in any order ("qldt vỉa hè", as the search page promises); a word keeps its hyphens
            // and slashes, so "TC-KH" or "311/TB-UBND" is looked for as written.
            // The index looks each word up in its vocabulary (SearchWords), not in every assignment's words. A word
            // that folds to nothing (a tone mark typed alone) is in every assignment's words, as it always was.
            List<String> words = Stream.of(Text.folded(text).trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            if (!words.isEmpty()) {
                filter = filter.search(words);
            }
        }
        if (deadlineFrom != null) {
            filter = filter.deadlineFrom(deadlineFrom.toEpochDay());
        }
        if (deadlineTo != null) {
            filter = filter.deadlineTo(deadlineTo.toEpochDay());
        }
        if (dueWithin != null) {
            // Open work due from today on; what is already overdue has its own class (timeliness=OVERDUE).
            filter = dueWithin(filter, today, dueWithin);
        }
        if (Boolean.TRUE.equals(mine) && !Visibility.seesEverything(me)) {
            // Unit staff and heads: what their unit leads and has not finished.
            String own = me.unit() == null ? "" : me.unit();
            filter = filter.open().and(a -> own.equals(a.leadUnit()));
        } else if (Boolean.TRUE.equals(mine)) {
            // Drafts waiting at one of the given levels (by default the levels this person may act at).
            List<String> wanted = Text.clean(awaiting);
            filter = filter.and(a -> WaitingWork.awaitsOneOf(a, wanted));
        }
        return filter;
    }

    /** Open, with a deadline from today through today + days (the list's dueWithin, the dashboard's week). */
    static ListFilter dueWithin(ListFilter filter, LocalDate today, int days) {
        return filter.open().deadlineFrom(today.toEpochDay()).deadlineTo(today.plusDays(days).toEpochDay());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One assignment: status, units, deadlines, approvals, timeliness; ETag: the current draft version")
    ResponseEntity<AssignmentView> one(@PathVariable UUID id) {
        visibility.requireVisible(CurrentActor.get(), id);
        Document d = assignments.find(Filters.eq("_id", id.toString())).first();
        if (d == null) {
            throw new NotFound("No assignment with id " + id + ".");
        }
        AssignmentView view = lookup.view(AssignmentRecord.read(d), LocalDate.now(clock));
        // A leader approving or sending back sends this tag as If-Match: the version they read is the one judged.
        return ResponseEntity.ok().eTag("\"" + view.currentVersion() + "\"").body(view);
    }
}
