package vn.docket.platform.refusal;

/** The request does not fit the current state of the thing it acts on (HTTP 409). */
public class StateConflict extends RuntimeException {

    private final String rule;
    private final String link;

    public StateConflict(String rule, String message) {
        this(rule, message, null);
    }

    /** @param link where the thing this conflicts with can be read, e.g. the notice registered first */
    public StateConflict(String rule, String message, String link) {
        super(message, null, false, false);
        this.rule = rule;
        this.link = link;
    }

    public String link() {
        return link;
    }

    public String rule() {
        return rule;
    }
}
