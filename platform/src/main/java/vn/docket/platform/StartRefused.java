package vn.docket.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Docket cannot start as configured, and nothing was written: what is wrong, and what the operator should do. The
 * one way a start is refused, whichever check refuses it (a port or data directory taken, the demo on an office's
 * database, a half-restored store), so that every refusal reads the same on the terminal and none is a stack trace.
 */
public final class StartRefused extends RuntimeException {

    private final String action;

    public StartRefused(String description, String action) {
        super(description, null, false, false); // an expected answer: no stack trace to fill or print
        this.action = action;
    }

    /** Spring Boot's report of the failed start in place of the stack trace (registered in META-INF/spring.factories). */
    static final class Explained extends AbstractFailureAnalyzer<StartRefused> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
