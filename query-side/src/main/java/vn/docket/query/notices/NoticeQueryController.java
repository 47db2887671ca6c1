package vn.docket.query.notices;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.web.NotFound;
import vn.docket.query.assignments.AssignmentLookup;
import vn.docket.query.assignments.AssignmentView;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;

@RestController
@Tag(name = "Notices")
class NoticeQueryController {

    private final MongoCollection<Document> notices;
    private final AssignmentLookup assignments;

    NoticeQueryController(MongoDatabase database, AssignmentLookup assignments) {
        this.notices = database.getCollection(NoticeProjection.COLLECTION);
        this.assignments = assignments;
    }

    @GetMapping("/api/notices")
    @Operation(summary = "Registered notices, newest first")
    Page<Notice> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        List<Notice> items = new ArrayList<>();
        Bson registered = Filters.exists(Notice.REGISTERED_AT);
        notices.find(registered).sort(Sorts.descending(Notice.REGISTERED_AT)).skip(paging.skip()).limit(paging.size())
                .forEach(d -> items.add(Notice.read(d)));
        return new Page<>(items, paging.page(), paging.size(), notices.countDocuments(registered));
    }

    /** The notice with each item's assignments and how far each has come. */
    @GetMapping("/api/notices/{id}")
    @Operation(summary = "A notice with its items and each item's progress")
    Notice one(@PathVariable UUID id) {
        Document d = notices.find(Filters.eq("_id", id.toString())).first();
        if (d == null || !d.containsKey(Notice.REGISTERED_AT)) {
            throw new NotFound("No registered notice with id " + id + ".");
        }
        Notice notice = Notice.read(d);
        List<Notice.Cited> cited = notice.assignments() == null ? List.of() : notice.assignments();
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
