package vn.docket.query.assignments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.web.NotFound;

/**
 * What a person may see. Clerks, leaders, auditors and the administrator see everything. Unit staff and
 * heads see the assignments their unit leads or coordinates, and those their unit's contributions feed.
 * An assignment a unit may not see does not exist for it (404), so ids cannot be probed.
 */
@Component
public class Visibility {

    private final MongoCollection<Document> assignments;

    Visibility(MongoDatabase database) {
        this.assignments = database.getCollection(AssignmentListProjection.COLLECTION);
    }

    public static boolean seesEverything(Actor actor) {
        return actor.role() != Role.UNIT_STAFF && actor.role() != Role.UNIT_HEAD;
    }

    /** A filter on the assignment list for this person, or null when they see everything. */
    public Bson filter(Actor actor) {
        if (seesEverything(actor)) {
            return null;
        }
        String unit = actor.unit() == null ? "" : actor.unit();
        List<String> fed = new ArrayList<>();
        assignments.find(Filters.and(Filters.eq("leadUnit", unit), Filters.ne("parentId", null)))
                .projection(Projections.include("parentId")).forEach(d -> fed.add(d.getString("parentId")));
        return Filters.or(Filters.eq("leadUnit", unit), Filters.eq("coordinatingUnits", unit), Filters.in("_id", fed));
    }

    /** Ids of every assignment this person may see, or null when they see everything. */
    public List<String> visibleIds(Actor actor) {
        Bson filter = filter(actor);
        if (filter == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        assignments.find(filter).projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** Throws NotFound unless this person may see the assignment. */
    public void requireVisible(Actor actor, UUID id) {
        Bson filter = filter(actor);
        if (filter != null && assignments.countDocuments(Filters.and(Filters.eq("_id", id.toString()), filter)) == 0) {
            throw new NotFound("No assignment with id " + id + ".");
        }
    }
}
