package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every command endpoint fed malformed JSON, wrong types in every field, huge strings, invalid UTF-8,
 * control characters and deep nesting, by a user who may use it: always a 4xx with problem details,
 * never a 5xx or a stack trace, and nothing written.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputFuzzTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    final ObjectMapper json = new ObjectMapper();
    long businessEventsBefore;
    String assigned;
    String submitted;
    String approved;

    record Endpoint(String user, String path, Map<String, Object> validBody) {
    }

    @BeforeAll
    void walkAssignmentsToTheStatesTheEndpointsNeed() {
        DocketClient docket = new DocketClient(http);
        List<String> route = List.of("Lãnh đạo UBND thành phố");
        assigned = Walks.assign(docket, "Kế hoạch", "Phòng Tài chính - Kế hoạch", "2021-05-30", route);
        submitted = Walks.assign(docket, "Kế hoạch", "Phòng Tài chính - Kế hoạch", "2021-05-30", route);
        Walks.draft(docket, "tckh", submitted, "2021-04-20");
        approved = Walks.assign(docket, "Kế hoạch", "Phòng Tài chính - Kế hoạch", "2021-05-30", route);
        Walks.draft(docket, "tckh", approved, "2021-04-20");
        docket.ok("chair", "/api/assignments/" + approved + "/approvals", Map.of());
        businessEventsBefore = StoredEvents.business(eventStore);
    }

    @AfterAll
    void nothingWasWritten() {
        assertThat(StoredEvents.business(eventStore)).isEqualTo(businessEventsBefore);
    }

    List<Endpoint> endpoints() {
        Map<String, Object> assign = new LinkedHashMap<>();
        assign.put("title", "Kế hoạch");
        assign.put("kind", "PLAN");
        assign.put("leadUnit", "Phòng Kinh tế");
        assign.put("coordinatingUnits", List.of("Phòng Quản lý đô thị"));
        assign.put("deadline", "2021-05-30");
        assign.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        assign.put("source", Map.of("notice", "311/TB-UBND", "item", 1));
        assign.put("effectiveDate", "2021-04-13");
        String a = "/api/assignments/";
        return List.of(
                new Endpoint("clerk", "/api/assignments", assign),
                new Endpoint("tckh", a + assigned + "/drafts", Map.of("documentName", "v1.docx",
                        "documentUrl", "https://vanban.example.vn/v1", "note", "bản 1", "effectiveDate", "2021-04-20")),
                new Endpoint("chair", a + submitted + "/revision-requests", Map.of("reasons", List.of("Bổ sung"),
                        "dueDate", "2021-05-20", "effectiveDate", "2021-04-21")),
                new Endpoint("chair", a + submitted + "/approvals", Map.of("note", "Đồng ý", "effectiveDate", "2021-04-21",
                        "decisionRef", Map.of("number", "45-TB/TU", "date", "2021-04-21"))),
                new Endpoint("clerk", a + approved + "/issuance", Map.of("documentNumber", "95/KH-UBND", "issuedOn", "2021-05-01")),
                new Endpoint("clerk", a + assigned + "/deadline-extensions", Map.of("newDeadline", "2021-06-30",
                        "reason", "Chờ số liệu", "effectiveDate", "2021-04-20")),
                new Endpoint("clerk", a + assigned + "/reassignment", Map.of("leadUnit", "Phòng Kinh tế", "reason", "x",
                        "effectiveDate", "2021-04-20")),
                new Endpoint("clerk", a + assigned + "/cancellation", Map.of("reason", "Trùng", "effectiveDate", "2021-04-20")),
                new Endpoint("clerk", "/api/notices", Map.of("notice", Map.of("number", "1/TB-UBND", "meetingOn", "2021-04-13"),
                        "items", List.of(Map.of("ordinal", 1, "kind", "PLAN", "title", "Kế hoạch", "lead", "Phòng Kinh tế",
                                "submitTo", List.of("Lãnh đạo UBND thành phố"))))));
    }

    static boolean isDateField(String field) {
        return field.toLowerCase().contains("date") || field.equals("deadline") || field.equals("issuedOn");
    }

    /** Values of the wrong type for a field, judged from its valid value. */
    static List<Object> wrongValuesFor(String field, Object valid) {
        if (valid instanceof String && isDateField(field)) {
            return List.of("25/4/2021", "2021-02-30", 44000, true, List.of());
        }
        if (field.equals("kind")) {
            return List.of("KE_HOACH", 1, List.of());
        }
        if (valid instanceof String) {
            return List.of(123, true, List.of("x"), Map.of("x", 1));
        }
        if (valid instanceof List) {
            return List.of("x", 7, Map.of("x", 1), List.of(List.of(1)));
        }
        if (valid instanceof Map) {
            return List.of("x", 7, List.of(1));
        }
        return List.of("x", List.of());
    }

    List<Object[]> casesFor(Endpoint e) throws Exception {
        List<Object[]> cases = new ArrayList<>();
        String valid = json.writeValueAsString(e.validBody());
        cases.add(new Object[] {"an empty body", new byte[0]});
        cases.add(new Object[] {"a truncated body", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8)});
        cases.add(new Object[] {"null", "null".getBytes(StandardCharsets.UTF_8)});
        cases.add(new Object[] {"an array", "[]".getBytes(StandardCharsets.UTF_8)});
        cases.add(new Object[] {"a bare string", "\"x\"".getBytes(StandardCharsets.UTF_8)});
        cases.add(new Object[] {"deep nesting", ("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8)});
        cases.add(new Object[] {"a 2 MB body", ("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)});
        byte[] invalidUtf8 = valid.replaceFirst(":\"", ":\"\u0001MARK").getBytes(StandardCharsets.UTF_8);
        String marked = new String(invalidUtf8, StandardCharsets.ISO_8859_1).replace("\u0001MARK", "\u00c3\u0028");
        cases.add(new Object[] {"invalid UTF-8", marked.getBytes(StandardCharsets.ISO_8859_1)});
        for (Map.Entry<String, Object> field : e.validBody().entrySet()) {
            for (Object wrong : wrongValuesFor(field.getKey(), field.getValue())) {
                Map<String, Object> body = new LinkedHashMap<>(e.validBody());
                body.put(field.getKey(), wrong);
                cases.add(new Object[] {field.getKey() + " = " + json.writeValueAsString(wrong),
                        json.writeValueAsBytes(body)});
            }
            if (field.getValue() instanceof String) {
                Map<String, Object> huge = new LinkedHashMap<>(e.validBody());
                huge.put(field.getKey(), "ạ".repeat(100_000));
                cases.add(new Object[] {field.getKey() + " of 100,000 characters", json.writeValueAsBytes(huge)});
                Map<String, Object> control = new LinkedHashMap<>(e.validBody());
                control.put(field.getKey(), "Kế\u0000hoạch\u001b[31m");
                cases.add(new Object[] {field.getKey() + " with control characters", json.writeValueAsBytes(control)});
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> malformed_input_to_any_command_gets_a_4xx_problem_and_writes_nothing() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Object[] c : casesFor(e)) {
                tests.add(DynamicTest.dynamicTest(e.path().replaceAll("[0-9a-f-]{36}", "{id}") + " with " + c[0], () -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    ResponseEntity<String> response = http.withBasicAuth(e.user(), "demo")
                            .exchange(e.path(), HttpMethod.POST, new HttpEntity<>((byte[]) c[1], headers), String.class);
                    assertThat(response.getStatusCode().is4xxClientError()).as("%s with %s: %s %s", e.path(), c[0],
                            response.getStatusCode(), response.getBody()).isTrue();
                    assertThat(response.getBody()).contains("\"rule\"").doesNotContain("Exception", "at org.", "vn.docket.");
                }));
            }
        }
        return tests.stream();
    }
}
