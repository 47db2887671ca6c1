package vn.docket.platform.web;

import com.mongodb.MongoException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.common.AxonException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.docket.platform.audit.DenialRecorder;
import vn.docket.platform.eventstore.UnstorableText;
import vn.docket.platform.mongo.DatabaseUnavailable;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.Refusal;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.PreconditionFailed;
import vn.docket.platform.refusal.StateConflict;

/**
 * Every error leaves Docket as RFC 9457 problem details that name the broken rule in plain words. No
 * stack trace or internal class name ever reaches the client.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final DenialRecorder denials;

    public Problems(DenialRecorder denials) {
        this.denials = denials;
    }

    public static ProblemDetail problem(HttpStatus status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:docket:problem:" + rule));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", rule);
        return problem;
    }

    /** A refusal's problem: its rule, its message as the detail, and the values it names as members of their own. */
    static ProblemDetail problem(HttpStatus status, Refusal refusal) {
        ProblemDetail problem = problem(status, refusal.rule(), refusal.getMessage());
        refusal.facts().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(RuleBroken.class)
    ProblemDetail ruleBroken(RuleBroken e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e);
    }

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e);
        if (e.link() != null) {
            problem.setProperty("link", e.link());
        }
        return problem;
    }

    @ExceptionHandler(PreconditionFailed.class)
    ProblemDetail preconditionFailed(PreconditionFailed e) {
        return problem(HttpStatus.PRECONDITION_FAILED, e);
    }

    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed e, HttpServletRequest request) {
        denials.record(request, e.rule(), e.getMessage());
        return problem(HttpStatus.FORBIDDEN, e);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No assignment with id " + e.getAggregateIdentifier() + ".");
    }

    /** Any stream can race: an assignment, and since authority is event-sourced, a user too. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change",
                "Someone else changed the same record at the same moment; reload it and try again.");
    }

    /** The event store refuses text with half a surrogate pair before writing anything (see UnstorableText). */
    @ExceptionHandler(UnstorableText.class)
    ProblemDetail unstorableText(UnstorableText e) {
        return problem(HttpStatus.BAD_REQUEST, "unstorable-text", "A text field holds a character that is not"
                + " Unicode text (half of a surrogate pair, such as \\ud800 written alone); nothing was recorded."
                + " Retype the text or remove that character.");
    }

    /**
     * A form Tomcat could not parse (cut off, no boundary, a NUL in a part's headers): the client's mistake, answered as
     * the hand-in's own reader answers it (DraftFiles), not as Docket failing. Too large is answered by FileProblems.
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedForm(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Biểu mẫu gửi lên bị hỏng hoặc bị cắt giữa chừng: hãy gửi lại.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        RuleBroken broken = brokenRuleIn(e);
        if (broken != null) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, broken.rule(), "The parameter '" + e.getName() + "': " + broken.getMessage());
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "The parameter '" + e.getName() + "' has a value that cannot be read.");
    }

    /**
     * The database out of reach: 503 with Retry-After, after the driver's timeouts (see MongoSettings.Timeouts),
     * never a 500. The driver's exceptions come bare or wrapped by Axon (a command's or the event store's), so
     * both are caught here and the cause chain decides; anything else is unexpected as before.
     */
    @ExceptionHandler({MongoException.class, AxonException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e, HttpServletRequest request) {
        if (!DatabaseUnavailable.isCauseOf(e)) {
            return ResponseEntity.internalServerError().body(unexpected(e, request));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.RULE, DatabaseUnavailable.DETAIL));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Request {} {} failed unexpectedly (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Docket could not complete this request. Tell IT the reference " + reference + ".");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RuleBroken broken = brokenRuleIn(e);
        if (broken != null) {
            return ResponseEntity.unprocessableEntity().body(ruleBroken(broken));
        }
        // A multipart form's fields are read by the same mapper as a JSON body (AssignmentCommandController#form),
        // but whoever sent a form wrote no JSON: telling them their body is not valid JSON sends them looking for it.
        boolean form = request instanceof ServletWebRequest servlet && servlet.getRequest().getContentType() != null
                && servlet.getRequest().getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        String what = form ? "The form's fields are not" : "The request body is not valid JSON";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                what + " of the expected shape: " + JsonErrors.describe(e) + "."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .findFirst().orElse("the request is not valid");
        return ResponseEntity.unprocessableEntity().body(problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-field", detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Spring's own problems keep their status and headers (Allow, Accept) and name a rule ("http-405"); the ones a
        // client meets most are worded by Docket.
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("rule", "http-" + statusCode.value());
        }
        ProblemDetail own = inDocketWords(ex, request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI() : "This address");
        if (own == null || response == null) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(own);
    }

    /**
     * What a client most often meets of Spring's refusals, worded by Docket and naming a rule: an address no
     * controller answers (it fell through to static resources: "No static resource api/nosuch."), a method or a
     * body type the address does not take, a form without its file (a notice to preview). Null for the others,
     * which keep Spring's words.
     */
    private static ProblemDetail inDocketWords(Exception ex, String path) {
        if (ex instanceof MissingServletRequestPartException e) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Biểu mẫu không có phần '" + e.getRequestPartName() + "'.");
        }
        if (ex instanceof NoResourceFoundException) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Docket has nothing at " + path + ".");
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            Set<HttpMethod> taken = e.getSupportedHttpMethods();
            return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", path + " does not take " + e.getMethod()
                    + (taken == null || taken.isEmpty() ? "." : "; it takes "
                    + taken.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")) + "."));
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            MediaType sent = e.getContentType();
            // The types the address reads, named as a client sends them: no wildcards ("application/*+json").
            List<String> read = e.getSupportedMediaTypes().stream().filter(t -> !t.isWildcardType() && !t.isWildcardSubtype())
                    .map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList();
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", path + " does not read a body of type "
                    + (sent == null ? "(none)" : sent.getType() + "/" + sent.getSubtype())
                    + (read.isEmpty() ? "." : "; send " + String.join(" or ", read) + "."));
        }
        return null;
    }

    /** A rule checked while the request was read (a date outside the window) arrives wrapped by Jackson or Spring. */
    private static RuleBroken brokenRuleIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleBroken broken) {
                return broken;
            }
        }
        return null;
    }
}
