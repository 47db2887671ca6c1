package vn.docket.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** What the size limit reads of a request, and what it hands on. */
class RequestSizeLimitTest {

    final RequestSizeLimit limit = new RequestSizeLimit(new ObjectMapper(), DataSize.ofMegabytes(51));

    /** A request whose body counts the reads into a buffer (each takes a buffer of the reader's). */
    static final class Counted extends MockHttpServletRequest {
        final AtomicInteger bufferedReads = new AtomicInteger();
        final InputStream body;

        Counted(String method, byte[] body) {
            super(method, "/api/assignments");
            this.body = new ByteArrayInputStream(body);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new DelegatingServletInputStream(body) {
                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    bufferedReads.incrementAndGet();
                    return super.read(b, off, len);
                }
            };
        }
    }

    @Test
    void a_request_without_a_body_is_handed_on_with_an_empty_one_and_no_buffer_taken_to_read_it() throws Exception {
        // Most requests are GETs: reading their empty body cost an 8 KB buffer each (InputStream.readNBytes).
        Counted get = new Counted("GET", new byte[0]);
        AtomicReference<ServletRequest> handedOn = new AtomicReference<>();
        limit.doFilter(get, new MockHttpServletResponse(), (request, response) -> handedOn.set(request));

        assertThat(get.bufferedReads).hasValue(0);
        assertThat(handedOn.get()).isInstanceOf(BufferedBody.class);
        assertThat(((BufferedBody) handedOn.get()).body()).isEmpty();
        assertThat(handedOn.get().getInputStream().read()).isEqualTo(-1);
    }

    @Test
    void a_body_sent_in_chunks_without_a_length_is_still_counted_and_refused_past_the_limit() throws Exception {
        Counted chunked = new Counted("POST", new byte[(int) RequestSizeLimit.COMMAND_LIMIT + 1]);
        chunked.addHeader("Transfer-Encoding", "chunked");
        chunked.setContentType("application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> handedOn = new AtomicReference<>();
        limit.doFilter(chunked, response, (request, r) -> handedOn.set(request));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("request-too-large");
        assertThat(handedOn.get()).isNull();

        Counted small = new Counted("POST", "{\"a\":1}".getBytes());
        small.addHeader("Transfer-Encoding", "chunked");
        small.setContentType("application/json");
        limit.doFilter(small, new MockHttpServletResponse(), (request, r) -> handedOn.set(request));
        assertThat(((BufferedBody) handedOn.get()).body()).asString().isEqualTo("{\"a\":1}");

        Counted atTheLimit = new Counted("POST", new byte[(int) RequestSizeLimit.COMMAND_LIMIT]);
        atTheLimit.addHeader("Transfer-Encoding", "chunked");
        atTheLimit.setContentType("application/json");
        limit.doFilter(atTheLimit, new MockHttpServletResponse(), (request, r) -> handedOn.set(request));
        assertThat(((BufferedBody) handedOn.get()).body()).hasSize((int) RequestSizeLimit.COMMAND_LIMIT);
    }
}
