package vn.docket.platform.refusal;

/** The signed-in user may not do this (HTTP 403); the message says which rule of authority applies. */
public class NotAllowed extends Refusal {

    public NotAllowed(String rule, String message) {
        super(rule, message);
    }
}
