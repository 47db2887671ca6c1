package vn.docket.platform.refusal;

/** A condition the request set on the current state, such as its If-Match, does not hold (HTTP 412). */
public class PreconditionFailed extends Refusal {

    public PreconditionFailed(String rule, String message) {
        super(rule, message);
    }
}
