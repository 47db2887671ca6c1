package vn.docket.command.dispatch;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The {@code Idempotency-Key} of a form with a file. Its handler reads the form straight from the request as it
 * arrives, so {@link IdempotencyFilter} cannot read it first: the handler claims the key once it has read the form,
 * before it sends the command, and the filter keeps the answer as for any other command. The form is fingerprinted
 * by its parts (name, file name, SHA-256 of the bytes), not its raw body: a browser sends the same form again with
 * another boundary.
 */
public final class FormKey {

    static final String ATTRIBUTE = FormKey.class.getName();

    private final IdempotencyKeys keys;
    private final String actor;
    private final String key;
    private final String requestLine;
    private IdempotencyKeys.Execute execute;

    FormKey(IdempotencyKeys keys, String actor, String key, String requestLine) {
        this.keys = keys;
        this.actor = actor;
        this.key = key;
        this.requestLine = requestLine;
    }

    /**
     * Claims the request's key, if it has one, for the form read ({@code fingerprint}). Returns the answer to send
     * again if the key was already answered (nothing is to be done), else null: go on (a key in use for another
     * request, or still running, is refused with 422 or 409).
     */
    public static ResponseEntity<String> claim(HttpServletRequest request, String fingerprint) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof FormKey form)) {
            return null;
        }
        IdempotencyKeys.Claim claim = form.keys.claim(form.actor, form.key, form.requestLine + " " + fingerprint);
        if (claim instanceof IdempotencyKeys.Replay replay) {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(replay.status()).header("Idempotent-Replayed", "true")
                    .contentType(MediaType.APPLICATION_JSON);
            if (replay.location() != null) {
                answer.header(HttpHeaders.LOCATION, replay.location());
            }
            return answer.body(replay.body());
        }
        form.execute = (IdempotencyKeys.Execute) claim;
        request.setAttribute(IdempotencyFilter.COMMAND_ID, form.execute.commandId());
        return null;
    }

    IdempotencyKeys.Execute execute() {
        return execute;
    }
}
