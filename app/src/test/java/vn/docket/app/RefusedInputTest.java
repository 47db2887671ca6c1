package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
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

/**
 * Input an outside run sent to main, each answered there with a 500 (some after storing the change) or
 * accepted when it should not have been: now a 4xx naming the rule, and nothing written. Raw HTTP, so
 * that the bytes on the wire are exactly the ones under test.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RefusedInputTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    DocketClient docket;
    String assigned;

    @BeforeEach
    void anAssignmentWithADraftToReview() {
        docket = new DocketClient(http);
        assigned = Walks.assign(docket, "Kế hoạch", "Phòng Tài chính - Kế hoạch", "2021-05-30",
                List.of("Lãnh đạo UBND thành phố"));
    }

    record Answer(int status, Map<String, Object> problem) {
    }

    @SuppressWarnings("unchecked")
    Answer send(String user, String method, String rawPathAndQuery, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + rawPathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> problem = response.body().startsWith("{") ? json.readValue(response.body(), Map.class) : Map.of();
        return new Answer(response.statusCode(), problem);
    }

    Answer post(String user, String path, byte[] body) throws Exception {
        return send(user, "POST", path, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    Answer post(String user, String path, String body) throws Exception {
        return post(user, path, body.getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String user, String rawPathAndQuery) throws Exception {
        return send(user, "GET", rawPathAndQuery, HttpRequest.BodyPublishers.noBody());
    }

    long events() {
        return StoredEvents.business(eventStore);
    }

    static void refused(Answer answer, int status, String rule) {
        assertThat(answer.status()).as("%s", answer.problem()).isEqualTo(status);
        assertThat(answer.problem()).containsEntry("rule", rule);
    }

    Map<String, Object> plan(String field, Object value) {
        Map<String, Object> body = new HashMap<>(CommandApiErrorsTest.plan());
        body.put(field, value);
        return body;
    }

    @Test
    void an_extension_to_the_year_300000000_is_refused_and_the_deadline_stays() throws Exception {
        long before = events();
        refused(post("clerk", "/api/assignments/" + assigned + "/deadline-extensions",
                "{\"newDeadline\": \"+300000000-01-01\", \"reason\": \"Chờ số liệu\"}"), 422, "date-out-of-range");
        assertThat(events()).isEqualTo(before);
        // Before, the deadline manager failed after DeadlineExtended was stored: a 500 whose change stuck.
        assertThat(docket.getOk("clerk", "/api/assignments/" + assigned)).containsEntry("deadline", "2021-05-30");
    }

    @Test
    void a_revision_request_due_in_the_year_300000000_is_refused_and_writes_nothing() throws Exception {
        Walks.draft(docket, "tckh", assigned, "2021-04-20");
        long before = events();
        refused(post("chair", "/api/assignments/" + assigned + "/revision-requests",
                "{\"reasons\": [\"Bổ sung\"], \"dueDate\": \"+300000000-01-01\"}"), 422, "date-out-of-range");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void dates_outside_1990_to_2100_are_refused_in_every_field_and_parameter() throws Exception {
        long before = events();
        for (String date : List.of("+999999999-12-31", "0000-01-01", "-999999999-01-01", "1989-12-31", "2101-01-01")) {
            refused(post("clerk", "/api/assignments", json.writeValueAsBytes(plan("deadline", date))), 422, "date-out-of-range");
            refused(post("clerk", "/api/assignments", json.writeValueAsBytes(plan("effectiveDate", date))), 422, "date-out-of-range");
            refused(post("clerk", "/api/assignments/" + assigned + "/deadline-extensions", json.writeValueAsBytes(
                    Map.of("newDeadline", date, "reason", "x"))), 422, "date-out-of-range");
            refused(get("auditor", "/api/assignments?deadlineFrom=" + date.replace("+", "%2B")), 422, "date-out-of-range");
            refused(get("auditor", "/api/audit?from=" + date.replace("+", "%2B")), 422, "date-out-of-range");
            refused(get("auditor", "/api/reports/follow-up?from=" + date.replace("+", "%2B") + "&to=2021-12-31"),
                    422, "date-out-of-range");
        }
        refused(get("auditor", "/api/reports/follow-up?period=0001"), 422, "date-out-of-range");
        refused(get("auditor", "/api/reports/follow-up?period=last-month&asOf=9999-12-31"), 422, "date-out-of-range");
        assertThat(events()).isEqualTo(before);
        // Both ends are inside.
        assertThat(get("auditor", "/api/assignments?deadlineFrom=1990-01-01&deadlineTo=2100-12-31").status()).isEqualTo(200);
    }

    /**
     * A title, unit or reason pasted as only a zero-width space, a byte-order mark or a word joiner shows as nothing:
     * it is as missing as one of spaces. Such a character inside words stays as typed.
     */
    @Test
    void text_of_only_invisible_characters_is_refused_as_missing_and_writes_nothing() throws Exception {
        long before = events();
        for (String invisible : List.of("\u200b", "\ufeff", "\u2060", " \u200b\u00a0\u200c ", "\u200d\u2028")) {
            refused(post("clerk", "/api/assignments", json.writeValueAsBytes(plan("title", invisible))), 422, "title-required");
            refused(post("clerk", "/api/assignments/" + assigned + "/reassignment", json.writeValueAsBytes(
                    Map.of("leadUnit", invisible, "reason", "Chuyển"))), 422, "lead-unit-required");
        }
        assertThat(events()).isEqualTo(before);
        assertThat(post("clerk", "/api/assignments", json.writeValueAsBytes(plan("title", "Kế\u200bhoạch"))).status())
                .isEqualTo(201);
    }

    @Test
    void json_followed_by_garbage_or_a_second_object_is_refused() throws Exception {
        long before = events();
        String valid = json.writeValueAsString(CommandApiErrorsTest.plan());
        refused(post("clerk", "/api/assignments", valid + "garbage"), 400, "malformed-request");
        refused(post("clerk", "/api/assignments", valid + valid), 400, "malformed-request");
        assertThat(events()).isEqualTo(before);
    }

    /**
     * {"title": "A", "title": "B"} says two things: Docket stored B, where another reader of the same request (a
     * proxy, a log) would take A. Refused as no one request, like a second object after the first.
     */
    @Test
    void a_field_given_twice_in_one_json_body_is_refused_and_writes_nothing() throws Exception {
        long before = events();
        String valid = json.writeValueAsString(CommandApiErrorsTest.plan());
        refused(post("clerk", "/api/assignments", "{\"title\": \"Kế hoạch A\", " + valid.substring(1)), 400,
                "malformed-request");
        Answer twice = post("clerk", "/api/assignments/" + assigned + "/cancellation",
                "{\"reason\": \"Trùng\", \"reason\": \"Không trùng\"}");
        refused(twice, 400, "malformed-request");
        assertThat((String) twice.problem().get("detail")).contains("field 'reason' is given twice");
        assertThat(events()).isEqualTo(before);
    }

    /** An assignment is kept for good: a deadline sent as "deadlne" must not leave it recorded without one. */
    @Test
    void a_mistyped_field_name_is_refused_naming_it_and_writes_nothing() throws Exception {
        long before = events();
        Map<String, Object> plan = CommandApiErrorsTest.plan();
        plan.put("deadlne", "2021-04-30");
        Answer mistyped = post("clerk", "/api/assignments", json.writeValueAsString(plan));
        refused(mistyped, 400, "malformed-request");
        assertThat((String) mistyped.problem().get("detail")).contains("field 'deadlne' is not one this request takes");
        refused(post("clerk", "/api/assignments/" + assigned + "/cancellation", "{\"reason\": \"Trùng\", \"effectveDate\": "
                + "\"2021-04-20\"}"), 400, "malformed-request");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_overlong_utf8_slash_or_a_lone_surrogate_in_a_title_is_refused_not_stored() throws Exception {
        long before = events();
        String valid = json.writeValueAsString(plan("title", "Kế hoạch MARK"));
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80})) {
            String[] halves = valid.split("MARK");
            byte[] body = concat(halves[0].getBytes(StandardCharsets.UTF_8), bad, halves[1].getBytes(StandardCharsets.UTF_8));
            refused(post("clerk", "/api/assignments", body), 400, "malformed-text");
        }
        refused(post("clerk", "/api/assignments", valid.replace("MARK", "\\ud800")), 400, "malformed-request");
        refused(post("clerk", "/api/assignments", valid.replace("MARK", "\\udc00\\ud800")), 400, "malformed-request");
        assertThat(events()).isEqualTo(before);
        // A real pair is a character like any other.
        assertThat(post("clerk", "/api/assignments", valid.replace("MARK", "\\ud83d\\udcc4")).status()).isEqualTo(201);
    }

    @Test
    void a_body_over_1_MB_is_refused_when_sent_chunked_too() throws Exception {
        long before = events();
        byte[] big = json.writeValueAsBytes(plan("title", "a".repeat(1_600_000)));
        refused(post("clerk", "/api/assignments", big), 413, "request-too-large");
        // No Content-Length: the body is counted as it is read.
        refused(send("clerk", "POST", "/api/assignments",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))), 413, "request-too-large");
        assertThat(events()).isEqualTo(before);
        byte[] small = json.writeValueAsBytes(CommandApiErrorsTest.plan());
        assertThat(send("clerk", "POST", "/api/assignments",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).status()).isEqualTo(201);
    }

    @Test
    void control_characters_and_malformed_utf8_in_query_parameters_and_paths_are_a_400() throws Exception {
        for (String query : List.of("q=%00", "q=a%1Bb", "unit=%C0%AF", "q=%ED%A0%80", "q=%FF", "q=%E1%BA")) {
            refused(get("auditor", "/api/assignments?" + query), 400, "malformed-text");
        }
        assertThat(get("auditor", "/api/assignments/%00").status()).isEqualTo(400);
        assertThat(get("auditor", "/api/assignments?q=" + java.net.URLEncoder.encode("kế hoạch", StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
    }

    @Test
    void a_note_or_title_over_4000_characters_is_refused_as_too_long_naming_the_field_and_writes_nothing() throws Exception {
        long before = events();
        Answer note = post("clerk", "/api/assignments/" + assigned + "/reminders",
                json.writeValueAsString(Map.of("note", "Đôn đốc. ".repeat(500))));
        refused(note, 422, "too-long");
        assertThat(note.problem().get("detail")).asString().contains("note").contains("4000");
        refused(post("clerk", "/api/assignments", json.writeValueAsString(plan("title", "ạ".repeat(4001)))), 422, "too-long");
        assertThat(events()).isEqualTo(before);
        // 4,000 characters are still a note.
        assertThat(post("clerk", "/api/assignments/" + assigned + "/reminders",
                json.writeValueAsString(Map.of("note", "ạ".repeat(4000)))).status()).isEqualTo(201);
    }

    @Test
    void a_hand_in_with_its_file_reads_its_form_fields_as_strictly_as_a_json_body() throws Exception {
        long before = events();
        // 31/2 was a 500; a date outside the window and a note over 4,000 characters were accepted.
        refused(handIn("effectiveDate", "31/2/2026"), 400, "malformed-request");
        refused(handIn("effectiveDate", "2200-01-01"), 422, "date-out-of-range");
        refused(handIn("note", "ạ".repeat(4001)), 422, "too-long");
        assertThat(events()).isEqualTo(before);
        assertThat(handIn("note", "Dự thảo lần 1").status()).isEqualTo(201);
    }

    /** The lead unit hands in a text file as the web app does, with one more form field. */
    @SuppressWarnings("unchecked")
    Answer handIn(String field, String value) {
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("file", new org.springframework.core.io.ByteArrayResource("Kế hoạch, dự thảo 1".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "Kế hoạch v1.txt";
            }
        });
        form.add(field, value);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        org.springframework.http.ResponseEntity<Map> response = http.withBasicAuth("tckh", "demo").postForEntity(
                "/api/assignments/" + assigned + "/drafts", new org.springframework.http.HttpEntity<>(form, headers), Map.class);
        return new Answer(response.getStatusCode().value(), response.getBody() == null ? Map.of() : response.getBody());
    }

    @Test
    void a_path_the_firewall_refuses_and_the_error_page_itself_are_answered_as_problems_naming_the_rule() throws Exception {
        // Spring Security's firewall refuses these before any controller; they were answered with Spring Boot's
        // {"timestamp", "status", "error", "path"}, and GET /error with a 500.
        for (String path : List.of("/api//assignments", "/api/assignments;x=1", "/api/%2e%2e/me", "//index.html")) {
            refused(get("auditor", path), 400, "malformed-request");
        }
        refused(get("auditor", "/error"), 404, "not-found");
    }

    @Test
    void an_unknown_api_path_a_method_or_a_body_type_an_address_does_not_take_are_answered_in_docket_words() throws Exception {
        // Spring answered these itself: "No static resource api/nosuch.", "Request method 'DELETE' is not supported".
        for (String path : List.of("/api/nosuch", "/api/assignments/" + assigned + "/nosuch")) {
            Answer unknown = get("auditor", path);
            refused(unknown, 404, "not-found");
            assertThat(unknown.problem()).containsEntry("detail", "Docket has nothing at " + path + ".");
        }
        Answer deleted = send("clerk", "DELETE", "/api/assignments/" + assigned, HttpRequest.BodyPublishers.noBody());
        refused(deleted, 405, "method-not-allowed");
        assertThat(deleted.problem()).containsEntry("detail", "/api/assignments/" + assigned + " does not take DELETE; it takes GET.");

        long before = events();
        HttpResponse<String> typed = client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/assignments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Kế hoạch")).build(),
                HttpResponse.BodyHandlers.ofString());
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = json.readValue(typed.body(), Map.class);
        refused(new Answer(typed.statusCode(), problem), 415, "unsupported-media-type");
        assertThat((String) problem.get("detail"))
                .startsWith("/api/assignments does not read a body of type text/plain; send application/json");
        assertThat(typed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_page_no_list_can_reach_is_refused_and_one_past_the_end_is_empty() throws Exception {
        refused(get("auditor", "/api/assignments?page=2147483647"), 422, "page-out-of-range");
        refused(get("auditor", "/api/audit?page=2147483647&size=200"), 422, "page-out-of-range");
        refused(get("auditor", "/api/assignments?page=-1"), 422, "page-negative");
        refused(get("auditor", "/api/assignments?page=99999999999"), 400, "malformed-request");
        Map<String, Object> far = docket.getOk("auditor", "/api/assignments?page=100000&size=200");
        assertThat((List<?>) far.get("items")).isEmpty();
        assertThat(far).containsEntry("page", 100000);
        assertThat(((Number) far.get("total")).longValue()).isPositive();
    }

    static byte[] concat(byte[]... parts) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return out.toByteArray();
    }
}
