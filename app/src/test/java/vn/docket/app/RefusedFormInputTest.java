package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.events.DraftSubmitted;

/**
 * Bad input where a JSON body's rules did not reach: the multipart forms (a draft's hand-in, the issuance with its
 * file, the notice to preview) and the administration of users. Each was stored, dropped without a word or answered
 * 500 on main; now a 4xx problem naming the rule, and nothing written. Raw HTTP, so that the bytes on the wire are
 * exactly the ones under test.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RefusedFormInputTest {

    static final String BOUNDARY = "b0undary";
    static final Part PLAN = file("file", "Kế hoạch v1.txt", "Kế hoạch, dự thảo 1");

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    String assigned;

    @BeforeEach
    void anAssignmentWaitingForItsDraft() {
        assigned = Walks.assign(new DocketClient(http), "Kế hoạch", "Phòng Tài chính - Kế hoạch", "2021-05-30",
                List.of("Lãnh đạo UBND thành phố"));
    }

    /** One part of a form: its name, its file name (null for a field) and its bytes. */
    record Part(String name, String fileName, byte[] bytes) {
    }

    static Part field(String name, String value) {
        return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    static Part file(String name, String fileName, String content) {
        return new Part(name, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] form(Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: text/plain")
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.bytes());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    record Answer(int status, Map<String, Object> problem) {
    }

    @SuppressWarnings("unchecked")
    Answer post(String user, String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().startsWith("{") ? json.readValue(response.body(), Map.class) : Map.of());
    }

    Answer handIn(Part... parts) throws Exception {
        return post("tckh", "/api/assignments/" + assigned + "/drafts", "multipart/form-data; boundary=" + BOUNDARY, form(parts));
    }

    Answer preview(String contentType, byte[] body) throws Exception {
        return post("clerk", "/api/notices/preview", contentType, body);
    }

    /** Refused with the status and the rule, as a problem whose type names the rule (the page words it from there). */
    static void refused(Answer answer, int status, String rule) {
        assertThat(answer.status()).as("%s", answer.problem()).isEqualTo(status);
        assertThat(answer.problem()).containsEntry("rule", rule).containsEntry("type", "urn:docket:problem:" + rule);
    }

    long events() {
        return StoredEvents.business(eventStore);
    }

    long drafts() {
        return StoredEvents.count(eventStore, p -> p instanceof DraftSubmitted d && d.assignmentId().toString().equals(assigned));
    }

    /** A draft handed in "on 20/4" by an integration that wrote efectiveDate would be recorded as handed in today. */
    @Test
    void a_mistyped_form_field_in_a_hand_in_is_refused_naming_it_and_writes_nothing() throws Exception {
        long before = events();
        Answer mistyped = handIn(PLAN, field("efectiveDate", "2021-04-20"));
        refused(mistyped, 400, "malformed-request");
        assertThat((String) mistyped.problem().get("detail")).contains("field 'efectiveDate' is not one this request takes");
        assertThat(events()).isEqualTo(before);
        assertThat(drafts()).isZero();
    }

    @Test
    void a_mistyped_form_field_is_refused_in_words_for_a_form_not_as_json_nobody_sent() throws Exception {
        // main said "The request body is not valid JSON of the expected shape" to a clerk's script that sent a form.
        Answer handIn = handIn(PLAN, field("efectiveDate", "2021-04-20"));
        Answer issuance = post("clerk", "/api/assignments/" + assigned + "/issuance", "multipart/form-data; boundary=" + BOUNDARY,
                form(field("documentNumber", "95/KH-UBND"), field("isuedOn", "2021-05-01"), PLAN));
        for (Answer mistyped : List.of(handIn, issuance)) {
            refused(mistyped, 400, "malformed-request");
            assertThat((String) mistyped.problem().get("detail")).startsWith("The form's fields are not of the expected shape: field '")
                    .doesNotContain("JSON");
        }
        assertThat((String) issuance.problem().get("detail")).contains("'isuedOn' is not one this request takes");
        // The same field in a JSON body is still worded for JSON.
        Answer json = post("tckh", "/api/assignments/" + assigned + "/drafts", "application/json",
                "{\"documentName\": \"KH.docx\", \"documentUrl\": \"https://vanban.example.vn/kh\", \"efectiveDate\": \"2021-04-20\"}"
                        .getBytes(StandardCharsets.UTF_8));
        refused(json, 400, "malformed-request");
        assertThat((String) json.problem().get("detail")).startsWith("The request body is not valid JSON of the expected shape");
    }

    @Test
    void a_form_field_given_twice_in_a_hand_in_is_refused_naming_it_as_in_a_json_body_and_writes_nothing() throws Exception {
        long before = events();
        // main recorded the draft with the first note: what a proxy or a log reading the last one never saw.
        Answer twice = handIn(PLAN, field("note", "Bản một"), field("note", "Bản hai"));
        refused(twice, 400, "malformed-request");
        assertThat((String) twice.problem().get("detail")).contains("field 'note' is given twice");
        refused(handIn(field("effectiveDate", "2021-04-20"), PLAN, field("effectiveDate", "2021-04-21")), 400, "malformed-request");
        refused(handIn(PLAN, file("file", "Kế hoạch v2.txt", "Kế hoạch, dự thảo 2")), 400, "malformed-request");
        refused(handIn(field("file", "Kế hoạch"), PLAN), 400, "malformed-request");
        Answer issuance = post("clerk", "/api/assignments/" + assigned + "/issuance", "multipart/form-data; boundary=" + BOUNDARY,
                form(field("documentNumber", "95/KH-UBND"), field("documentNumber", "96/KH-UBND"), field("issuedOn", "2021-05-01"), PLAN));
        refused(issuance, 400, "malformed-request");
        assertThat((String) issuance.problem().get("detail")).contains("field 'documentNumber' is given twice");
        assertThat(events()).isEqualTo(before);
        // Each field once, as the web app sends them: handed in.
        assertThat(handIn(PLAN, field("note", "Bản một"), field("effectiveDate", "2021-04-20")).status()).isEqualTo(201);
    }

    @Test
    void a_note_sent_as_a_file_in_a_hand_in_is_refused_rather_than_dropped() throws Exception {
        long before = events();
        // main recorded the draft without its note (and a date sent so without the date): the part was skipped.
        refused(handIn(PLAN, file("note", "ghi chú.txt", "Đã tiếp thu ý kiến")), 400, "malformed-request");
        refused(handIn(PLAN, file("effectiveDate", "ngày.txt", "2021-04-20")), 400, "malformed-request");
        assertThat(drafts()).isZero();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_form_field_that_is_not_utf8_is_refused_rather_than_stored_as_replacement_characters() throws Exception {
        long before = events();
        // An overlong "/" (C0 AF), a stray byte, a Latin-1 "é": main stored each as U+FFFD, text nobody typed.
        for (byte[] bad : List.of(new byte[] {'a', (byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF},
                new byte[] {'c', 'a', 'f', (byte) 0xE9}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            refused(handIn(PLAN, new Part("note", null, bad)), 400, "malformed-text");
        }
        assertThat(drafts()).isZero();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_file_name_that_is_not_utf8_is_refused_rather_than_stored_with_replacement_characters() throws Exception {
        long before = events();
        // "Kế hoạch café.txt" with a Latin-1 é: main recorded the draft as "Kế hoạch caf\uFFFD.txt", a name nobody typed.
        byte[] body = form(new Part("file", "Kế hoạch caf@.txt", PLAN.bytes()));
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf('@');
        body[at] = (byte) 0xE9;
        refused(post("tckh", "/api/assignments/" + assigned + "/drafts", "multipart/form-data; boundary=" + BOUNDARY, body),
                422, "file-name-invalid");
        assertThat(drafts()).isZero();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_hand_in_cut_off_after_its_file_is_refused_rather_than_recorded_without_the_fields_that_followed() throws Exception {
        long before = events();
        byte[] whole = form(PLAN, field("note", "Đã tiếp thu ý kiến"), field("effectiveDate", "2021-04-20"));
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int afterFile = text.indexOf("--" + BOUNDARY, text.indexOf("--" + BOUNDARY) + 1) + BOUNDARY.length() + 2;
        // The body ends with the boundary after the file, or something else follows it: main took the form as whole
        // and recorded the draft without its note, effective today rather than on the date that was to follow.
        for (byte[] cut : List.of(java.util.Arrays.copyOf(whole, afterFile), java.util.Arrays.copyOf(whole, afterFile + 1),
                (text.substring(0, afterFile) + "xx").getBytes(StandardCharsets.ISO_8859_1))) {
            refused(post("tckh", "/api/assignments/" + assigned + "/drafts", "multipart/form-data; boundary=" + BOUNDARY, cut),
                    400, "malformed-request");
        }
        assertThat(drafts()).isZero();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_broken_notice_form_is_a_400_naming_the_rule_not_a_500() throws Exception {
        String form = "multipart/form-data; boundary=" + BOUNDARY;
        byte[] cutOff = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"311.txt\"\r\n\r\nSố: 311")
                .getBytes(StandardCharsets.UTF_8);
        // Each answered 500 internal-error on main: Tomcat's parse failure reached the catch-all.
        refused(preview(form, cutOff), 400, "malformed-request");
        refused(preview("multipart/form-data", form(file("file", "311.txt", "Số: 311/TB-UBND"))), 400, "malformed-request");
        refused(preview(form, form(file("file", "311\u0000.txt", "Số: 311/TB-UBND"))), 400, "malformed-request");
    }

    @Test
    void a_form_sent_to_an_address_that_takes_json_is_refused_415_unread() throws Exception {
        String form = "multipart/form-data; boundary=" + BOUNDARY;
        byte[] cutOff = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\nlan").getBytes(StandardCharsets.UTF_8);
        // main parsed any form before looking for the address's handler (this one answered 500, being cut off), and
        // spooled its files to disk: sent chunked, up to 51 MB to an address that takes 1 MB of JSON.
        for (String path : List.of("/api/admin/users", "/api/assignments", "/api/me/tokens")) {
            refused(post(path.startsWith("/api/admin") ? "admin" : "clerk", path, form, cutOff), 415, "unsupported-media-type");
        }
    }

    @Test
    void a_notice_preview_without_its_file_or_with_two_is_refused_in_docket_words() throws Exception {
        String form = "multipart/form-data; boundary=" + BOUNDARY;
        // main answered type about:blank, rule http-400: nothing the page could word. Two files: it read the first.
        refused(preview(form, form(field("other", "x"))), 400, "malformed-request");
        refused(preview(form, form(field("file", "Số: 311/TB-UBND"))), 400, "malformed-request");
        Answer two = preview(form, form(file("file", "311.txt", "Số: 311/TB-UBND"), file("file", "312.txt", "Số: 312/TB-UBND")));
        refused(two, 400, "malformed-request");
        assertThat((String) two.problem().get("detail")).contains("field 'file' is given twice");
    }

    @Test
    void a_notice_whose_file_name_is_long_in_vietnamese_is_previewed_not_refused_as_too_large() throws Exception {
        // A .docx saved on a Mac under a 255-letter name (NFD, as its file system keeps it), with the media type a browser
        // sends: its part's headers take about 550 bytes, and Tomcat took at most 512. main answered 413 file-too-large
        // ("Docket takes files up to 50 MB") for a notice of a few kilobytes; the hand-in reads such a name (DraftFiles).
        String name = Normalizer.normalize(("Kết luận của Chủ tịch Ủy ban nhân dân thành phố tại Hội nghị về việc triển khai"
                + " thực hiện Nghị quyết của Ban Thường vụ Thành ủy về đẩy mạnh cải cách hành chính, nâng cao chỉ số năng lực"
                + " cạnh tranh và chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan nhà nước").substring(0, 250)
                + ".docx", Normalizer.Form.NFD);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(DraftFilesTest.docx(List.of("THÔNG BÁO", "Số: 311/TB-UBND")));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));

        Answer read = preview("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
        assertThat(read.status()).as("%s", read.problem()).isEqualTo(200);
        assertThat(read.problem()).containsKey("notice");
    }

    @Test
    void a_role_typed_with_a_letter_outside_its_name_is_refused_and_nothing_is_recorded() throws Exception {
        String id = "lan-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String lan = "{\"id\": \"" + id + "\", \"name\": \"Nguyễn Thị Lan\", \"role\": \"CLERK\", \"unit\": \"Văn phòng HĐND và UBND thành phố\","
                + " \"password\": \"một mật khẩu đủ dài\"}";
        assertThat(post("admin", "/api/admin/users", "application/json", lan.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        long before = events();
        // A dotless "admın" upper-cases to ADMIN: main made the person an administrator from a word nobody meant.
        refused(post("admin", "/api/admin/users/" + id + "/role", "application/json",
                "{\"role\": \"admın\"}".getBytes(StandardCharsets.UTF_8)), 422, "invalid-role");
        refused(post("admin", "/api/admin/users", "application/json",
                lan.replace(id, id + "-2").replace("CLERK", "admın").getBytes(StandardCharsets.UTF_8)), 422, "invalid-role");
        assertThat(events()).isEqualTo(before);
        // The role's name in any case is still the role.
        assertThat(post("admin", "/api/admin/users/" + id + "/role", "application/json",
                "{\"role\": \"auditor\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    }
}
