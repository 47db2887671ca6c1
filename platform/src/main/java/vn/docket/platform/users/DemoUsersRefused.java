package vn.docket.platform.users;

import java.util.List;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Docket started with the demo users on a database that has people of its own: it stops before adding any. */
public final class DemoUsersRefused extends RuntimeException {

    private final List<String> own;

    DemoUsersRefused(List<String> own) {
        super("The demo users were not added to a database that has users of its own: " + own);
        this.own = List.copyOf(own);
    }

    /** What the terminal shows instead of a stack trace (registered in META-INF/spring.factories). */
    static final class Explained extends AbstractFailureAnalyzer<DemoUsersRefused> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DemoUsersRefused cause) {
            List<String> named = cause.own.subList(0, Math.min(5, cause.own.size()));
            return new FailureAnalysis(
                    "Docket did not start: the demo set-up would add its users (an administrator among them, every one"
                            + " with the password \"demo\") to a database that already has " + cause.own.size()
                            + (cause.own.size() == 1 ? " user" : " users") + " of its own (" + String.join(", ", named) + (cause.own.size() > named.size()
                            ? ", ..." : "") + "). Nothing was written.",
                    "To use this database, start Docket without `demo` (java -jar docket.jar). To try the demo, give it"
                            + " a data directory of its own: java -jar docket.jar demo"
                            + " --docket.mongo.embedded.data-dir=demo-data",
                    cause);
        }
    }
}
