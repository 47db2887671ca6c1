package vn.docket.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized requests before anything reads them: 1 MB for a command's JSON, 21 MB where a notice
 * file is uploaded (the notice itself may be 20 MB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    static final long COMMAND_LIMIT = 1024 * 1024;
    static final long UPLOAD_LIMIT = 21L * 1024 * 1024;

    private final ObjectMapper json;

    public RequestSizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith("/api/notices/preview") ? UPLOAD_LIMIT : COMMAND_LIMIT;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                    "The request is larger than Docket accepts here (" + limit / (1024 * 1024) + " MB)."));
            return;
        }
        chain.doFilter(request, response);
    }
}
