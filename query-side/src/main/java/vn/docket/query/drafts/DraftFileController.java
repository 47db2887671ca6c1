package vn.docket.query.drafts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.DocumentFile;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftSubmitted;
import vn.docket.platform.files.FileStore;
import vn.docket.platform.files.StoredText;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.assignments.Visibility;

/**
 * A draft's file as it was handed in, and its text. The version is looked up in the assignment's own events (the
 * hash there is the chained, tamper-evident one), so a draft can be opened the moment it is stored. Whoever may
 * see the assignment may read its drafts; for anyone else neither exists.
 */
@RestController
@Tag(name = "Drafts (files)")
class DraftFileController {

    /** Said of a scanned PDF, which is stored and can be downloaded but has no text to read or compare. */
    static final String NO_TEXT_LAYER = "không có lớp văn bản";

    private final EventStore events;
    private final FileStore files;
    private final Visibility visibility;
    /** A stored text longer than the largest file a draft may be is damaged or forged: never inflated further. */
    private final long maxTextBytes;

    DraftFileController(EventStore events, FileStore files, Visibility visibility,
                        @Value("${docket.files.max-size}") DataSize maxSize) {
        this.events = events;
        this.files = files;
        this.visibility = visibility;
        this.maxTextBytes = maxSize.toBytes();
    }

    /** A stored document's text: a draft's ({@code version}) or the issued one's ({@code documentNumber}). */
    record DraftText(Integer version, String documentNumber, String documentName, String mediaType, long size,
                     Integer pageCount, int wordCount, boolean textLayer, String remark, List<String> paragraphs) {
    }

    @GetMapping("/api/assignments/{id}/drafts/{version}/file")
    @Operation(summary = "Download a draft's file with its original name; ?inline=true shows a PDF in the browser")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable int version,
                                @RequestParam(defaultValue = "false") boolean inline) {
        DraftSubmitted draft = draft(id, version);
        return download("draft v" + version, draft.documentName(), draft.documentSha256(), draft.file(), inline);
    }

    @GetMapping("/api/assignments/{id}/drafts/{version}/text")
    @Operation(summary = "A draft's text, one paragraph an entry; a scanned PDF has none (textLayer false)")
    DraftText text(@PathVariable UUID id, @PathVariable int version) {
        DraftSubmitted draft = draft(id, version);
        return text(version, null, draft.documentName(), draft.documentSha256(), draft.file(), "Draft v" + version);
    }

    @GetMapping("/api/assignments/{id}/issuance/file")
    @Operation(summary = "Download the issued document's file with its original name; ?inline=true shows a PDF")
    ResponseEntity<byte[]> issuedFile(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean inline) {
        DocumentIssued issued = issued(id);
        return download("the issued document", issued.documentName(), issued.documentSha256(), issued.file(), inline);
    }

    @GetMapping("/api/assignments/{id}/issuance/text")
    @Operation(summary = "The issued document's text, one paragraph an entry")
    DraftText issuedText(@PathVariable UUID id) {
        DocumentIssued issued = issued(id);
        return text(null, issued.documentNumber(), issued.documentName(), issued.documentSha256(), issued.file(),
                "The issued document " + issued.documentNumber());
    }

    private ResponseEntity<byte[]> download(String what, String name, String sha, DocumentFile file, boolean inline) {
        byte[] content = files.content(sha);
        if (content == null) {
            throw new NotFound("The file of " + what + " is missing from the store; run verify.");
        }
        String mediaType = file.mediaType();
        boolean showInline = inline && mediaType.equals(MediaType.APPLICATION_PDF_VALUE);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (showInline) {
            // The draft's page shows the PDF in a frame: this answer alone may be framed, by Docket's own pages.
            answer.header("Content-Security-Policy", "default-src 'none'; object-src 'self'; frame-ancestors 'self'")
                    .header("X-Frame-Options", "SAMEORIGIN");
        }
        return answer
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(showInline, name))
                .header(HttpHeaders.ETAG, "\"" + sha + "\"")
                .body(content);
    }

    private DraftText text(Integer version, String number, String name, String sha, DocumentFile file, String what) {
        List<String> paragraphs = file.textLayer() ? paragraphs(sha, file, what) : List.of();
        return new DraftText(version, number, name, file.mediaType(), file.size(), file.pageCount(), file.wordCount(),
                file.textLayer(), file.textLayer() ? null : NO_TEXT_LAYER, paragraphs);
    }

    @GetMapping("/api/assignments/{id}/drafts/{version}/changes")
    @Operation(summary = "What changed since another version (default: the previous one): paragraphs added, removed and"
            + " changed with the words changed inside, and the figures")
    DraftChanges.Changes changes(@PathVariable UUID id, @PathVariable int version,
                                 @RequestParam(required = false) Integer from) {
        int earlier = from == null ? version - 1 : from;
        // From a later version the changes would read backwards, under a heading that says "so với v…" of the later one.
        if (earlier < 1 || earlier >= version) {
            throw new RuleBroken("changes-from-invalid", "Compare draft v" + version + " with an earlier version of the"
                    + " same assignment (from=1 to " + (version - 1) + ").");
        }
        return DraftChanges.between(earlier, paragraphs(draft(id, earlier)), version, paragraphs(draft(id, version)));
    }

    private List<String> paragraphs(DraftSubmitted draft) {
        return paragraphs(draft.documentSha256(), draft.file(), "Draft v" + draft.version());
    }

    private List<String> paragraphs(String sha, DocumentFile file, String what) {
        if (!file.textLayer()) {
            throw new RuleBroken("draft-without-text", what + " is a scan (" + NO_TEXT_LAYER
                    + "): there is no text to compare.");
        }
        Document description = files.describe(sha);
        if (description == null) {
            throw new NotFound("The file of " + what + " is missing from the store; run verify.");
        }
        String text;
        try {
            text = StoredText.of(description, maxTextBytes);
        } catch (StoredText.Unreadable e) {
            // The text is read from the file, not part of the chained record: verify judges the file, not this.
            throw new RuleBroken("draft-text-damaged", "The text kept for " + what + " cannot be read: " + e.getMessage()
                    + ". The file itself can still be downloaded.");
        }
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** The issuance, if this person may see the assignment and the issued document was uploaded with it. */
    private DocumentIssued issued(UUID id) {
        visibility.requireVisible(CurrentActor.get(), id);
        DocumentIssued found = events.readEvents(id.toString(), 0).asStream()
                .map(m -> m.getPayload() instanceof DocumentIssued d ? d : null)
                .filter(d -> d != null).reduce((first, later) -> later)
                .orElseThrow(() -> new NotFound("Assignment " + id + " has no issued document yet."));
        if (found.file() == null) {
            throw new NotFound("The document " + found.documentNumber() + " was issued without its file (by number only).");
        }
        return found;
    }

    /** The draft of that version, if this person may see the assignment and the draft came as a file. */
    private DraftSubmitted draft(UUID id, int version) {
        visibility.requireVisible(CurrentActor.get(), id);
        // From the first event: readEvents(id) starts at the assignment's snapshot, and drafts before it are not there.
        DraftSubmitted found = events.readEvents(id.toString(), 0).asStream()
                .map(m -> m.getPayload() instanceof DraftSubmitted d && d.version() == version ? d : null)
                .filter(d -> d != null).reduce((first, later) -> later)
                .orElseThrow(() -> new NotFound("Assignment " + id + " has no draft v" + version + "."));
        if (found.file() == null) {
            throw new NotFound("Draft v" + version + " was handed in without its file (as a link or a hash only).");
        }
        return found;
    }

    /**
     * RFC 6266 with RFC 5987's {@code filename*} carrying the name in UTF-8, and a plain {@code filename} without
     * diacritics for clients that read only that one. A name typed as a form field may hold / or \ (95/KH-UBND): in
     * both it becomes _, so that no client saves the file into a folder the name points to.
     */
    static String contentDisposition(boolean inline, String typed) {
        String name = typed.replace('/', '_').replace('\\', '_');
        String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
