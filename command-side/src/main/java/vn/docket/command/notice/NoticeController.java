package vn.docket.command.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.docket.command.assignment.Authority;
import vn.docket.command.notice.reading.Doubt;
import vn.docket.command.notice.reading.NoticeItem;
import vn.docket.command.notice.reading.NoticeReader;
import vn.docket.command.notice.reading.NoticeReading;
import vn.docket.command.notice.reading.NoticeReadingException;
import vn.docket.command.notice.reading.ReadingWarning;
import vn.docket.command.notice.reading.UnitDirectory;
import vn.docket.events.NoticeParticulars;
import vn.docket.platform.Sha256;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.files.FileRefused;
import vn.docket.platform.security.CurrentActor;
import vn.docket.platform.web.Problems;

/** A clerk uploads a notice, checks the preview, corrects it and confirms. */
@RestController
@Tag(name = "Notices (import)")
class NoticeController {

    private final NoticeReader reader;
    private final NoticeRegistrar registrar;
    private final ApprovalLevels levels;
    private final UnitDirectory units;

    NoticeController(NoticeReader reader, NoticeRegistrar registrar, ApprovalLevels levels, UnitDirectory units) {
        this.reader = reader;
        this.registrar = registrar;
        this.levels = levels;
        this.units = units;
    }

    /** The read-out with the field names of ../shared/notices/*.expected.json; fields may be added. */
    record Preview(NoticeParticulars notice, List<NoticeItem> items, List<ReadingWarning> warnings, String sourceSha256,
                   String registeredBefore) {
    }

    @PostMapping(path = "/api/notices/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Read an uploaded notice (.txt, .docx, .pdf) into a preview; writes nothing")
    Preview previewFile(@RequestParam("file") List<MultipartFile> files) throws java.io.IOException {
        requireClerk();
        // Two notices in one form: reading the first alone would preview a notice the clerk may not have meant.
        if (files.size() > 1) {
            throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-request",
                    "Biểu mẫu có trường 'file' hai lần (field 'file' is given twice): hãy gửi một thông báo mỗi lần.");
        }
        return preview(files.get(0).getBytes(), files.get(0).getOriginalFilename());
    }

    @PostMapping(path = "/api/notices/preview", consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Read a notice sent as the request body into a preview; writes nothing")
    Preview previewBody(@RequestBody(required = false) byte[] body) {
        requireClerk();
        return preview(body == null ? new byte[0] : body, "notice.txt");
    }

    @PostMapping(path = "/api/notices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a checked notice: the notice and, per item, its assignment with the meeting's history")
    ResponseEntity<NoticeRegistrar.Registered> register(@RequestBody NoticeReadOut readOut) {
        requireClerk();
        NoticeRegistrar.Registered registered = registrar.register(readOut, CurrentActor.get());
        return ResponseEntity.created(URI.create("/api/notices/" + registered.id())).body(registered);
    }

    /** The number and date of a notice's signed copy; the date may be left out when the registered one stands. */
    record Numbering(String number, java.time.LocalDate issuedOn) {
    }

    @PostMapping(path = "/api/notices/{id}/number", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give a notice registered without a number the number (and date) of its signed copy")
    ResponseEntity<Void> number(@PathVariable UUID id, @RequestBody Numbering numbering) {
        requireClerk();
        registrar.number(id, numbering.number(), numbering.issuedOn(), CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    /** The number (and date) of the signed copy, which the notice was recorded under wrongly, and why. */
    record NumberCorrection(String number, java.time.LocalDate issuedOn, String reason) {
    }

    @PostMapping(path = "/api/notices/{id}/number-correction", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct the number a notice was recorded under (a typo); the old number stays in the log")
    ResponseEntity<Void> correctNumber(@PathVariable UUID id, @RequestBody NumberCorrection correction) {
        requireClerk();
        registrar.correctNumber(id, correction.number(), correction.issuedOn(), correction.reason(), CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(NoticeReadingException.class)
    ResponseEntity<ProblemDetail> unreadable(NoticeReadingException e) {
        HttpStatus status = e.problem() == NoticeReadingException.Problem.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
                : e.problem() == NoticeReadingException.Problem.UNSUPPORTED_FORMAT ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, "notice-" + e.problem().name().toLowerCase().replace('_', '-'), e.getMessage()));
    }

    private Preview preview(byte[] content, String name) {
        NoticeReading reading = reader.read(content, name);
        List<ReadingWarning> warnings = new ArrayList<>(reading.warnings());
        for (int i = 0; i < reading.items().size(); i++) {
            String route = "items[" + i + "].submitTo";
            // Every assignment needs a level to go to: an item read without one was refused only at confirmation.
            if (reading.items().get(i).submitTo().isEmpty() && warnings.stream().noneMatch(w -> w.field().equals(route))) {
                warnings.add(new ReadingWarning(route, Doubt.of("route-none", "Chưa có cấp trình; chọn cấp trình trước khi xác nhận.")));
            }
            for (String level : reading.items().get(i).submitTo()) {
                if (!levels.isKnown(level)) {
                    warnings.add(new ReadingWarning("items[" + i + "].submitTo", Doubt.of("route-level-unknown",
                            "\"" + level + "\" không phải cấp trình đã cấu hình; chọn một cấp trình trước khi xác nhận.", "level", level)));
                }
            }
        }
        for (int i = 0; i < reading.items().size(); i++) {
            NoticeItem item = reading.items().get(i);
            // Registration refuses a lead outside the directory until the clerk settles it: said here, at the field, first.
            // A generic phrase or a body outside the office the reader does not say so itself.
            for (String lead : item.leads()) {
                sayIfOutsideDirectory(warnings, item, "items[" + i + "].leads", lead,
                        u -> Doubt.of("lead-generic", "\"" + u + "\" là cụm từ chung, không chỉ riêng một đơn vị nào: không ai"
                                + " theo dõi được nhiệm vụ giao cho nó. Chọn đơn vị chủ trì trong danh bạ, hoặc đánh dấu giữ nguyên"
                                + " nếu cố ý.", "unit", u),
                        u -> Doubt.of("lead-not-in-directory", "\"" + u + "\" không có trong danh bạ đơn vị: không cán bộ nào"
                                + " thuộc đơn vị này để theo dõi nhiệm vụ. Chọn đơn vị chủ trì trong danh bạ, hoặc đánh dấu giữ"
                                + " nguyên nếu cố ý.", "unit", u));
            }
            // Each part owed gets an assignment of its own, refused as a lead is; a phrase gets none and stays with the
            // lead's coordinating units.
            for (int c = 0; c < item.contributions().size(); c++) {
                for (String unit : item.contributions().get(c).units()) {
                    sayIfOutsideDirectory(warnings, item, "items[" + i + "].contributions[" + c + "].units", unit,
                            u -> Doubt.of("contribution-unit-generic", "\"" + u + "\" là cụm từ chung, không chỉ riêng một đơn"
                                    + " vị nào: không giao riêng được phần góp ý cho nó, nên khi xác nhận sẽ ghi là đơn vị phối hợp"
                                    + " của mục. Chọn đơn vị trong danh bạ nếu biết đơn vị nào phải gửi.", "unit", u),
                            u -> Doubt.of("contribution-unit-not-in-directory", "\"" + u + "\" không có trong danh bạ đơn vị:"
                                    + " không cán bộ nào thuộc đơn vị này để theo dõi phần góp ý. Chọn đơn vị trong danh bạ, hoặc"
                                    + " đánh dấu giữ nguyên nếu cố ý.", "unit", u));
                }
            }
            // A coordinating unit outside the directory is refused unless kept: the unit meant would not see the task. A
            // phrase names nobody to show it to: said, not refused.
            for (String unit : item.coordinators()) {
                sayIfOutsideDirectory(warnings, item, "items[" + i + "].coordinators", unit,
                        u -> Doubt.of("coordinator-generic", "\"" + u + "\" là cụm từ chung, không chỉ riêng một đơn vị nào:"
                                + " không cán bộ nào thấy nhiệm vụ nhờ tên này. Chọn đơn vị phối hợp trong danh bạ nếu biết đơn"
                                + " vị nào.", "unit", u),
                        u -> Doubt.of("coordinator-not-in-directory", "\"" + u + "\" không có trong danh bạ đơn vị: không cán bộ"
                                + " nào thuộc đơn vị này để thấy nhiệm vụ mình phối hợp. Chọn đơn vị phối hợp trong danh bạ, hoặc"
                                + " đánh dấu giữ nguyên nếu cố ý.", "unit", u));
            }
        }
        String sha = Sha256.hex(content);
        // The clerk reads the list as the page lays the notice out: its own fields, then item by item (the reader's
        // warnings and the ones added here came by kind, item 1's at three places among item 2's).
        warnings.sort(Comparator.comparingInt(NoticeController::itemOf));
        UUID earlier = registrar.registeredBefore(reading.notice().number(), sha);
        return new Preview(reading.notice(), reading.items(), warnings, sha,
                earlier == null ? null : "/api/notices/" + earlier);
    }

    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]");

    /** The item a warning's field belongs to; -1 for the notice's own fields. */
    private static int itemOf(ReadingWarning warning) {
        Matcher item = ITEM_FIELD.matcher(warning.field());
        return item.lookingAt() ? Integer.parseInt(item.group(1)) : -1;
    }

    private static void requireClerk() {
        Authority.requireClerk(CurrentActor.get(), "import notices");
    }

    /**
     * A unit of an item that no unit of the directory is, said at its field: as a phrase naming units in general, or as a
     * unit the directory lacks. One the reader found nowhere it has already said so itself.
     */
    private void sayIfOutsideDirectory(List<ReadingWarning> warnings, NoticeItem item, String field, String unit,
                                       Function<String, Doubt> phrase, Function<String, Doubt> unknown) {
        if (units.ownName(unit).isPresent() || item.unknownUnits().contains(unit)) {
            return;
        }
        warnings.add(new ReadingWarning(field, registrar.isGeneric(unit) ? phrase.apply(unit) : unknown.apply(unit)));
    }
}
