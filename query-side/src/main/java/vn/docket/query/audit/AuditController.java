package vn.docket.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.Text;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.assignments.Visibility;
import vn.docket.platform.web.RuleBroken;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;

@RestController
@Tag(name = "Audit")
class AuditController {

    private final MongoCollection<Document> log;
    private final Visibility visibility;

    AuditController(MongoDatabase database, Visibility visibility) {
        this.log = database.getCollection(AuditLogProjection.COLLECTION);
        this.visibility = visibility;
    }

    /** One audit entry; the field names are part of the HTTP contract. */
    record AuditEntry(String eventId, String type, String assignmentId, Long sequence, Map<String, Object> actor,
                      Instant recordedAt, String effectiveDate, String commandId, Map<String, Object> payload) {
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Every event, newest first: who, what, when (recorded and effective), under which command")
    Page<AuditEntry> audit(@RequestParam(required = false) UUID assignment,
                           @RequestParam(required = false) String actor,
                           @RequestParam(required = false) String unit,
                           @RequestParam(required = false) LocalDate from,
                           @RequestParam(required = false) LocalDate to,
                           @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        if (from != null && to != null && to.isBefore(from)) {
            throw new RuleBroken("range-reversed", "'to' must not be before 'from'.");
        }
        List<Bson> filters = new ArrayList<>();
        List<String> visible = visibility.visibleIds(CurrentActor.get());
        if (visible != null) {
            // Unit staff read the history of what their unit may see, and nothing else.
            filters.add(Filters.in("assignmentId", visible));
        }
        if (assignment != null) {
            filters.add(Filters.eq("assignmentId", assignment.toString()));
        }
        if (Text.clean(actor) != null) {
            filters.add(Filters.eq("actor.id", Text.clean(actor)));
        }
        if (Text.clean(unit) != null) {
            filters.add(Filters.eq("actor.unit", Text.clean(unit)));
        }
        if (from != null) {
            filters.add(Filters.gte("recordedAt", Date.from(from.atStartOfDay(PlatformConfiguration.ZONE).toInstant())));
        }
        if (to != null) {
            filters.add(Filters.lt("recordedAt",
                    Date.from(to.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant())));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<AuditEntry> items = new ArrayList<>();
        log.find(filter).sort(Sorts.descending("recordedAt", "seq")).skip(paging.skip()).limit(paging.size())
                .forEach(d -> items.add(new AuditEntry(d.getString("_id"), d.getString("type"),
                        d.getString("assignmentId"), d.getLong("seq"), d.get("actor", Document.class),
                        d.getDate("recordedAt").toInstant(), d.getString("effectiveDate"), d.getString("commandId"),
                        d.get("payload", Document.class))));
        return new Page<>(items, paging.page(), paging.size(), log.countDocuments(filter));
    }
}
