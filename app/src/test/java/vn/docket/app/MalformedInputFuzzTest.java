package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.platform.web.StrictJson;

/**
 * Every endpoint (commands, queries and their parameters, notice preview and registration, reports,
 * administration) fed malformed input generated from a seed: malformed or trailing JSON, wrong types, dates
 * outside the accepted window, huge or control-character text, lone surrogates, invalid UTF-8 in bodies,
 * paths and parameters, deep nesting, oversized and chunked bodies, and bad paging, each sent by a user who
 * may use the endpoint. Every answer must be a 4xx problem naming a rule, never a 2xx or a 5xx, and nothing
 * may be written. The forms are fuzzed too: a draft's hand-in with a field given twice, not UTF-8, sent as a file or
 * of the wrong shape, and the notice to preview cut off or without its file. It prints the count of cases by status.
 *
 * <p>Run another seed or more cases with {@code -Ddocket.fuzz.seed=... -Ddocket.fuzz.cases=...}; a failure
 * names its seed and case. The generator is a seeded {@link Random} inside one JUnit test, not jqwik: jqwik
 * runs on its own test engine, which does not apply JUnit Jupiter extensions such as Spring's, so it would
 * need the jqwik-spring add-on and a second engine for one test; the seed gives the same reproducibility.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputFuzzTest {

    static final long SEED = Long.getLong("docket.fuzz.seed", 18_2026L);
    static final int CASES = Integer.getInteger("docket.fuzz.cases", 200);

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient client = HttpClient.newHttpClient();
    String assigned;
    String submitted;
    String approved;
    String extensionAsked;
    /** A person the administration endpoints change; not configured, so that their rules are the ones reached. */
    static final String PERSON = "fuzzee";

    /** A POST endpoint with a valid JSON body to spoil; {id} in the path is an assignment or a user. */
    record Command(String user, String path, Map<String, Object> validBody) {
    }

    /** A GET endpoint and its parameters with the kind of value each takes. */
    record Query(String user, String path, Map<String, Kind> parameters) {
    }

    enum Kind { TEXT, INT, DATE, ENUM, UUID, ASOF, BOOLEAN }

    record Case(String user, String method, String path, String contentType, byte[] body, boolean chunked, String what) {
        @Override
        public String toString() {
            return method + " " + path + " as " + user + ": " + what;
        }
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
        extensionAsked = Walks.assign(docket, "Kế hoạch", "Phòng Tài chính - Kế hoạch", "2021-05-30", route);
        docket.ok("tckh", "/api/assignments/" + extensionAsked + "/extension-requests",
                Map.of("newDeadline", "2021-06-30", "reason", "Chờ số liệu"));
        docket.ok("admin", "/api/admin/users", Map.of("id", PERSON, "name", "Người thử", "role", "CLERK",
                "unit", "Văn phòng HĐND và UBND thành phố", "password", "một mật khẩu đủ dài"));
    }

    List<Command> commands() {
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
                new Command("clerk", "/api/assignments", assign),
                new Command("tckh", a + assigned + "/drafts", Map.of("documentName", "v1.docx",
                        "documentUrl", "https://vanban.example.vn/v1", "note", "bản 1", "effectiveDate", "2021-04-20")),
                new Command("chair", a + submitted + "/revision-requests", Map.of("reasons", List.of("Bổ sung"),
                        "dueDate", "2021-05-20", "effectiveDate", "2021-04-21")),
                new Command("chair", a + submitted + "/approvals", Map.of("note", "Đồng ý", "effectiveDate", "2021-04-21",
                        "decisionRef", Map.of("number", "45-TB/TU", "date", "2021-04-21"))),
                new Command("clerk", a + approved + "/issuance", Map.of("documentNumber", "95/KH-UBND", "issuedOn", "2021-05-01")),
                new Command("clerk", a + assigned + "/deadline-extensions", Map.of("newDeadline", "2021-06-30",
                        "reason", "Chờ số liệu", "effectiveDate", "2021-04-20")),
                new Command("clerk", a + assigned + "/reassignment", Map.of("leadUnit", "Phòng Kinh tế", "reason", "x",
                        "effectiveDate", "2021-04-20")),
                new Command("clerk", a + assigned + "/cancellation", Map.of("reason", "Trùng", "effectiveDate", "2021-04-20")),
                new Command("clerk", a + assigned + "/reminders", Map.of("note", "Đề nghị khẩn trương")),
                new Command("tckh", a + assigned + "/extension-requests", Map.of("newDeadline", "2021-06-30",
                        "reason", "Chờ số liệu", "effectiveDate", "2021-04-20")),
                new Command("chair", a + extensionAsked + "/extension-requests/decision", Map.of("approve", true,
                        "newDeadline", "2021-06-15", "reason", "Đồng ý", "effectiveDate", "2021-04-21")),
                new Command("clerk", "/api/notices", Map.of("notice", Map.of("number", "1/TB-UBND", "meetingOn", "2021-04-13",
                                "invitation", Map.of("number", "12/GM-UBND", "date", "2021-04-10")),
                        "items", List.of(Map.of("ordinal", 1, "kind", "PLAN", "title", "Kế hoạch", "lead", "Phòng Kinh tế",
                                "deadline", "2021-05-30", "submitTo", List.of("Lãnh đạo UBND thành phố"),
                                "contributions", List.of(Map.of("units", List.of("Phòng Quản lý đô thị"),
                                        "deliverTo", "Phòng Kinh tế", "deadline", "2021-05-20")))))),
                new Command("admin", "/api/admin/users", Map.of("id", "fuzz", "name", "Người thử", "role", "CLERK",
                        "unit", "Văn phòng HĐND và UBND thành phố", "password", "một mật khẩu đủ dài")),
                new Command("admin", "/api/admin/users/clerk/password", Map.of("password", "một mật khẩu đủ dài")),
                new Command("admin", "/api/admin/users/" + PERSON + "/role", Map.of("role", "AUDITOR")),
                new Command("admin", "/api/admin/users/" + PERSON + "/unit", Map.of("unit", "Phòng Kinh tế")),
                new Command("admin", "/api/admin/users/" + PERSON + "/levels", Map.of("level", "Lãnh đạo UBND thành phố")),
                new Command("admin", "/api/admin/users/" + PERSON + "/levels/withdraw", Map.of("level", "Lãnh đạo UBND thành phố")),
                new Command("tckh", "/api/me/tokens", Map.of("label", "báo cáo tháng")));
    }

    List<Query> queries() {
        Map<String, Kind> list = new LinkedHashMap<>();
        list.put("unit", Kind.TEXT);
        list.put("status", Kind.ENUM);
        list.put("timeliness", Kind.ENUM);
        list.put("notice", Kind.TEXT);
        list.put("q", Kind.TEXT);
        list.put("deadlineFrom", Kind.DATE);
        list.put("deadlineTo", Kind.DATE);
        list.put("mine", Kind.BOOLEAN);
        list.put("awaiting", Kind.TEXT);
        list.put("waiting", Kind.BOOLEAN);
        list.put("dueWithin", Kind.INT);
        list.put("page", Kind.INT);
        list.put("size", Kind.INT);
        Map<String, Kind> audit = new LinkedHashMap<>();
        audit.put("assignment", Kind.UUID);
        audit.put("actor", Kind.TEXT);
        audit.put("unit", Kind.TEXT);
        audit.put("from", Kind.DATE);
        audit.put("to", Kind.DATE);
        audit.put("page", Kind.INT);
        audit.put("size", Kind.INT);
        Map<String, Kind> report = new LinkedHashMap<>();
        report.put("from", Kind.DATE);
        report.put("to", Kind.DATE);
        report.put("period", Kind.TEXT);
        report.put("unit", Kind.TEXT);
        report.put("asOf", Kind.ASOF);
        Map<String, Kind> paged = Map.of("page", Kind.INT, "size", Kind.INT);
        String a = "/api/assignments/" + assigned;
        return List.of(
                new Query("auditor", "/api/assignments", list),
                new Query("auditor", a, Map.of()),
                new Query("auditor", a + "/path", Map.of()),
                new Query("auditor", "/api/audit", audit),
                new Query("auditor", "/api/audit/verify", Map.of()),
                new Query("auditor", "/api/stats/revision-cycles", Map.of("unit", Kind.TEXT, "kind", Kind.ENUM,
                        "points", Kind.BOOLEAN)),
                new Query("auditor", "/api/stats/dashboard", Map.of()),
                new Query("auditor", "/api/notices", paged),
                new Query("auditor", "/api/notices/" + UUID.randomUUID(), Map.of()),
                new Query("clerk", "/api/reports/follow-up", report),
                new Query("clerk", "/api/reports/follow-up.xlsx", report),
                new Query("clerk", "/api/reports/follow-up.csv", report),
                new Query("tckh", "/api/notifications", paged),
                new Query("auditor", "/api/me", Map.of()),
                new Query("admin", "/api/admin/projections", Map.of()),
                new Query("admin", "/api/admin/dead-letters", Map.of()),
                new Query("admin", "/api/admin/users", Map.of()),
                new Query("admin", "/api/admin/users/clerk", Map.of()));
    }

    // ---- what goes wrong in a value ----

    /** Percent-encoded text that is not text: control characters and bytes that are not UTF-8. */
    static final List<String> POISON = List.of("%00", "a%00b", "%1B%5B31m", "%7F", "%C2%85", "%0D%0A", "%C0%AF",
            "%E0%80%AF", "%ED%A0%80", "%ED%B0%80", "%FF", "%FE%FF", "%80", "%E1%BA", "k%E1%BA%BF%C0");
    static final List<String> BAD_DATES = List.of("25/4/2021", "2021-02-30", "2021-4-5", "yesterday", "0000-01-01",
            "%2B999999999-12-31", "-999999999-01-01", "%2B300000000-01-01", "1989-12-31", "2101-01-01", "9999-12-31");

    static String badQueryValue(Kind kind, Random random) {
        if (random.nextInt(3) == 0) {
            return pick(POISON, random);
        }
        return switch (kind) {
            case TEXT -> pick(POISON, random);
            case INT -> pick(List.of("abc", "-1", "2147483647", "2147483648", "99999999999", "1e3", "0x10", "%2310", "1.5", "%00"), random);
            case DATE -> pick(BAD_DATES, random);
            case ENUM -> pick(List.of("LATE", "1", "on_time%00", "%E1%BA"), random);
            case UUID -> pick(List.of("not-a-uuid", "123", UUID.randomUUID() + "x"), random);
            case ASOF -> pick(List.of("yesterday", "9999-12-31", "1900-01-01", "2021-04-06T10:00", "0000-01-01T00:00Z"), random);
            case BOOLEAN -> pick(List.of("maybe", "2", "truee", "%E1%BA"), random);
        };
    }

    /** A value that no field of the valid body's type accepts. */
    Object badFieldValue(String field, JsonNode valid, Random random) {
        if (valid.isTextual() && isDateField(field)) {
            return pick(List.of("25/4/2021", "2021-02-30", "+999999999-12-31", "0000-01-01", "-999999999-01-01",
                    "+300000000-01-01", "1989-12-31", "2101-01-01", "20211-01-01", 44000, true, List.of(), List.of(2021, 4, 25)), random);
        }
        if (valid.isTextual() && (field.equals("kind") || field.equals("role"))) {
            return pick(List.of("KE_HOACH", 1, List.of(), "", "admın", "Clerk\u200b"), random);
        }
        if (valid.isTextual()) {
            return pick(List.of(123, true, List.of("x"), Map.of("x", 1), "ạ".repeat(4001 + random.nextInt(100_000)),
                    "Kế\u0000hoạch", "\u001b[31m", "a\u007fb", "\u0085", "lone " + HIGH + " high", "lone " + LOW + " low",
                    LOW + HIGH + " reversed"), random);
        }
        if (valid.isBoolean()) {
            return pick(List.of("x", List.of(), Map.of()), random);
        }
        if (valid.isNumber()) {
            return pick(List.of("x", 1.5, List.of(), 1e40), random);
        }
        if (valid.isArray()) {
            return pick(List.of("x", 7, Map.of("x", 1), List.of(List.of(1)), List.of(7), Collections.singletonList(null)), random);
        }
        return pick(List.of("x", 7, List.of(1), true), random);
    }

    /**
     * Half a surrogate pair, escaped as JSON allows ("\\ud800"): Jackson will not write one from a Java string,
     * so the value carries a marker that the body's text swaps for the escape.
     */
    static final String HIGH = "@HIGH@";
    static final String LOW = "@LOW@";

    static byte[] withLoneSurrogates(String body) {
        return body.replace(HIGH, "\\ud800").replace(LOW, "\\udc00").getBytes(StandardCharsets.UTF_8);
    }

    static boolean isDateField(String field) {
        return field.toLowerCase().contains("date") || field.equals("deadline") || field.equals("issuedOn")
                || field.equals("meetingOn") || field.equals("newDeadline");
    }

    // ---- the generator ----

    Case generate(Random random) throws Exception {
        int kind = random.nextInt(11);
        if (kind < 5) {
            return spoiledCommand(pick(commands(), random), random);
        }
        if (kind < 8) {
            return spoiledQuery(pick(queries(), random), random);
        }
        if (kind < 9) {
            return spoiledPath(random);
        }
        if (kind < 10) {
            return spoiledPreview(random);
        }
        return spoiledHandIn(random);
    }

    Case spoiledCommand(Command c, Random random) throws Exception {
        String valid = json.writeValueAsString(c.validBody());
        String path = c.path();
        switch (random.nextInt(7)) {
            case 0 -> {
                // Syntax: nothing JSON can read as this command. (A reminder's body is optional, so not "empty" there.)
                List<String> bodies = new ArrayList<>(List.of(valid.substring(0, 1 + random.nextInt(valid.length() - 1)),
                        "[]", "\"x\"", "12", "{\"a\":" + "[".repeat(33 + random.nextInt(5000)) + "]".repeat(10), "{,}",
                        valid + "garbage", valid + valid, valid + "]", "{'title':'x'}", "{\"title\":\"x\",}"));
                if (!path.endsWith("/reminders")) {
                    bodies.add("");
                    bodies.add("null");
                }
                String body = pick(bodies, random);
                return new Case(c.user(), "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), false,
                        "body " + abbreviate(body));
            }
            case 1 -> {
                byte[] big = ("{\"title\":\"" + "a".repeat(1024 * 1024 + random.nextInt(600_000)) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                boolean chunked = random.nextBoolean();
                return new Case(c.user(), "POST", path, "application/json", big, chunked,
                        big.length + " bytes" + (chunked ? ", chunked" : ""));
            }
            case 2 -> {
                // Bytes that are not UTF-8 inside a text value.
                byte[] bad = pick(List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
                        new byte[] {(byte) 0xE1, (byte) 0xBA}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}), random);
                int at = valid.indexOf(":\"") + 2;
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(valid.substring(0, at).getBytes(StandardCharsets.UTF_8));
                body.write(bad);
                body.write(valid.substring(at).getBytes(StandardCharsets.UTF_8));
                return new Case(c.user(), "POST", path, "application/json", body.toByteArray(), false,
                        "invalid UTF-8 " + hex(bad) + " in the first text");
            }
            case 3 -> {
                String id = pick(List.of("not-a-uuid", "%00", "%C0%AF", "%ED%A0%80", "%FF", "%27%20OR%201%3D1"), random);
                String spoiled = path.matches(".*[0-9a-f-]{36}.*") ? path.replaceFirst("[0-9a-f-]{36}", id)
                        : path.startsWith("/api/admin/users/") ? path.replaceFirst("^/api/admin/users/[^/]+", "/api/admin/users/" + id)
                        : path + "?x=" + pick(POISON, random);  // no id to spoil: the body is valid, so poison the query
                return new Case(c.user(), "POST", spoiled, "application/json", valid.getBytes(StandardCharsets.UTF_8), false,
                        "path " + spoiled);
            }
            default -> {
                JsonNode tree = json.valueToTree(c.validBody());
                List<String[]> leaves = new ArrayList<>();
                leaves(tree, "", "", leaves);
                String[] leaf = pick(leaves, random);
                Object bad = badFieldValue(leaf[1], tree.at(leaf[0]), random);
                set(tree, leaf[0], json.valueToTree(bad));
                byte[] body = withLoneSurrogates(json.writeValueAsString(tree));
                return new Case(c.user(), "POST", path, "application/json", body, false,
                        leaf[0] + " = " + abbreviate(json.writeValueAsString(bad)));
            }
        }
    }

    Case spoiledQuery(Query q, Random random) {
        if (q.parameters().isEmpty()) {
            String poison = pick(POISON, random);
            return new Case(q.user(), "GET", q.path() + "?x=" + poison, null, null, false, "x=" + poison);
        }
        List<String> names = new ArrayList<>(q.parameters().keySet());
        String name = pick(names, random);
        String value = badQueryValue(q.parameters().get(name), random);
        // Reports need a period; the spoiled parameter is the only thing wrong.
        String rest = q.path().startsWith("/api/reports") && !name.equals("from") && !name.equals("to") && !name.equals("period")
                ? "&period=last-quarter" : "";
        if (q.path().startsWith("/api/reports") && (name.equals("from") || name.equals("to"))) {
            rest = name.equals("from") ? "&to=2021-06-30" : "&from=2021-04-01";
        }
        return new Case(q.user(), "GET", q.path() + "?" + name + "=" + value + rest, null, null, false, name + "=" + value);
    }

    Case spoiledPath(Random random) {
        String id = pick(List.of("not-a-uuid", "%00", "%C0%AF", "%ED%A0%80", "%FF", "%1B", "123"), random);
        String path = pick(List.of("/api/assignments/" + id, "/api/assignments/" + id + "/path", "/api/notices/" + id,
                "/api/admin/users/" + id, "/api/admin/projections/" + id + "/rebuild",
                "/api/admin/dead-letters/assignment-list/" + id + "/retry"), random);
        String user = path.startsWith("/api/admin") ? "admin" : "auditor";
        String method = path.endsWith("/rebuild") || path.endsWith("/retry") ? "POST" : "GET";
        return new Case(user, method, path, null, method.equals("POST") ? new byte[0] : null, false, "path " + id);
    }

    Case spoiledPreview(Random random) {
        int kind = random.nextInt(10);
        String path = "/api/notices/preview";
        return switch (kind) {
            case 0 -> new Case("clerk", "POST", path, "text/plain", new byte[0], false, "an empty notice");
            case 1 -> new Case("clerk", "POST", path, "text/plain", "%PDF-1.7\n garbage".getBytes(StandardCharsets.ISO_8859_1),
                    false, "a broken PDF");
            case 2 -> new Case("clerk", "POST", path, "application/octet-stream",
                    new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3}, false, "a broken .docx");
            case 3 -> {
                byte[] binary = new byte[1000 + random.nextInt(5000)];
                random.nextBytes(binary);
                binary[0] = 0;
                yield new Case("clerk", "POST", path, "text/plain", binary, false, "binary with NUL bytes");
            }
            case 4 -> new Case("clerk", "POST", path, FORM, form(Part.field("other", "x")), false, "a form without a file");
            case 5 -> new Case("clerk", "POST", path, FORM, cutOff(form(NOTICE), random), false, "a form cut off");
            case 6 -> new Case("clerk", "POST", path, "multipart/form-data", form(NOTICE), false, "a form without its boundary");
            case 7 -> new Case("clerk", "POST", path, FORM, form(NOTICE, NOTICE), false, "two notices in one form");
            case 8 -> new Case("clerk", "POST", path, FORM, form(new Part("file", "311\u0000.txt", NOTICE.bytes())), false,
                    "a NUL in the file's name");
            default -> new Case("clerk", "POST", path, "application/json", "{\"file\":1}".getBytes(StandardCharsets.UTF_8),
                    false, "JSON instead of a file");
        };
    }

    static final String FORM = "multipart/form-data; boundary=" + "fuzz-b0undary";
    static final Part NOTICE = new Part("file", "311.txt", "Số: 311/TB-UBND".getBytes(StandardCharsets.UTF_8));
    static final Part DRAFT = new Part("file", "Kế hoạch v1.txt", "Kế hoạch, dự thảo 1".getBytes(StandardCharsets.UTF_8));

    /** A part of a form: its name, its file name (null for a field), its bytes. */
    record Part(String name, String fileName, byte[] bytes) {
        static Part field(String name, Object value) {
            return new Part(name, null, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        }
    }

    static byte[] form(Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(("--fuzz-b0undary\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: text/plain")
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.bytes());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("--fuzz-b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] cutOff(byte[] form, Random random) {
        return java.util.Arrays.copyOf(form, 1 + random.nextInt(form.length - 20));
    }

    /**
     * A draft's hand-in with its file, as the web app sends it, and one thing wrong: a field given twice, not UTF-8,
     * sent as a file, or holding what the same field of a JSON body may not; no file, two files, an empty file, a file
     * name not in UTF-8, a form cut off.
     */
    Case spoiledHandIn(Random random) throws Exception {
        String path = "/api/assignments/" + assigned + "/drafts";
        Part note = Part.field("note", "Đã tiếp thu ý kiến");
        Part date = Part.field("effectiveDate", "2021-04-20");
        Part answers = Part.field("answers", "[{\"point\": \"1\", \"answer\": \"TAKEN_IN\", \"note\": \"Mục I\"}]");
        String field = pick(List.of("note", "effectiveDate", "documentName", "answers"), random);
        Object bad = switch (field) {
            case "effectiveDate" -> badFieldValue(field, json.valueToTree("2021-04-20"), random);
            case "answers" -> pick(List.of("[null]", "{", "7", "\"x\"", "[".repeat(40 + random.nextInt(5000)),
                    "[{\"point\": \"1\", \"answer\": \"MAYBE\"}]", "[{\"point\": \"1\", \"point\": \"2\"}]"), random);
            default -> pick(List.of("ạ".repeat(4001 + random.nextInt(100_000)), "Kế\u0000hoạch", "\u001b[31m", "a\u007fb", "\u0085"), random);
        };
        return switch (random.nextInt(9)) {
            case 0 -> {
                Part twice = pick(List.of(note, date, answers), random);
                yield new Case("tckh", "POST", path, FORM, form(DRAFT, twice, twice), false, twice.name() + " given twice");
            }
            case 1 -> new Case("tckh", "POST", path, FORM, form(DRAFT, note, new Part(field, null, pick(List.of(
                    new byte[] {'a', (byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE9},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), random))), false, field + " not UTF-8");
            case 2 -> new Case("tckh", "POST", path, FORM, form(DRAFT, new Part(field, field + ".txt", "x".getBytes(StandardCharsets.UTF_8))),
                    false, field + " sent as a file");
            case 3 -> new Case("tckh", "POST", path, FORM, form(note, date, answers), false, "no file");
            case 4 -> new Case("tckh", "POST", path, FORM, form(DRAFT, note, DRAFT), false, "two files");
            case 5 -> new Case("tckh", "POST", path, FORM, cutOff(form(DRAFT, note, date), random), false, "a form cut off");
            case 6 -> new Case("tckh", "POST", path, FORM, form(new Part("file", "rỗng.txt", new byte[0]), note), false, "an empty file");
            case 7 -> {
                byte[] body = form(new Part("file", "Kế hoạch caf@.txt", DRAFT.bytes()), note);
                body[new String(body, StandardCharsets.ISO_8859_1).indexOf('@')] = pick(List.of((byte) 0xE9, (byte) 0xFF, (byte) 0x80), random);
                yield new Case("tckh", "POST", path, FORM, body, false, "a file name not in UTF-8");
            }
            default -> new Case("tckh", "POST", path, FORM, form(DRAFT, Part.field(field, bad)), false,
                    field + " = " + abbreviate(String.valueOf(bad)));
        };
    }

    // ---- the property ----

    @Test
    void malformed_input_to_any_endpoint_gets_a_4xx_problem_and_writes_nothing() throws Exception {
        long eventsBefore = StoredEvents.business(eventStore);
        String usersBefore = send(new Case("admin", "GET", "/api/admin/users", null, null, false, "")).body();
        Random random = new Random(SEED);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            Case c = generate(random);
            HttpResponse<String> response = send(c);
            int status = response.statusCode();
            byStatus.merge(status, 1, Integer::sum);
            String body = response.body();
            if (status < 400 || status >= 500 || !body.contains("\"rule\"") || !body.contains("\"type\":\"urn:docket:problem:")
                    || body.contains("Exception") || body.contains("at org.") || body.contains("vn.docket.")) {
                failures.add("case " + i + ", " + c + " -> " + status + " " + abbreviate(body));
            }
        }
        System.out.printf("MalformedInputFuzzTest: seed %d, %d cases in %.1f s, by status %s%n", SEED, CASES,
                (System.nanoTime() - started) / 1e9, byStatus);
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(StoredEvents.business(eventStore)).isEqualTo(eventsBefore);
        assertThat(send(new Case("admin", "GET", "/api/admin/users", null, null, false, "")).body()).isEqualTo(usersBefore);
    }

    /**
     * Extreme values in every field of every command, one test per endpoint: dates at the ends of what Java
     * can hold (main stored an extension to +300000000-01-01 and then answered 500), text far too long,
     * numbers beyond any int, a list holding null (a notice's contributions [null] answered 500; an assignment's
     * coordinatingUnits [null] was stored). Each is refused with a 4xx and leaves no event behind.
     */
    @TestFactory
    Stream<DynamicTest> extreme_values_in_any_command_are_refused_and_leave_no_event() {
        return commands().stream().map(c -> DynamicTest.dynamicTest(c.path().replaceAll("[0-9a-f-]{36}", "{id}"), () -> {
            JsonNode valid = json.valueToTree(c.validBody());
            List<String[]> leaves = new ArrayList<>();
            leaves(valid, "", "", leaves);
            long before = StoredEvents.business(eventStore);
            for (String[] leaf : leaves) {
                JsonNode value = valid.at(leaf[0]);
                List<Object> extremes = value.isTextual() && isDateField(leaf[1])
                        ? List.of("+999999999-12-31", "-999999999-01-01", "+300000000-01-01", "0000-01-01")
                        : value.isTextual() ? List.of("ạ".repeat(StrictJson.MAX_TEXT + 1))
                        : value.isNumber() ? List.of(Long.MAX_VALUE, new java.math.BigInteger("9".repeat(400)))
                        : value.isArray() ? List.of(Collections.singletonList(null))
                        : List.of();
                for (Object extreme : extremes) {
                    JsonNode body = valid.deepCopy();
                    set(body, leaf[0], json.valueToTree(extreme));
                    HttpResponse<String> response = send(new Case(c.user(), "POST", c.path(), "application/json",
                            json.writeValueAsBytes(body), false, leaf[0]));
                    assertThat(response.statusCode()).as("%s with %s = %s: %s", c.path(), leaf[0], abbreviate(extreme.toString()),
                            abbreviate(response.body())).isBetween(400, 499);
                }
            }
            assertThat(StoredEvents.business(eventStore)).isEqualTo(before);
        }));
    }

    record Answer(String text) {
    }

    /**
     * Only what comes in to Docket is read this strictly. The tests' own client used to read answers by the
     * same rules: a notification longer than a request may carry, left by another test, failed a test that
     * only listed notifications.
     */
    @Test
    void only_requests_are_read_strictly_a_client_reads_an_answer_longer_than_a_request_may_carry() throws Exception {
        String answer = "{\"text\": \"" + "ạ".repeat(StrictJson.MAX_TEXT + 1) + "\", \"addedLater\": 1}";
        ObjectMapper clients = http.getRestTemplate().getMessageConverters().stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(c -> ((MappingJackson2HttpMessageConverter) c).getObjectMapper()).findFirst().orElseThrow();

        assertThat(clients.readValue(answer, Answer.class).text()).hasSize(StrictJson.MAX_TEXT + 1);
    }

    HttpResponse<String> send(Case c) throws Exception {
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : c.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + c.path()))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((c.user() + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(c.method(), body);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- helpers ----

    /** JSON pointer and field name of every value in the tree except objects; arrays and their first element too. */
    static void leaves(JsonNode node, String pointer, String field, List<String[]> into) {
        if (!node.isObject() && !pointer.isEmpty()) {
            into.add(new String[] {pointer, field});
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leaves(f.getValue(), pointer + "/" + f.getKey(), f.getKey(), into));
        } else if (node.isArray() && !node.isEmpty()) {
            leaves(node.get(0), pointer + "/0", field, into);
        }
    }

    static void set(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "... (" + s.length() + " characters)" : s;
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X ", b));
        }
        return s.toString().strip();
    }
}
