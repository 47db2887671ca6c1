package vn.docket.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized requests before anything parses them: 1 MB for a command's JSON, 21 MB where a notice
 * file is uploaded (the notice itself may be 20 MB), the multipart request limit where a draft's file or the issued
 * document's is. A declared {@code Content-Length} is refused at once; a
 * body sent without one ({@code Transfer-Encoding: chunked}) is counted as it is read, at most one byte past
 * the limit, and handed on from memory. Multipart uploads and sign-in forms go on unread: a draft's form is counted
 * by its handler as it reads it, a notice's by Tomcat, within {@code spring.servlet.multipart.max-request-size};
 * sign-in forms within Tomcat's form limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    static final long COMMAND_LIMIT = 1024 * 1024;
    static final long UPLOAD_LIMIT = 21L * 1024 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private final ObjectMapper json;
    /** A draft's file (docket.files.max-size) with its form fields: the multipart request limit. */
    private final long draftUploadLimit;
    /** docket.files.max-size: what a person uploading a draft is told they may send. */
    private final long fileLimit;

    public RequestSizeLimit(ObjectMapper json,
                            @Value("${spring.servlet.multipart.max-request-size:51MB}") DataSize draftUploadLimit,
                            @Value("${docket.files.max-size:50MB}") DataSize fileLimit) {
        this.json = json;
        this.draftUploadLimit = draftUploadLimit.toBytes();
        this.fileLimit = fileLimit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean notice = uri.startsWith("/api/notices/preview");
        boolean draft = uri.startsWith("/api/assignments/") && (uri.endsWith("/drafts")
                || uri.endsWith("/issuance") && type.startsWith("multipart/"));
        long limit = notice ? UPLOAD_LIMIT : draft ? draftUploadLimit : COMMAND_LIMIT;
        if (request.getContentLengthLong() > limit) {
            // An upload is over the limit because of its file: the person is told the file's limit, in MB.
            Long file = notice ? Long.valueOf(UPLOAD_LIMIT - 1024 * 1024) : draft ? Long.valueOf(fileLimit) : null;
            tooLarge(response, limit, file);
            return;
        }
        if (type.startsWith("multipart/") || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        InputStream in = request.getInputStream();
        int first = in.read();
        if (first < 0) {
            // No body, as most requests (GETs) have: readNBytes would take an 8 KB buffer to find that out.
            chain.doFilter(new BufferedBody(request, NO_BODY), response);
            return;
        }
        byte[] rest = in.readNBytes((int) limit);
        if (rest.length + 1 > limit) {
            tooLarge(response, limit, null);
            return;
        }
        byte[] body = new byte[rest.length + 1];
        body[0] = (byte) first;
        System.arraycopy(rest, 0, body, 1, rest.length);
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void tooLarge(HttpServletResponse response, long limit, Long fileBytes) throws IOException {
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                "The request is larger than Docket accepts here (" + limit / (1024 * 1024) + " MB).");
        if (fileBytes != null) {
            problem.setProperty("maxMb", fileBytes / (1024 * 1024));
        }
        refuse(response, json, problem);
    }

    /** Answers a request a filter refused, as the controllers' problems are answered. */
    static void refuse(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
