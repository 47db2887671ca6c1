package vn.docket.platform.refusal;

/**
 * A business rule refused the request (HTTP 422). {@code rule} is a short stable name clients may switch
 * on; the message says in plain words what is wrong.
 */
public class RuleBroken extends RuntimeException {

    private final String rule;

    public RuleBroken(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
