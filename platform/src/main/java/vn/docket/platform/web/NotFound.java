package vn.docket.platform.web;

/** Nothing with that id exists, or the user may not know it exists (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
