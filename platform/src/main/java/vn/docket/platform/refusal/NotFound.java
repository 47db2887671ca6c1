package vn.docket.platform.refusal;

/** Nothing with that id exists, or the user may not know it exists (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
