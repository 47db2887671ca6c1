package vn.docket.query.notices;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.AssignmentLookup;
import vn.docket.query.assignments.AssignmentView;
import vn.docket.query.assignments.Visibility;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;
import vn.docket.query.support.ReadModels;

@RestController
@Tag(name = "Notices")
class NoticeQueryController {

    /** How long the list waits for the notices projection to write a notice the index already has. */
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(2);
    /** Only a notice registered this recently is waited for; an older gap is not about to close. */
    static final Duration RECENT = Duration.ofSeconds(10);

    private final MongoCollection<Document> collection;
    private final AssignmentLookup assignments;
    private final AssignmentIndex index;
    private final NoticeIndex notices;
    private final Visibility visibility;

    NoticeQueryController(MongoDatabase database, AssignmentLookup assignments, AssignmentIndex index,
                          NoticeIndex notices, Visibility visibility) {
        this.collection = database.getCollection(NoticeProjection.COLLECTION);
        this.assignments = assignments;
        this.index = index;
        this.notices = notices;
        this.visibility = visibility;
    }

    @GetMapping("/api/notices")
    @Operation(summary = "Registered notices, newest first")
    Page<Notice> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        index.awaitCaughtUp();
        NoticeIndex.Found found = notices.page(paging.skip(), paging.size());
        long recent = System.currentTimeMillis() - RECENT.toMillis();
        Set<String> recentIds = found.page().stream().filter(e -> e.registeredAt() > recent).map(NoticeIndex.Entry::id)
                .collect(Collectors.toSet());
        List<Notice> items = ReadModels.inOrder(collection, found.page().stream().map(NoticeIndex.Entry::id).toList(),
                (id, d) -> d == null && recentIds.contains(id), READ_MODEL_WAIT).stream().map(Notice::read).toList();
        return new Page<>(items, paging.page(), paging.size(), found.total());
    }

    /** The notice with each item's assignments and how far each has come. */
    @GetMapping("/api/notices/{id}")
    @Operation(summary = "A notice with its items and each item's progress")
    Notice one(@PathVariable UUID id) {
        Document d = collection.find(Filters.eq("_id", id.toString())).first();
        if (d == null || !d.containsKey(Notice.REGISTERED_AT)) {
            throw new NotFound("No registered notice with id " + id + ".");
        }
        Notice notice = Notice.read(d);
        List<Notice.Cited> cited = notice.assignments() == null ? List.of() : notice.assignments();
        // Unit staff see the assignments their unit may see (Visibility), here as everywhere: the others' progress is not theirs.
        List<String> visible = visibility.visibleIds(CurrentActor.get());
        if (visible != null) {
            Set<String> maySee = Set.copyOf(visible);
            cited = cited.stream().filter(a -> maySee.contains(a.assignmentId())).toList();
        }
        Map<String, AssignmentView> views = assignments.byIds(cited.stream().map(Notice.Cited::assignmentId).toList());
        Map<Integer, List<AssignmentView>> byItem = new LinkedHashMap<>();
        cited.stream().sorted(Comparator.comparing(Notice.Cited::ordinal).thenComparing(a -> a.parentId() != null))
                .forEach(a -> {
                    AssignmentView view = views.get(a.assignmentId());
                    if (view != null) {
                        byItem.computeIfAbsent(a.ordinal(), k -> new ArrayList<>()).add(view);
                    }
                });
        List<Notice.ItemProgress> items = new ArrayList<>();
        byItem.forEach((ordinal, list) -> items.add(new Notice.ItemProgress(ordinal, list)));
        return notice.withProgress(items);
    }
}
