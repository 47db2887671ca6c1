package vn.docket.query.assignments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.docket.query.support.ReadModels;

/** Other queries (a notice's items) show assignments as the list does; this is the one way to read them. */
@Component
public class AssignmentLookup {

    /** How long a page waits for the read model to write what the index already has (see {@link #inOrder}). */
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(2);
    /** Only an entry the index changed this recently is waited for; an older gap is not about to close. */
    static final Duration RECENT = Duration.ofSeconds(10);

    private final MongoCollection<Document> assignments;
    private final AssignmentIndex index;
    private final Clock clock;

    AssignmentLookup(MongoDatabase database, AssignmentIndex index, Clock clock) {
        this.assignments = database.getCollection(AssignmentListProjection.COLLECTION);
        this.index = index;
        this.clock = clock;
    }

    public Map<String, AssignmentView> byIds(List<String> ids) {
        LocalDate today = LocalDate.now(clock);
        Map<String, AssignmentView> found = new HashMap<>();
        read(ids).forEach((id, d) -> found.put(id, AssignmentView.from(AssignmentRecord.read(d), today)));
        return found;
    }

    /**
     * The documents of the ids the index chose, in the index's order. The index (memory) and the read model
     * (the list projection's writes) follow the event store separately, so for a moment the index may know an
     * event the read model has not written yet. Such a page waits up to {@link #READ_MODEL_WAIT} for it; what is
     * still missing then is left out of the page (the total still counts it), and a document still older than
     * the index is shown as the read model has it. The next request sees both in step.
     */
    List<AssignmentView> inOrder(List<String> ids) {
        List<Document> found = ReadModels.inOrder(assignments, ids, this::behind, READ_MODEL_WAIT);
        LocalDate today = LocalDate.now(clock);
        return found.stream().map(d -> AssignmentView.from(AssignmentRecord.read(d), today)).toList();
    }

    /** Whether {@code d} (null: none yet) is older than the index's entry for {@code id}, which it changed lately. */
    private boolean behind(String id, Document d) {
        long recent = System.currentTimeMillis() - RECENT.toMillis();
        long seq = d == null ? -1 : ReadModels.sequence(d);
        return index.get(id).filter(a -> a.indexedAt() > recent && seq < a.seq()).isPresent();
    }

    private Map<String, Document> read(List<String> ids) {
        return ReadModels.byIds(assignments, ids);
    }
}
