package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.platform.Sha256;
import vn.docket.command.assignment.AssignmentCommands.SubmitDraft;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftSubmitted;
import vn.docket.platform.files.FileStore;

/** A unit hands in its draft as a file; the leaders download and read it; whatever is not a document is refused. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "docket.files.max-size=2MB")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class DraftFilesTest {

    static final String UNIT = "Phòng Tài chính - Kế hoạch";
    static final List<String> PARAGRAPHS = List.of("KẾ HOẠCH", "Thực hiện Chương trình hành động của Thành ủy",
            "Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các cơ quan liên quan.");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;
    @Autowired
    CommandBus commandBus;
    @LocalServerPort
    int port;

    DocketClient docket;
    String id;

    @BeforeEach
    void assign() {
        docket = new DocketClient(http);
        id = Walks.assign(docket, "Kế hoạch thực hiện Chương trình hành động " + UUID.randomUUID(), UNIT, "2030-12-31",
                List.of("Lãnh đạo UBND thành phố"));
    }

    ResponseEntity<Map<String, Object>> handIn(String user, byte[] content, String filename, Map<String, String> fields) {
        return upload(user, "/drafts", content, filename, fields);
    }

    ResponseEntity<Map<String, Object>> upload(String user, String path, byte[] content, String filename,
                                               Map<String, String> fields) {
        return http.withBasicAuth(user, "demo").exchange("/api/assignments/" + id + path, HttpMethod.POST,
                FileForm.of(content, filename, fields), new ParameterizedTypeReference<>() {
                });
    }

    ResponseEntity<byte[]> download(String user, int version) {
        return http.withBasicAuth(user, "demo").getForEntity("/api/assignments/" + id + "/drafts/" + version + "/file",
                byte[].class);
    }

    List<DraftSubmitted> drafts() {
        return eventStore.readEvents(id).asStream().map(m -> m.getPayload())
                .filter(DraftSubmitted.class::isInstance).map(DraftSubmitted.class::cast).toList();
    }

    long storedPieces() {
        return database.getCollection(FileStore.FILES).countDocuments()
                + database.getCollection(FileStore.CHUNKS).countDocuments();
    }

    /** A form as a client writes it, its parts in the order given: name, file name (null for a field), bytes. */
    static byte[] form(String boundary, Object[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object[] part : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\""
                    + (part[1] == null ? "" : "; filename=\"" + part[1] + "\"\r\nContent-Type: application/octet-stream")
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part[2] instanceof byte[] bytes ? bytes : part[2].toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Sends a form to the hand-in as unit tckh; a chunked one has no Content-Length. */
    HttpResponse<String> send(String boundary, byte[] body, boolean chunked) throws Exception {
        return send("tckh", "/drafts", boundary, body, chunked);
    }

    HttpResponse<String> send(String user, String path, String boundary, byte[] body, boolean chunked) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assignments/" + id + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static byte[] docx(List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraphs.forEach(text -> document.createParagraph().createRun().setText(text));
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdf(String text, String userPassword) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int page = 0; page < 2; page++) {
                PDPage pdPage = new PDPage();
                document.addPage(pdPage);
                if (text != null) {
                    try (PDPageContentStream stream = new PDPageContentStream(document, pdPage)) {
                        stream.beginText();
                        stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                        stream.newLineAtOffset(72, 700);
                        stream.showText(text);
                        stream.endText();
                    }
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] zip(Map<String, byte[]> entries) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] odt(String... paragraphs) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>");
        for (String p : paragraphs) {
            body.append("<text:p>").append(p).append("</text:p>");
        }
        body.append("</office:text></office:body></office:document-content>");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", body.toString().getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_unit_hands_in_a_docx_and_the_chair_downloads_it_under_its_vietnamese_name_and_reads_its_text() {
        byte[] content = docx(PARAGRAPHS);
        ResponseEntity<Map<String, Object>> handedIn = handIn("tckh", content, "Dự thảo Kế hoạch lần 1.docx",
                Map.of("note", "Trình Lãnh đạo UBND"));
        assertThat(handedIn.getStatusCode().value()).as("%s", handedIn.getBody()).isEqualTo(201);
        assertThat(handedIn.getBody()).containsEntry("version", 1);

        DraftSubmitted draft = drafts().get(0);
        assertThat(draft.documentSha256()).isEqualTo(Sha256.hex(content));
        assertThat(draft.documentName()).isEqualTo("Dự thảo Kế hoạch lần 1.docx");
        assertThat(draft.note()).isEqualTo("Trình Lãnh đạo UBND");
        assertThat(draft.file().size()).isEqualTo(content.length);
        assertThat(draft.file().wordCount()).isEqualTo(27);

        ResponseEntity<byte[]> file = download("chair", 1);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody()).isEqualTo(content);
        assertThat(file.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment;"
                + " filename=\"Du thao Ke hoach lan 1.docx\";"
                + " filename*=UTF-8''D%E1%BB%B1%20th%E1%BA%A3o%20K%E1%BA%BF%20ho%E1%BA%A1ch%20l%E1%BA%A7n%201.docx");

        Map<String, Object> text = docket.getOk("chair", "/api/assignments/" + id + "/drafts/1/text");
        assertThat((List<String>) text.get("paragraphs")).isEqualTo(PARAGRAPHS);
        assertThat(text).containsEntry("textLayer", true).containsEntry("wordCount", 27);
    }

    /** The text is read from the parts the zip-bomb check inflated: the photograph's bytes are never read as text. */
    @SuppressWarnings("unchecked")
    @Test
    void a_docx_with_a_photograph_between_its_paragraphs_is_read_whole_and_downloads_unchanged() throws Exception {
        byte[] content;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(PARAGRAPHS.get(0));
            byte[] photo = new byte[1024 * 1024]; // the tests allow files up to 2 MB
            new java.util.Random(15).nextBytes(photo);
            document.createParagraph().createRun().addPicture(new java.io.ByteArrayInputStream(photo),
                    org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_JPEG, "ảnh hiện trạng.jpg", 3_000_000, 2_000_000);
            PARAGRAPHS.subList(1, PARAGRAPHS.size()).forEach(p -> document.createParagraph().createRun().setText(p));
            document.write(out);
            content = out.toByteArray();
        }
        ResponseEntity<Map<String, Object>> handedIn = handIn("tckh", content, "Dự thảo có ảnh.docx", Map.of());
        assertThat(handedIn.getStatusCode().value()).as("%s", handedIn.getBody()).isEqualTo(201);

        assertThat(drafts().get(0).file().wordCount()).isEqualTo(27);
        Map<String, Object> text = docket.getOk("chair", "/api/assignments/" + id + "/drafts/1/text");
        assertThat((List<String>) text.get("paragraphs")).isEqualTo(PARAGRAPHS);
        assertThat(download("chair", 1).getBody()).isEqualTo(content);
    }

    @Test
    void a_form_sent_twice_with_one_idempotency_key_hands_in_one_draft_even_with_another_boundary() {
        byte[] content = docx(PARAGRAPHS);
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("tckh", "demo").exchange(
                    "/api/assignments/" + id + "/drafts", HttpMethod.POST,
                    FileForm.of(content, "Dự thảo.docx", Map.of("note", "Trình lần đầu"), key),
                    new ParameterizedTypeReference<>() {
                    });
            assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(201);
            assertThat(answer.getBody()).containsEntry("version", 1);
        }
        assertThat(drafts()).hasSize(1);
    }

    @Test
    void form_fields_sent_after_the_file_are_taken_as_those_sent_before_it() throws Exception {
        byte[] content = docx(PARAGRAPHS);
        HttpResponse<String> answer = send("b0undary", form("b0undary", new Object[] {"file", "Dự thảo.docx", content},
                new Object[] {"note", null, "Gửi sau tệp"}, new Object[] {"documentSha256", null, Sha256.hex(content)}),
                false);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(drafts()).singleElement().satisfies(d -> {
            assertThat(d.note()).isEqualTo("Gửi sau tệp");
            assertThat(d.documentName()).isEqualTo("Dự thảo.docx");
        });
        assertThat(download("chair", 1).getBody()).isEqualTo(content);
    }

    /**
     * A unit writes "[Khẩn] ..." in the note beside the file: text fields stay text, whatever they begin with; only
     * the answers, a list, travel as JSON text.
     */
    @Test
    void a_note_and_a_document_name_beginning_with_a_bracket_are_handed_in_as_typed_beside_the_file() {
        ResponseEntity<Map<String, Object>> first = handIn("tckh", docx(PARAGRAPHS), "Dự thảo.docx",
                Map.of("note", "[Khẩn] Trình Lãnh đạo UBND", "documentName", "[2021] Kế hoạch hành động.docx"));
        assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
        sendBack();
        ResponseEntity<Map<String, Object>> second = handIn("tckh", docx(List.of("KẾ HOẠCH", "Bản 2")), "Dự thảo v2.docx",
                Map.of("note", "{Bản 2} đã bổ sung số liệu",
                        "answers", "[{\"point\":\"1.1\",\"answer\":\"TAKEN_IN\",\"note\":\"Đã bổ sung mục II\"}]"));
        assertThat(second.getStatusCode().value()).as("%s", second.getBody()).isEqualTo(201);

        assertThat(drafts()).extracting(DraftSubmitted::note, DraftSubmitted::documentName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("[Khẩn] Trình Lãnh đạo UBND", "[2021] Kế hoạch hành động.docx"),
                org.assertj.core.groups.Tuple.tuple("{Bản 2} đã bổ sung số liệu", "Dự thảo v2.docx"));
        assertThat(eventStore.readEvents(id).asStream().map(m -> m.getPayload())
                .filter(vn.docket.events.RevisionPointsAnswered.class::isInstance)).hasSize(1);
    }

    /** "Dự thảo " and accented letters, 255 characters in NFC: 755 bytes of UTF-8, 2,265 percent-encoded. */
    static String longVietnameseName() {
        String accented = "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";
        StringBuilder name = new StringBuilder("Dự thảo ");
        while (name.length() < 250) {
            name.append(accented.charAt(name.length() % accented.length()));
        }
        return name.append(".docx").toString();
    }

    static String percentEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A form of one file part, its Content-Disposition's parameters after {@code form-data; name="file"} as given. */
    static byte[] fileForm(String boundary, String parameters, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + parameters
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "sent {0}")
    @ValueSource(strings = {"raw", "percent-encoded in filename*", "decomposed, percent-encoded in filename* after an ASCII filename"})
    void a_255_character_vietnamese_file_name_is_stored_under_its_exact_nfc_name(String how) throws Exception {
        String name = longVietnameseName();
        assertThat(name).hasSize(255).isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC));
        String parameters = switch (how) {
            case "raw" -> "filename=\"" + name + "\"";
            case "percent-encoded in filename*" -> "filename*=UTF-8''" + percentEncoded(name);
            default -> "filename=\"Du thao.docx\"; filename*=UTF-8''" + percentEncoded(Normalizer.normalize(name, Normalizer.Form.NFD));
        };
        byte[] content = docx(PARAGRAPHS);

        HttpResponse<String> answer = send("b0undary", fileForm("b0undary", parameters, content), false);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(drafts()).singleElement().satisfies(d -> assertThat(d.documentName()).isEqualTo(name));
        assertThat(download("chair", 1).getBody()).isEqualTo(content);
    }

    @Test
    void a_file_name_with_quotes_sent_as_a_browser_escapes_them_keeps_its_quotes_and_downloads_under_it() throws Exception {
        String name = "Báo cáo \"Đề án kinh tế đêm\".docx";
        byte[] content = docx(PARAGRAPHS);

        HttpResponse<String> answer = send("b0undary", fileForm("b0undary",
                "filename=\"" + name.replace("\"", "%22") + "\"", content), false);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(drafts()).singleElement().satisfies(d -> assertThat(d.documentName()).isEqualTo(name));
        ResponseEntity<byte[]> file = download("chair", 1);
        assertThat(file.getBody()).isEqualTo(content);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo(name);
    }

    /**
     * A .docx recorded as "Báo cáo.pdf" downloads under that name and opens in no program: the name the unit typed, or
     * the file's own, must not end in another type's extension. A name with none gets the file's.
     */
    @Test
    void a_name_ending_in_another_types_extension_is_refused_naming_both_and_nothing_is_handed_in() {
        long before = storedPieces();
        ResponseEntity<Map<String, Object>> typed = handIn("tckh", docx(PARAGRAPHS), "Dự thảo.docx",
                Map.of("documentName", "Báo cáo tổng kết.pdf"));
        assertThat(typed.getStatusCode().value()).as("%s", typed.getBody()).isEqualTo(422);
        assertThat(typed.getBody()).containsEntry("rule", "file-name-type").containsEntry("given", "pdf")
                .containsEntry("expected", "docx");

        // The file's own name is held to it too: a PDF saved as "... .docx".
        ResponseEntity<Map<String, Object>> own = handIn("tckh", pdf("BAO CAO TONG KET", null), "Báo cáo tổng kết.docx",
                Map.of());
        assertThat(own.getStatusCode().value()).as("%s", own.getBody()).isEqualTo(422);
        assertThat(own.getBody()).containsEntry("rule", "file-name-type").containsEntry("expected", "pdf");
        assertThat(drafts()).isEmpty();
        assertThat(storedPieces()).isEqualTo(before);
    }

    @Test
    void a_name_typed_without_an_extension_is_recorded_with_the_files_and_one_in_capitals_as_typed() {
        assertThat(handIn("tckh", docx(PARAGRAPHS), "v1.docx", Map.of("documentName", "Kế hoạch 95/KH-UBND"))
                .getStatusCode().value()).isEqualTo(201);
        sendBack();
        assertThat(handIn("tckh", pdf("KE HOACH", null), "v2.pdf", Map.of("documentName", "KẾ HOẠCH.PDF"))
                .getStatusCode().value()).isEqualTo(201);

        assertThat(drafts()).extracting(DraftSubmitted::documentName).containsExactly("Kế hoạch 95/KH-UBND.docx",
                "KẾ HOẠCH.PDF");
    }

    /**
     * The file's name may also come as a form field, which the file-name rule does not judge: a document number such as
     * 95/KH-UBND is a fair name to show. The download's name holds no folder of it, in either of its parameters.
     */
    @Test
    void a_document_name_with_folders_in_it_is_shown_as_typed_and_downloads_under_a_name_without_any() {
        String name = "../../Kế hoạch\\95/KH-UBND.docx";
        ResponseEntity<Map<String, Object>> handedIn = handIn("tckh", docx(PARAGRAPHS), "v1.docx",
                Map.of("documentName", name));
        assertThat(handedIn.getStatusCode().value()).as("%s", handedIn.getBody()).isEqualTo(201);
        assertThat(drafts()).singleElement().satisfies(d -> assertThat(d.documentName()).isEqualTo(name));

        ResponseEntity<byte[]> file = download("chair", 1);
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment;"
                + " filename=\".._.._Ke hoach_95_KH-UBND.docx\";"
                + " filename*=UTF-8''.._.._K%E1%BA%BF%20ho%E1%BA%A1ch_95_KH-UBND.docx");
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo(".._.._Kế hoạch_95_KH-UBND.docx");
    }

    @Test
    void a_file_name_whose_header_passes_8_kb_is_refused_as_too_large_naming_the_rule_and_nothing_is_stored() throws Exception {
        long before = storedPieces();
        HttpResponse<String> answer = send("b0undary", fileForm("b0undary",
                "filename*=UTF-8''" + percentEncoded("ệ".repeat(1000) + ".docx"), docx(PARAGRAPHS)), false);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        // The file's name is too long, not the file too large: no size limit to quote.
        assertThat(answer.body()).contains("\"rule\":\"request-too-large\"", "dài quá 8 KB").doesNotContain("maxMb");
        assertThat(drafts()).isEmpty();
        assertThat(storedPieces()).isEqualTo(before);
    }

    /** A hand-in has half a dozen fields; thousands of parts would each cost memory and time before any rule is read. */
    @Test
    void a_form_of_thousands_of_parts_is_refused_as_too_large_naming_the_rule_and_nothing_is_stored() throws Exception {
        long before = storedPieces();
        Object[][] parts = new Object[5001][];
        parts[0] = new Object[] {"file", "Dự thảo.docx", docx(PARAGRAPHS)};
        for (int i = 1; i < parts.length; i++) {
            parts[i] = new Object[] {"f" + i, null, "x"};
        }
        HttpResponse<String> refused = send("b0undary", form("b0undary", parts), false);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body()).contains("\"rule\":\"request-too-large\"");
        assertThat(drafts()).isEmpty();
        assertThat(storedPieces()).isEqualTo(before);
    }

    /** The fields beside the file are held to the rules of the same fields sent as JSON, and answered alike. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a date written dd/MM/yyyy", "a note longer than a JSON hand-in takes", "a note with a control character"})
    void a_form_field_the_json_hand_in_would_refuse_is_refused_naming_the_rule_and_nothing_is_stored(String bad) {
        long before = storedPieces();
        Map<String, String> fields = switch (bad) {
            case "a date written dd/MM/yyyy" -> Map.of("effectiveDate", "13/04/2021");
            case "a note longer than a JSON hand-in takes" -> Map.of("note", "Ghi chú ".repeat(600));
            default -> Map.of("note", "Ghi chú\u0007");
        };
        ResponseEntity<Map<String, Object>> refused = handIn("tckh", docx(PARAGRAPHS), "Dự thảo.docx", fields);

        // As in JSON: a text too long breaks a rule (422 too-long); the rest cannot be read as the field (400).
        boolean tooLong = bad.startsWith("a note longer");
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(tooLong ? 422 : 400);
        assertThat(refused.getBody()).containsEntry("rule", tooLong ? "too-long" : "malformed-request");
        assertThat(drafts()).isEmpty();
        assertThat(storedPieces()).isEqualTo(before);
    }

    @Test
    void a_form_sent_without_a_length_and_over_the_size_limit_is_refused_naming_the_rule_and_nothing_is_stored()
            throws Exception {
        long before = storedPieces();
        byte[] large = new byte[3 * 1024 * 1024]; // the limit is 2 MB here
        new java.util.Random(1).nextBytes(large);
        HttpResponse<String> refused = send("b0undary", form("b0undary", new Object[] {"note", null, "Bản lớn"},
                new Object[] {"file", "Dự thảo.docx", large}), true);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body()).contains("\"rule\":\"file-too-large\"");
        assertThat(drafts()).isEmpty();
        assertThat(storedPieces()).isEqualTo(before);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_form_cut_off_midway_leaves_no_draft_and_nothing_stored_and_the_next_try_is_handed_in(CapturedOutput output)
            throws Exception {
        long before = storedPieces();
        byte[] content = docx(List.of("Bản bị cắt giữa chừng " + UUID.randomUUID(), "x".repeat(200_000)));
        byte[] body = form("b0undary", new Object[] {"file", "Dự thảo.docx", content}, new Object[] {"note", null, "Lần 1"});
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/assignments/" + id + "/drafts HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + basic("tckh") + "\r\nContent-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
        } // the connection drops with half the file sent
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> drafts().isEmpty() && storedPieces() == before);
        assertThat(output.getAll()).as("a client that went away is no error for IT").doesNotContain("failed unexpectedly");

        HttpResponse<String> whole = send("b0undary", body, false);
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(201);
        assertThat(drafts()).hasSize(1);
        assertThat(download("chair", 1).getBody()).isEqualTo(content);
    }

    @Test
    void a_large_files_chunks_are_written_while_its_body_arrives_and_go_when_the_body_is_cut_off() throws Exception {
        long before = storedPieces();
        long described = database.getCollection(FileStore.FILES).countDocuments();
        byte[] content = new byte[1536 * 1024]; // six chunks; the limit is 2 MB here
        new java.util.Random(2).nextBytes(content);
        byte[] body = form("b0undary", new Object[] {"file", "Dự thảo.docx", content}, new Object[] {"note", null, "Lần 1"});
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/assignments/" + id + "/drafts HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + basic("tckh") + "\r\nContent-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, 1100 * 1024);
            out.flush();
            // Four whole chunks are in: they are stored while the rest of the body has not come yet.
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> storedPieces() >= before + 4);
            assertThat(database.getCollection(FileStore.FILES).countDocuments()).as("nothing described yet").isEqualTo(described);
        } // the connection drops with the file two-thirds sent
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> storedPieces() == before);
        assertThat(drafts()).isEmpty();
    }

    @Test
    void an_idempotency_key_sent_again_with_another_file_is_refused_and_the_second_file_not_stored() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] first = form("b1", new Object[] {"file", "Dự thảo.docx", docx(PARAGRAPHS)});
        byte[] other = form("b2", new Object[] {"file", "Dự thảo.docx", docx(List.of("Bản khác " + UUID.randomUUID()))});
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assignments/" + id
                + "/drafts")).header("Authorization", basic("tckh")).header("Idempotency-Key", key);
        HttpResponse<String> handedIn = HttpClient.newHttpClient().send(request.copy()
                .header("Content-Type", "multipart/form-data; boundary=b1").POST(HttpRequest.BodyPublishers.ofByteArray(first))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(201);
        long before = storedPieces();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(request.copy()
                .header("Content-Type", "multipart/form-data; boundary=b2").POST(HttpRequest.BodyPublishers.ofByteArray(other))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("\"rule\":\"idempotency-key-reused\"");
        assertThat(drafts()).hasSize(1);
        assertThat(storedPieces()).isEqualTo(before);
    }

    @Test
    void a_unit_that_may_not_see_the_assignment_finds_no_draft_file() {
        assertThat(handIn("tckh", docx(PARAGRAPHS), "Dự thảo.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        assertThat(download("qldt", 1).getStatusCode().value()).isEqualTo(404);
        assertThat(docket.get("qldt", "/api/assignments/" + id + "/drafts/1/text").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void a_draft_handed_in_as_a_link_still_works_and_has_no_file_to_download() {
        Walks.draft(docket, "tckh", id, "2021-04-20");
        assertThat(drafts().get(0).file()).isNull();
        assertThat(download("chair", 1).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void a_file_stored_before_uploads_had_ids_still_downloads_verifies_and_is_deduplicated_against() {
        byte[] content = docx(List.of("Bản lưu theo cách cũ " + UUID.randomUUID(), "Mục 1. Mục tiêu"));
        String sha = Sha256.hex(content);
        assertThat(handIn("tckh", content, "Dự thảo cũ.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        // Moved to the layout of files stored before: chunks under <sha>/<n>, and a description without chunksOf.
        var files = database.getCollection(FileStore.FILES);
        var chunks = database.getCollection(FileStore.CHUNKS);
        org.bson.Document description = files.find(Filters.eq("_id", sha)).first();
        for (int n = 0; n < description.getInteger("chunks"); n++) {
            org.bson.Document chunk = chunks.find(Filters.eq("_id", description.getString("chunksOf") + "/" + n)).first();
            chunks.deleteOne(Filters.eq("_id", chunk.getString("_id")));
            chunks.insertOne(chunk.append("_id", sha + "/" + n));
        }
        files.updateOne(Filters.eq("_id", sha), Updates.unset("chunksOf"));

        assertThat(download("chair", 1).getBody()).isEqualTo(content);
        assertThat(docket.getOk("auditor", "/api/audit/verify")).containsEntry("intact", true);
        long before = storedPieces();
        id = Walks.assign(docket, "Báo cáo dùng lại tệp cũ", UNIT, "2030-12-31", List.of("Lãnh đạo UBND thành phố"));
        assertThat(handIn("tckh", content, "Dự thảo cũ (bản sao).docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        assertThat(storedPieces()).as("stored once: the second upload's chunks are gone").isEqualTo(before);
        assertThat(download("chair", 1).getBody()).isEqualTo(content);
    }

    @Test
    void the_same_bytes_handed_in_for_two_assignments_are_stored_once() {
        byte[] content = docx(List.of("Báo cáo chung " + UUID.randomUUID()));
        assertThat(handIn("tckh", content, "Báo cáo.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        id = Walks.assign(docket, "Báo cáo thứ hai", UNIT, "2030-12-31", List.of("Lãnh đạo UBND thành phố"));
        long before = storedPieces();
        assertThat(handIn("tckh", content, "Báo cáo (bản sao).docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        assertThat(database.getCollection(FileStore.FILES)
                .countDocuments(Filters.eq("_id", Sha256.hex(content)))).isEqualTo(1);
        assertThat(storedPieces()).as("the second upload's chunks are gone").isEqualTo(before);
        assertThat(download("chair", 1).getBody()).isEqualTo(content);
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_pdf_with_text_an_odt_and_a_txt_are_read_and_a_scanned_pdf_is_stored_without_a_text_layer() {
        assertThat(handIn("tckh", pdf("Draft plan of the People's Committee, version one", null), "Dự thảo.pdf", Map.of())
                .getStatusCode().value()).isEqualTo(201);
        Map<String, Object> text = docket.getOk("chair", "/api/assignments/" + id + "/drafts/1/text");
        assertThat(text).containsEntry("pageCount", 2).containsEntry("textLayer", true);
        assertThat((List<String>) text.get("paragraphs")).contains("Draft plan of the People's Committee, version one");
        assertThat(download("chair", 1).getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        ResponseEntity<byte[]> inline = http.withBasicAuth("chair", "demo")
                .getForEntity("/api/assignments/" + id + "/drafts/1/file?inline=true", byte[].class);
        assertThat(inline.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;");

        sendBack();
        assertThat(handIn("tckh", odt("Kế hoạch", "Nội dung đã tiếp thu"), "Dự thảo lần 2.odt", Map.of())
                .getStatusCode().value()).isEqualTo(201);
        assertThat((List<String>) docket.getOk("chair", "/api/assignments/" + id + "/drafts/2/text").get("paragraphs"))
                .containsExactly("Kế hoạch", "Nội dung đã tiếp thu");

        sendBack();
        assertThat(handIn("tckh", "Kế hoạch\r\n\r\nLần ba\n".getBytes(StandardCharsets.UTF_8), "Dự thảo lần 3.txt", Map.of())
                .getStatusCode().value()).isEqualTo(201);
        assertThat((List<String>) docket.getOk("chair", "/api/assignments/" + id + "/drafts/3/text").get("paragraphs"))
                .containsExactly("Kế hoạch", "Lần ba");

        sendBack();
        assertThat(handIn("tckh", pdf(null, null), "Bản scan.pdf", Map.of()).getStatusCode().value()).isEqualTo(201);
        Map<String, Object> scanned = docket.getOk("chair", "/api/assignments/" + id + "/drafts/4/text");
        assertThat(scanned).containsEntry("textLayer", false).containsEntry("remark", "không có lớp văn bản")
                .containsEntry("paragraphs", List.of());
        assertThat(download("chair", 4).getStatusCode().value()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_changes_since_the_previous_version_name_the_paragraphs_and_words_changed() {
        handIn("tckh", docx(PARAGRAPHS), "Dự thảo lần 1.docx", Map.of());
        sendBack();
        handIn("tckh", docx(List.of("KẾ HOẠCH", "Thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố",
                "Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các cơ quan liên quan.", "Lộ trình thực hiện")),
                "Dự thảo lần 2.docx", Map.of());
        Map<String, Object> changes = docket.getOk("chair", "/api/assignments/" + id + "/drafts/2/changes");
        assertThat(changes).containsEntry("from", 1).containsEntry("to", 2);
        assertThat((Map<String, Object>) changes.get("figures")).containsEntry("paragraphsChanged", 1)
                .containsEntry("paragraphsAdded", 1).containsEntry("paragraphsRemoved", 0)
                .containsEntry("paragraphsUnchanged", 2).containsEntry("wordsChanged", 2 + 7 + 4);
        Map<String, Object> changed = ((List<Map<String, Object>>) changes.get("paragraphs")).get(1);
        assertThat(changed).containsEntry("kind", "CHANGED")
                .containsEntry("before", PARAGRAPHS.get(1));
        assertThat((List<Map<String, Object>>) changed.get("segments")).extracting(s -> s.get("op") + ":" + s.get("text"))
                .containsExactly("SAME:Thực hiện Chương trình hành động của", "REMOVED:Thành ủy",
                        "ADDED:Ban Chấp hành Đảng bộ thành phố");

        ResponseEntity<Map<String, Object>> itself = docket.get("chair", "/api/assignments/" + id + "/drafts/2/changes?from=2");
        assertThat(itself.getStatusCode().value()).isEqualTo(422);
        assertThat(itself.getBody()).containsEntry("rule", "changes-from-invalid");
        ResponseEntity<Map<String, Object>> backwards = docket.get("chair", "/api/assignments/" + id + "/drafts/1/changes?from=2");
        assertThat(backwards.getStatusCode().value()).isEqualTo(422);
        assertThat(backwards.getBody()).containsEntry("rule", "changes-from-invalid");
    }

    /** Descriptions written before 04/12/2026 keep their text plain, those since deflated: both are compared alike. */
    @SuppressWarnings("unchecked")
    @Test
    void the_changes_between_a_version_stored_with_plain_text_and_one_stored_deflated_are_read_alike() {
        List<String> v1 = List.of("KẾ HOẠCH " + UUID.randomUUID(), PARAGRAPHS.get(1), PARAGRAPHS.get(2));
        byte[] first = docx(v1);
        assertThat(handIn("tckh", first, "Dự thảo lần 1.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        var files = database.getCollection(FileStore.FILES);
        // v1 moved to the form descriptions had before: its text plain, nothing deflated.
        files.updateOne(Filters.eq("_id", Sha256.hex(first)), Updates.combine(
                Updates.unset("textDeflated"),
                Updates.set("text", String.join("\n", v1) + "\n")));
        sendBack();
        byte[] second = docx(List.of(v1.get(0), PARAGRAPHS.get(1), "Giao Phòng Tài chính - Kế hoạch chủ trì."));
        assertThat(handIn("tckh", second, "Dự thảo lần 2.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        assertThat(files.find(Filters.eq("_id", Sha256.hex(second))).first())
                .as("a new description holds no plain text").doesNotContainKey("text").containsKey("textDeflated");

        assertThat((List<String>) docket.getOk("chair", "/api/assignments/" + id + "/drafts/1/text").get("paragraphs"))
                .isEqualTo(v1);
        Map<String, Object> changes = docket.getOk("chair", "/api/assignments/" + id + "/drafts/2/changes?from=1");
        assertThat((Map<String, Object>) changes.get("figures")).containsEntry("paragraphsChanged", 1)
                .containsEntry("paragraphsUnchanged", 2).containsEntry("paragraphsAdded", 0)
                .containsEntry("paragraphsRemoved", 0);
        assertThat(docket.getOk("auditor", "/api/audit/verify")).containsEntry("intact", true);
    }

    @Test
    void a_draft_whose_kept_text_is_damaged_reads_as_a_problem_naming_the_rule_and_its_file_still_downloads() {
        byte[] content = docx(List.of("Bản có văn bản lưu bị hỏng " + UUID.randomUUID(), PARAGRAPHS.get(1)));
        assertThat(handIn("tckh", content, "Dự thảo.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        var files = database.getCollection(FileStore.FILES);
        byte[] deflated = files.find(Filters.eq("_id", Sha256.hex(content))).first()
                .get("textDeflated", Binary.class).getData();
        deflated[deflated.length / 2] ^= 0x10;
        files.updateOne(Filters.eq("_id", Sha256.hex(content)),
                Updates.set("textDeflated", new Binary(deflated)));

        ResponseEntity<Map<String, Object>> text = docket.get("chair", "/api/assignments/" + id + "/drafts/1/text");
        assertThat(text.getStatusCode().value()).isEqualTo(422);
        assertThat(text.getBody()).containsEntry("rule", "draft-text-damaged");
        assertThat(download("chair", 1).getBody()).isEqualTo(content);
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_clerk_records_the_issuance_with_the_issued_documents_file_and_the_chair_reads_it() {
        assertThat(handIn("tckh", docx(PARAGRAPHS), "Dự thảo.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        docket.ok("chair", "/api/assignments/" + id + "/approvals", Map.of("draftVersion", 1));
        List<String> issuedText = List.of("KẾ HOẠCH số 95/KH-UBND", "Thực hiện Chương trình hành động " + UUID.randomUUID());
        byte[] content = docx(issuedText);

        long before = storedPieces();
        ResponseEntity<Map<String, Object>> early = upload("clerk", "/issuance", content, "Kế hoạch 95.docx",
                Map.of("documentNumber", "95/KH-UBND"));
        assertThat(early.getStatusCode().value()).as("%s", early.getBody()).isEqualTo(422);
        assertThat(early.getBody()).containsEntry("rule", "issued-on-required");
        assertThat(storedPieces()).as("a refused issuance keeps no file").isEqualTo(before);

        ResponseEntity<Map<String, Object>> issued = upload("clerk", "/issuance", content, "Kế hoạch 95.docx",
                Map.of("documentNumber", "95/KH-UBND", "issuedOn", "2021-05-10"));
        assertThat(issued.getStatusCode().value()).as("%s", issued.getBody()).isEqualTo(200);
        DocumentIssued event = eventStore.readEvents(id).asStream().map(m -> m.getPayload())
                .filter(DocumentIssued.class::isInstance).map(DocumentIssued.class::cast).findFirst().orElseThrow();
        assertThat(event.documentSha256()).isEqualTo(Sha256.hex(content));
        assertThat(event.documentName()).isEqualTo("Kế hoạch 95.docx");

        ResponseEntity<byte[]> file = http.withBasicAuth("chair", "demo")
                .getForEntity("/api/assignments/" + id + "/issuance/file", byte[].class);
        assertThat(file.getBody()).isEqualTo(content);
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("filename=\"Ke hoach 95.docx\"");
        Map<String, Object> text = docket.getOk("chair", "/api/assignments/" + id + "/issuance/text");
        assertThat((List<String>) text.get("paragraphs")).isEqualTo(issuedText);
        assertThat(text).containsEntry("documentNumber", "95/KH-UBND");
        assertThat(http.withBasicAuth("qldt", "demo").getForEntity("/api/assignments/" + id + "/issuance/file",
                byte[].class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void an_issued_document_larger_than_a_command_is_recorded_with_its_file() throws Exception {
        assertThat(handIn("tckh", docx(PARAGRAPHS), "Dự thảo.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        docket.ok("chair", "/api/assignments/" + id + "/approvals", Map.of("draftVersion", 1));
        // 1.5 MB: over the 1 MB of a command's JSON, within the file limit (2 MB here).
        byte[] content = ("Kế hoạch số 96/KH-UBND, bản ban hành có phụ lục dài " + UUID.randomUUID() + "\n")
                .repeat(15_000).getBytes(StandardCharsets.UTF_8);
        // Sent with its length, as a browser sends it.
        HttpResponse<String> issued = send("clerk", "/issuance", "b0undary", form("b0undary",
                new Object[] {"documentNumber", null, "96/KH-UBND"}, new Object[] {"issuedOn", null, "2021-05-10"},
                new Object[] {"file", "Kế hoạch 96.txt", content}), false);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(http.withBasicAuth("chair", "demo").getForEntity("/api/assignments/" + id + "/issuance/file",
                byte[].class).getBody()).isEqualTo(content);
    }

    private void sendBack() {
        docket.ok("chair", "/api/assignments/" + id + "/revision-requests", Map.of("reasons", List.of("Bổ sung số liệu")));
    }

    record Bad(String what, byte[] content, String filename, int status, String rule) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Bad> badFiles() {
        byte[] zeros = new byte[50 * 1024 * 1024];
        return List.of(
                new Bad("an empty file", new byte[0], "Dự thảo.docx", 422, "file-empty"),
                new Bad("a file over the size limit", new byte[3 * 1024 * 1024], "Dự thảo.txt", 413, "file-too-large"),
                new Bad("a program", "MZ\u0090\u0000\u0003\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1),
                        "Dự thảo.exe", 415, "file-type-not-accepted"),
                new Bad("an image", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "Ảnh.png", 415,
                        "file-type-not-accepted"),
                new Bad("an archive of other files", zip(Map.of("a.txt", "x".getBytes(StandardCharsets.UTF_8))),
                        "Hồ sơ.zip", 415, "file-type-not-accepted"),
                new Bad("a zip bomb", zip(Map.of("word/document.xml", zeros)), "Dự thảo.docx", 422, "file-zip-bomb"),
                new Bad("a .docx declaring XML entities", zip(Map.of("word/document.xml", ("<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><w:document/>")
                        .getBytes(StandardCharsets.UTF_8))), "Dự thảo.docx", 422, "file-xml-entities"),
                new Bad("a malformed PDF", "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.US_ASCII),
                        "Dự thảo.pdf", 422, "file-unreadable"),
                new Bad("a password-protected PDF", pdf("Secret draft text of the committee", "user-secret"),
                        "Dự thảo.pdf", 422, "file-password-protected"),
                new Bad("a name with a folder in it", docx(PARAGRAPHS), "../Dự thảo.docx", 422, "file-name-invalid"),
                new Bad("a name with a control character", docx(PARAGRAPHS), "Dự thảo\u0007.docx", 422, "file-name-invalid"));
    }

    @Test
    void a_file_far_over_the_size_limit_gets_its_413_and_rule_not_a_broken_connection() {
        // Docket stops reading at the limit; the client is still sending 18 MB when the answer is written.
        ResponseEntity<Map<String, Object>> refused = handIn("tckh", new byte[20 * 1024 * 1024], "Dự thảo.txt", Map.of());

        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        assertThat(refused.getBody()).containsEntry("rule", "file-too-large").containsEntry("maxMb", 2);
        assertThat(drafts()).isEmpty();
    }

    @Test
    void a_large_file_under_a_name_docket_refuses_gets_its_422_and_rule_not_a_broken_connection() throws Exception {
        // The name is refused from the part's headers, before its body: the client is still sending 20 MB then.
        HttpResponse<String> refused = send("b0undary", form("b0undary",
                new Object[] {"file", "Kế hoạch 1\\2.txt", new byte[20 * 1024 * 1024]}), false);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("\"rule\":\"file-name-invalid\"");
        assertThat(drafts()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused and nothing is stored")
    @MethodSource("badFiles")
    void whatever_is_not_a_readable_document_is_refused_naming_the_rule_and_nothing_is_stored(Bad bad) {
        long before = storedPieces();
        ResponseEntity<Map<String, Object>> refused = handIn("tckh", bad.content(), bad.filename(), Map.of());
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(bad.status());
        assertThat(refused.getBody()).containsEntry("rule", bad.rule());
        assertThat(drafts()).isEmpty();
        assertThat(storedPieces()).isEqualTo(before);
    }

    @Test
    void a_file_whose_hash_differs_from_the_one_the_client_names_is_refused_and_not_stored() {
        long before = storedPieces();
        ResponseEntity<Map<String, Object>> refused = handIn("tckh", docx(PARAGRAPHS), "Dự thảo.docx",
                Map.of("documentSha256", "0".repeat(64)));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "document-sha256-mismatch");
        assertThat(drafts()).isEmpty();
        assertThat(storedPieces()).isEqualTo(before);
    }

    @Test
    void a_file_handed_in_while_the_last_draft_awaits_review_is_refused_and_not_kept() {
        assertThat(handIn("tckh", docx(PARAGRAPHS), "Dự thảo.docx", Map.of()).getStatusCode().value()).isEqualTo(201);
        long before = storedPieces();
        ResponseEntity<Map<String, Object>> refused = handIn("tckh", docx(List.of("Bản khác " + UUID.randomUUID())),
                "Dự thảo 2.docx", Map.of());
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).containsEntry("rule", "draft-awaiting-review");
        assertThat(storedPieces()).isEqualTo(before);
    }

    @Test
    void a_hand_in_whose_answer_is_lost_after_its_draft_is_stored_keeps_the_file_the_draft_names() {
        // The database goes away after the events are appended but before the command completes: the client gets a
        // 503, yet the draft is stored and names its file, so the file must stay (verify would call it missing).
        Registration lostAnswer = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof SubmitDraft) {
                unitOfWork.onCommit(u -> {
                    throw new MongoSocketWriteException("The connection closed after the write (test)",
                            new ServerAddress(), new java.io.IOException("closed"));
                });
            }
            return chain.proceed();
        });
        byte[] content = docx(List.of("Bản nộp mất câu trả lời " + UUID.randomUUID()));
        ResponseEntity<Map<String, Object>> lost;
        try {
            lost = handIn("tckh", content, "Dự thảo.docx", Map.of());
        } finally {
            lostAnswer.cancel();
        }
        assertThat(lost.getStatusCode().value()).as("%s", lost.getBody()).isEqualTo(503);
        assertThat(drafts()).as("the draft the client was not told about").hasSize(1);

        ResponseEntity<byte[]> file = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> download("chair", 1), r -> r.getStatusCode().value() == 200);
        assertThat(file.getBody()).isEqualTo(content);
        assertThat(docket.getOk("auditor", "/api/audit/verify")).containsEntry("intact", true);
    }
}
