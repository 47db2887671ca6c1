package vn.docket.query.assignments;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;

/** For tests of other packages' controllers: the assignment index, visibility and lookup they are given. */
public final class TestReadSide {

    private TestReadSide() {
    }

    /** An index that counts as caught up: feed it events through its handlers. */
    public static AssignmentIndex index() {
        return new AssignmentIndex(() -> true, Duration.ZERO);
    }

    public static Visibility visibility(AssignmentIndex index) {
        return new Visibility(index);
    }

    /** The visibility rule over an empty index (clerks see everything). */
    public static Visibility overAnEmptyIndex() {
        return visibility(index());
    }

    public static AssignmentLookup lookup(MongoDatabase database, AssignmentIndex index, Clock clock) {
        return new AssignmentLookup(database, index, clock);
    }
}
