package vn.docket.command.draftfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the hand-in reads from a part's headers, where the library it replaced read otherwise or not at all. */
class PartHeadersTest {

    private static final String NAME = "Dự thảo.docx";
    private static final String ENCODED = "UTF-8''D%E1%BB%B1%20th%E1%BA%A3o.docx";

    private static PartHeaders headers(String disposition) {
        return PartHeaders.parse("Content-Disposition: " + disposition + "\r\n\r\n");
    }

    @Test
    void a_filename_star_wins_over_a_plain_filename_before_or_after_it() {
        assertThat(headers("form-data; name=\"file\"; filename=\"Du thao.docx\"; filename*=" + ENCODED).fileName()).isEqualTo(NAME);
        assertThat(headers("form-data; name=\"file\"; filename*=" + ENCODED + "; filename=\"Du thao.docx\"").fileName()).isEqualTo(NAME);
    }

    @Test
    void a_filename_star_in_iso_8859_1_is_decoded_and_its_charset_may_be_in_any_case() {
        assertThat(headers("form-data; name=file; filename*=iso-8859-1'vi'caf%E9.txt").fileName()).isEqualTo("café.txt");
        assertThat(headers("form-data; name=file; filename*=utf-8''caf%C3%A9.txt").fileName()).isEqualTo("café.txt");
    }

    @Test
    void a_filename_star_that_does_not_decode_leaves_the_plain_filename() {
        for (String broken : new String[] {"UTF-8''D%E1%BB", "UTF-8''%ZZ.docx", "UTF-8''%C3.docx", "KOI8-R''%C4.docx",
                "D%E1%BB%B1.docx", "UTF-8''a b.docx"}) {
            assertThat(headers("form-data; name=\"file\"; filename*=" + broken + "; filename=\"Du thao.docx\"").fileName())
                    .as(broken).isEqualTo("Du thao.docx");
        }
    }

    @Test
    void a_filename_star_alone_that_does_not_decode_names_an_empty_file_which_the_hand_in_refuses() {
        assertThat(headers("form-data; name=\"file\"; filename*=UTF-8''%ZZ").fileName()).isEmpty();
        assertThat(headers("form-data; name=\"note\"").fileName()).isNull();
    }

    @Test
    void a_quoted_name_loses_its_escapes_but_a_windows_path_sent_unescaped_keeps_its_backslashes() {
        assertThat(headers("form-data; name=\"file\"; filename=\"Báo \\\"cáo\\\" a\\\\b.docx\"").fileName())
                .isEqualTo("Báo \"cáo\" a\\b.docx");
        assertThat(headers("form-data; name=\"file\"; filename=\"C:\\tmp\\k\u1ebf ho\u1ea1ch.docx\"").fileName())
                .isEqualTo("C:\\tmp\\k\u1ebf ho\u1ea1ch.docx");
        assertThat(headers("form-data; name=\"file\"; filename=\"a; b=c.pdf\"").fileName()).isEqualTo("a; b=c.pdf");
    }

    @Test
    void quotes_and_line_breaks_a_browser_wrote_as_percent_escapes_are_read_back_in_a_plain_filename_only() {
        assertThat(headers("form-data; name=\"file\"; filename=\"Báo cáo %22Đề án%22.docx\"").fileName())
                .isEqualTo("Báo cáo \"Đề án\".docx");
        assertThat(headers("form-data; name=\"file\"; filename=\"a%0D%0Ab.docx\"").fileName()).isEqualTo("a\r\nb.docx");
        // In filename* a percent sign is RFC 5987's own escape, decoded once, and other escapes stay as sent.
        assertThat(headers("form-data; name=\"file\"; filename*=UTF-8''a%2522b.docx").fileName()).isEqualTo("a%22b.docx");
        assertThat(headers("form-data; name=\"file\"; filename=\"100%25 xong.docx\"").fileName()).isEqualTo("100%25 xong.docx");
    }

    @Test
    void header_and_parameter_names_are_read_in_any_case_and_parameters_in_any_order() {
        PartHeaders headers = PartHeaders.parse("CONTENT-DISPOSITION: Form-Data ; FILENAME = \"a.pdf\" ;Name=\"file\"\r\n"
                + "content-length: 12\r\ncontent-type: application/pdf\r\n\r\n");
        assertThat(headers.fieldName()).isEqualTo("file");
        assertThat(headers.fileName()).isEqualTo("a.pdf");
        assertThat(headers.get("Content-Length")).isEqualTo("12");
        assertThat(headers.get("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void a_header_continued_on_the_next_line_is_read_whole_and_the_first_of_a_name_counts() {
        PartHeaders headers = PartHeaders.parse("Content-Disposition: form-data;\r\n\tname=\"file\";\r\n filename=\"a.pdf\"\r\n"
                + "Content-Disposition: form-data; name=\"other\"\r\n\r\n");
        assertThat(headers.fieldName()).isEqualTo("file");
        assertThat(headers.fileName()).isEqualTo("a.pdf");
    }

    @Test
    void an_attachment_has_no_field_name_but_may_name_a_file() {
        assertThat(headers("attachment; name=\"file\"; filename=\"a.pdf\"").fieldName()).isNull();
        assertThat(headers("attachment; name=\"file\"; filename=\"a.pdf\"").fileName()).isEqualTo("a.pdf");
    }

    @Test
    void a_part_s_headers_are_read_up_to_8_kb_and_beyond_the_request_is_refused_as_too_large() throws IOException {
        String fits = "x".repeat(MultipartParts.HEADERS_MAX - 200);
        MultipartParts form = form("X-Padding: " + fits);
        assertThat(form.next()).isEqualTo(new MultipartParts.Part("file", "a.pdf", false));

        MultipartParts over = form("X-Padding: " + fits + "x".repeat(200));
        assertThatThrownBy(over::next).isInstanceOfSatisfying(MultipartParts.TooLarge.class, e -> assertThat(e.what).isEqualTo(MultipartParts.Over.HEADERS));
    }

    private static MultipartParts form(String header) throws IOException {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n" + header
                + "\r\n\r\n%PDF\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        return new MultipartParts(new ByteArrayInputStream(body), "multipart/form-data; boundary=b", body.length, 1 << 20, 1 << 20);
    }
}
