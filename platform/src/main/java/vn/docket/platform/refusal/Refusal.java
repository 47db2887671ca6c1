package vn.docket.platform.refusal;

/**
 * A request refused by a named rule, with nothing stored: {@code rule} is a short stable name clients may switch
 * on, the message says in plain words what is wrong. Which kind it is decides the HTTP status (see Problems).
 */
public abstract class Refusal extends RuntimeException {

    private final String rule;

    protected Refusal(String rule, String message) {
        super(message, null, false, false); // an expected answer: no stack trace to fill or log
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
