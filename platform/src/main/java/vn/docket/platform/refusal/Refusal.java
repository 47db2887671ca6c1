package vn.docket.platform.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused by a named rule, with nothing stored: {@code rule} is a short stable name clients may switch
 * on, the message says in plain words what is wrong. Which kind it is decides the HTTP status (see Problems).
 */
public abstract class Refusal extends RuntimeException {

    private final String rule;
    private final Map<String, Object> facts = new LinkedHashMap<>();

    protected Refusal(String rule, String message) {
        super(message, null, false, false); // an expected answer: no stack trace to fill or log
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /**
     * A value the refusal names (the day a draft was approved, the field to correct), answered as a member of the
     * problem beside the message, so that a client can say it in its own words and language.
     */
    public Refusal with(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    public Map<String, Object> facts() {
        return Collections.unmodifiableMap(facts);
    }
}
