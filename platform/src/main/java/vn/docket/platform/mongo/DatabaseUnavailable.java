package vn.docket.platform.mongo;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a failure caused by the database being out of reach (down, unreachable, or a replica set between
 * primaries) from any other failure: the first is answered 503 and worth retrying, the second is a defect.
 * Axon wraps what a command handler or the event store threw (command execution, event store, unit of work
 * exceptions), so the whole cause chain is looked at.
 */
public final class DatabaseUnavailable {

    /** The problem's rule; answered with 503. */
    public static final String RULE = "database-unavailable";
    public static final String DETAIL =
            "Docket cannot reach its database at the moment. Try again in a few seconds; if it goes on, tell IT.";
    /** Retry-After: about what a database restart or a replica set's election takes. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /** Longer chains are not Axon's or the driver's wrapping; also a guard against a cycle of causes. */
    private static final int MAX_DEPTH = 16;

    private DatabaseUnavailable() {
    }

    public static boolean isCauseOf(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            // MongoSocketException covers refused connections, reads cut short and MongoSocketReadTimeoutException.
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
