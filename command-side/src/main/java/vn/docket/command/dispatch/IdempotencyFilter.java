package vn.docket.command.dispatch;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.docket.platform.Sha256;
import vn.docket.platform.security.CurrentActor;
import vn.docket.platform.web.BufferedBody;

/**
 * The one place where commands honour {@code Idempotency-Key}: every POST under {@code /api/assignments}, each of
 * which sends exactly one command. Runs after sign-in (keys belong to a user). The key is claimed before the
 * request goes on, the answer is kept when it is a success, and the key is released when the command failed
 * (it wrote nothing, so a retry is judged afresh).
 *
 * <p>The request is fingerprinted by method, path and the SHA-256 of the body's raw bytes. A retry is the same
 * request sent again, byte for byte; canonicalising the JSON would need a second parser in front of the strict
 * one that decides what a valid body is, and a client that rebuilds the body differently is told so (422). A form
 * with a file is claimed by its handler once it has read the form ({@link FormKey}).
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    /** Request attribute: the command id derived from the key, which {@link CommandDispatcher} gives the command. */
    static final String COMMAND_ID = IdempotencyFilter.class.getName() + ".commandId";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final HandlerExceptionResolver problems;

    IdempotencyFilter(IdempotencyKeys keys, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String key = request.getHeader(IdempotencyKeys.HEADER);
        return key == null || key.isBlank() || !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/assignments");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = CurrentActor.get().id();
        String key = request.getHeader(IdempotencyKeys.HEADER);
        String requestLine = request.getMethod() + " " + request.getRequestURI();
        if (String.valueOf(request.getContentType()).toLowerCase().startsWith("multipart/form-data")) {
            // A form with a file is read by its handler as it arrives; the handler claims the key once it has.
            FormKey form = new FormKey(keys, actor, key, requestLine);
            request.setAttribute(FormKey.ATTRIBUTE, form);
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, answer);
            } finally {
                if (form.execute() != null) {
                    settle(form.execute(), answer.getStatus() >= 200 && answer.getStatus() < 300, answer);
                }
                answer.copyBodyToResponse();
            }
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        IdempotencyKeys.Claim claim;
        try {
            claim = keys.claim(actor, key, requestLine + " " + Sha256.hex(body));
        } catch (RuntimeException e) {
            // 422, 409 or the database's own trouble: problem details, as for every other refusal.
            if (problems.resolveException(request, response, null, e) == null) {
                throw e;
            }
            return;
        }
        if (claim instanceof IdempotencyKeys.Replay replay) {
            response.setStatus(replay.status());
            response.setHeader("Idempotent-Replayed", "true");
            if (replay.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, replay.location());
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(replay.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        IdempotencyKeys.Execute execute = (IdempotencyKeys.Execute) claim;
        request.setAttribute(COMMAND_ID, execute.commandId());
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean succeeded = false;
        try {
            chain.doFilter(new BufferedBody(request, body), answer);
            succeeded = answer.getStatus() >= 200 && answer.getStatus() < 300;
        } finally {
            settle(execute, succeeded, answer);
            answer.copyBodyToResponse();
        }
    }

    /**
     * The answer stands whatever happens to the key: if it cannot be written, it stays "running" until its lease
     * lapses, and a retry then takes it over and gets the same answer from the command id.
     */
    private void settle(IdempotencyKeys.Execute execute, boolean succeeded, ContentCachingResponseWrapper answer) {
        try {
            if (succeeded) {
                keys.complete(execute, answer.getStatus(), answer.getHeader(HttpHeaders.LOCATION),
                        new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
            } else {
                keys.release(execute);
            }
        } catch (RuntimeException e) {
            log.warn("Docket could not record the outcome of a request with an Idempotency-Key; a retry will be "
                    + "answered after {} s, without doing anything twice.", keys.lease().toSeconds(), e);
        }
    }
}
