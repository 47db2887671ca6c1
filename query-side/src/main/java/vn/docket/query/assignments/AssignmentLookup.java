package vn.docket.query.assignments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Other queries (a notice's items) show assignments as the list does; this is the one way to read them. */
@Component
public class AssignmentLookup {

    private final MongoCollection<Document> assignments;
    private final Clock clock;

    AssignmentLookup(MongoDatabase database, Clock clock) {
        this.assignments = database.getCollection(AssignmentListProjection.COLLECTION);
        this.clock = clock;
    }

    public Map<String, AssignmentView> byIds(List<String> ids) {
        Map<String, AssignmentView> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        LocalDate today = LocalDate.now(clock);
        assignments.find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), AssignmentView.from(d, today)));
        return found;
    }
}
