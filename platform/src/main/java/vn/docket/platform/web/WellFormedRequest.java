package vn.docket.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, a request whose text is not text: a path or query parameter with a control character
 * ({@code q=%00}) or bytes that are not UTF-8 once percent-decoded, and a JSON body that is not strict UTF-8.
 * Tomcat and Jackson would otherwise read such bytes leniently (an overlong {@code C0 AF} as "/", an invalid
 * byte as U+FFFD) and Docket would store something the client never sent. Runs right after
 * {@link RequestSizeLimit}, whose buffered body it checks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class WellFormedRequest extends OncePerRequestFilter {

    private final ObjectMapper json;

    public WellFormedRequest(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = urlProblem(request.getRequestURI(), "The path");
        if (problem == null && request.getQueryString() != null) {
            problem = urlProblem(request.getQueryString(), "A query parameter");
        }
        if (problem == null && request instanceof BufferedBody buffered && isUtf8Json(request)
                && !isUtf8(buffered.body())) {
            problem = "The request body is not valid UTF-8 text.";
        }
        if (problem != null) {
            RequestSizeLimit.refuse(response, json, Problems.problem(HttpStatus.BAD_REQUEST, "malformed-text", problem));
            return;
        }
        chain.doFilter(request, response);
    }

    /** JSON is UTF-8 unless the client names another charset (RFC 8259), which Spring then decodes itself. */
    private static boolean isUtf8Json(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().contains("json")) {
            return false;
        }
        String charset = request.getCharacterEncoding();
        return charset == null || charset.equalsIgnoreCase("UTF-8");
    }

    /** What is wrong with a raw (still percent-encoded) path or query string, or null. */
    static String urlProblem(String raw, String what) {
        byte[] decoded = PercentEncoding.decode(raw, 0);
        if (decoded == null) {
            return what + " has a '%' that is not followed by two hexadecimal digits.";
        }
        if (!isUtf8(decoded)) {
            return what + " is not valid UTF-8 once decoded.";
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                return what + " contains a control character.";
            }
        }
        return null;
    }

    /** Strict UTF-8: no overlong forms, no encoded surrogates, no stray continuation or invalid bytes. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
