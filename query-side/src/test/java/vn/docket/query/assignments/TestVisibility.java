package vn.docket.query.assignments;

import java.time.Duration;

/** For tests of other packages' controllers: the visibility rule over an empty index (clerks see everything). */
public final class TestVisibility {

    private TestVisibility() {
    }

    public static Visibility overAnEmptyIndex() {
        return new Visibility(new AssignmentIndex(() -> true, Duration.ZERO));
    }
}
