package vn.docket.platform.refusal;

/** A business rule refused the request (HTTP 422). */
public class RuleBroken extends Refusal {

    public RuleBroken(String rule, String message) {
        super(rule, message);
    }
}
