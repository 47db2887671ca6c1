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
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.Text;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.assignments.AssignmentLookup;
import vn.docket.query.assignments.AssignmentView;
import vn.docket.query.assignments.Visibility;
import vn.docket.platform.web.RuleBroken;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;

@RestController
@Tag(name = "Audit")
class AuditController {

    private final MongoCollection<Document> log;
    private final Visibility visibility;
    private final AssignmentLookup lookup;

    AuditController(MongoDatabase database, Visibility visibility, AssignmentLookup lookup) {
        this.log = database.getCollection(AuditLogProjection.COLLECTION);
        this.visibility = visibility;
        this.lookup = lookup;
    }

    /** One audit entry; the field names are part of the HTTP contract. */
    record AuditEntry(String eventId, String type, String assignmentId, String assignmentTitle, Long sequence,
                      Map<String, Object> actor, Instant recordedAt, String effectiveDate, String commandId,
                      Map<String, Object> payload) {
    }

    /** A full id, or the first characters the log shows (at least 4 hexadecimal digits). */
    private static final Pattern ID_OR_PREFIX = Pattern.compile("[0-9a-f]{4}[0-9a-f-]{0,32}");

    @GetMapping("/api/audit")
    @Operation(summary = "Every event, newest first: who, what, when (recorded and effective), under which command")
    Page<AuditEntry> audit(@RequestParam(required = false) String assignment,
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
        String id = Text.clean(assignment) == null ? null : Text.clean(assignment).toLowerCase(Locale.ROOT);
        if (id != null) {
            if (!ID_OR_PREFIX.matcher(id).matches()) {
                throw new RuleBroken("assignment-filter", "Filter by a task's id, or by its first characters as the log "
                        + "shows them (at least 4, such as 3f2a9c1e).");
            }
            filters.add(id.length() == 36 ? Filters.eq("assignmentId", id)
                    : Filters.regex("assignmentId", "^" + Pattern.quote(id)));
        }
        String who = Text.clean(actor);
        if (who != null) {
            // A user id as typed, or any part of a person's name, with or without tone marks.
            filters.add(Filters.or(Filters.eq("actor.id", who.toLowerCase(Locale.ROOT)),
                    Filters.regex("actorSearch", Pattern.quote(Text.folded(who)))));
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
        List<Document> found = log.find(filter).sort(Sorts.descending("recordedAt", "seq")).skip(paging.skip())
                .limit(paging.size()).into(new ArrayList<>());
        Map<String, AssignmentView> assignments = lookup.byIds(found.stream().map(d -> d.getString("assignmentId"))
                .filter(Objects::nonNull).distinct().toList());
        List<AuditEntry> items = found.stream().map(d -> {
            AssignmentView about = assignments.get(d.getString("assignmentId"));
            return new AuditEntry(d.getString("_id"), d.getString("type"), d.getString("assignmentId"),
                    about == null ? null : about.title(), d.getLong("seq"), d.get("actor", Document.class),
                    d.getDate("recordedAt").toInstant(), d.getString("effectiveDate"), d.getString("commandId"),
                    d.get("payload", Document.class));
        }).toList();
        return new Page<>(items, paging.page(), paging.size(), log.countDocuments(filter));
    }
}
