package vn.docket.platform.refusal;

/** The signed-in user may not do this (HTTP 403); the message says which rule of authority applies. */
public class NotAllowed extends RuntimeException {

    private final String rule;

    public NotAllowed(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
