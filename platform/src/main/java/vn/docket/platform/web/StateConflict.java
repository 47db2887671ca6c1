package vn.docket.platform.web;

/** The request does not fit the current state of the thing it acts on (HTTP 409). */
public class StateConflict extends RuntimeException {

    private final String rule;

    public StateConflict(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
