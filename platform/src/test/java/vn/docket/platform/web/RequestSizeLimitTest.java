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

    final RequestSizeLimit limit = new RequestSizeLimit(new ObjectMapper(), DataSize.ofMegabytes(51), DataSize.ofMegabytes(50));

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

    /** The browser sends the length of a draft's form: refused here, the person must still learn the file's limit. */
    @Test
    void an_upload_over_the_limit_by_its_length_is_told_the_files_limit_and_a_command_is_not() throws Exception {
        MockHttpServletRequest draft = declaring(52L * 1024 * 1024, "/api/assignments/" + java.util.UUID.randomUUID()
                + "/drafts");
        draft.setContentType("multipart/form-data; boundary=b0undary");
        MockHttpServletResponse refused = new MockHttpServletResponse();
        limit.doFilter(draft, refused, (request, r) -> { });
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentAsString()).contains("\"rule\":\"request-too-large\"", "\"maxMb\":50");

        MockHttpServletRequest notice = declaring(22L * 1024 * 1024, "/api/notices/preview");
        notice.setContentType("multipart/form-data; boundary=b0undary");
        refused = new MockHttpServletResponse();
        limit.doFilter(notice, refused, (request, r) -> { });
        assertThat(refused.getContentAsString()).contains("\"maxMb\":20");

        MockHttpServletRequest command = declaring(2L * 1024 * 1024, "/api/assignments");
        command.setContentType("application/json");
        refused = new MockHttpServletResponse();
        limit.doFilter(command, refused, (request, r) -> { });
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentAsString()).contains("request-too-large").doesNotContain("maxMb");
    }

    /** A POST declaring a body of {@code length} bytes, as a Content-Length header does. */
    private static MockHttpServletRequest declaring(long length, String uri) {
        return new MockHttpServletRequest("POST", uri) {
            @Override
            public long getContentLengthLong() {
                return length;
            }
        };
    }
}
