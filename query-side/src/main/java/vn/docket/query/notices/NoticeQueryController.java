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
    Page<Map<String, Object>> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        List<Map<String, Object>> items = new ArrayList<>();
        notices.find(Filters.exists("registeredAt")).sort(Sorts.descending("registeredAt")).skip(paging.skip())
                .limit(paging.size()).forEach(d -> items.add(summary(d)));
        return new Page<>(items, paging.page(), paging.size(), notices.countDocuments(Filters.exists("registeredAt")));
    }

    /** The notice with each item's assignments and how far each has come. */
    @GetMapping("/api/notices/{id}")
    @Operation(summary = "A notice with its items and each item's progress")
    Map<String, Object> one(@PathVariable UUID id) {
        Document d = notices.find(Filters.eq("_id", id.toString())).first();
        if (d == null || !d.containsKey("registeredAt")) {
            throw new NotFound("No registered notice with id " + id + ".");
        }
        Map<String, Object> notice = summary(d);
        List<Document> cited = d.getList("assignments", Document.class, List.of());
        Map<String, AssignmentView> views = assignments.byIds(cited.stream().map(a -> a.getString("assignmentId")).toList());
        Map<Integer, List<AssignmentView>> byItem = new LinkedHashMap<>();
        cited.stream().sorted(Comparator.comparing((Document a) -> a.getInteger("item", 0))
                        .thenComparing(a -> a.getString("parentId") != null))
                .forEach(a -> {
                    AssignmentView view = views.get(a.getString("assignmentId"));
                    if (view != null) {
                        byItem.computeIfAbsent(a.getInteger("item", 0), k -> new ArrayList<>()).add(view);
                    }
                });
        List<Map<String, Object>> items = new ArrayList<>();
        byItem.forEach((ordinal, list) -> items.add(Map.of("ordinal", ordinal, "assignments", list)));
        notice.put("itemsWithProgress", items);
        return notice;
    }

    private static Map<String, Object> summary(Document d) {
        Map<String, Object> notice = new LinkedHashMap<>(d);
        notice.remove("_id");
        notice.remove("assignments");
        notice.put("id", d.getString("_id"));
        notice.put("registeredAt", d.getDate("registeredAt").toInstant());
        return notice;
    }
}
