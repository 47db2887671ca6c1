package vn.docket.platform.refusal;

/** The request does not fit the current state of the thing it acts on (HTTP 409). */
public class StateConflict extends Refusal {

    private final String link;

    public StateConflict(String rule, String message) {
        this(rule, message, null);
    }

    /** @param link where the thing this conflicts with can be read, e.g. the notice registered first */
    public StateConflict(String rule, String message, String link) {
        super(rule, message);
        this.link = link;
    }

    public String link() {
        return link;
    }
}
