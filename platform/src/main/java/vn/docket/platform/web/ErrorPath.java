package vn.docket.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches {@code /error}: a request Spring Security's firewall refused (a path with "//", ";" or an
 * encoded "..") and anything else answered by {@code sendError}. Those answers are problem details naming the
 * rule, like Docket's own and Tomcat's ({@link TomcatProblems}); Spring Boot's error page wrote
 * {@code {"timestamp", "status", "error", "path"}} instead, and {@code GET /error} itself, with no error
 * behind it, was a 500.
 */
@RestController
public class ErrorPath implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus known = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : null;
        HttpStatus status = known != null && known.isError() ? known : HttpStatus.NOT_FOUND;
        // The content type is set here, so it is written whatever the client said it accepts.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, rule(status.value()), detail(status.value())));
    }

    /**
     * The rule a refusal without a rule of its own names: the request could not be read, nothing is there (as
     * Docket's other 404s say), or its bare status.
     */
    static String rule(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            default -> "http-" + status;
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "Docket cannot read this request: its address or headers are malformed.";
            case 404 -> "Docket has nothing at this address.";
            default -> "Docket cannot answer this request.";
        };
    }
}
