package vn.docket.command.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.command.assignment.AssignmentCommands.Approve;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.assignment.AssignmentCommands.Cancel;
import vn.docket.command.assignment.AssignmentCommands.ExtendDeadline;
import vn.docket.command.assignment.AssignmentCommands.Issue;
import vn.docket.command.assignment.AssignmentCommands.ListActions;
import vn.docket.command.assignment.AssignmentCommands.Reassign;
import vn.docket.command.assignment.AssignmentCommands.RequestRevision;
import vn.docket.command.assignment.AssignmentCommands.SubmitDraft;
import vn.docket.command.dispatch.CommandDispatcher;
import vn.docket.command.dispatch.FormKey;
import vn.docket.command.draftfiles.DraftFiles;
import vn.docket.command.notice.reading.UnitDirectory;
import vn.docket.events.DecisionRef;
import vn.docket.events.DeliverableKind;
import vn.docket.events.NoticeSource;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;
import vn.docket.platform.refusal.Refusals;
import vn.docket.platform.refusal.PreconditionFailed;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.security.AssignmentVisibility;
import vn.docket.platform.security.CurrentActor;

/** The command API of an assignment: each POST is one command, answered once its events are stored. */
@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Assignments (commands)")
class AssignmentCommandController {

    private final CommandDispatcher commands;
    private final EventStore eventStore;

    private final DraftFiles drafts;
    private final ObjectMapper json;
    /** The query side's: absent on a command node running alone (CommandSideApplication), which has no index. */
    private final ObjectProvider<AssignmentVisibility> visibility;
    /** A unit typed as "TC-KH" is stored under its name, or its staff would never see the task. */
    private final UnitDirectory units;

    /** @param requestJson the strict mapper JSON bodies are read with (StrictJson): the form's fields are read by it too */
    AssignmentCommandController(CommandDispatcher commands, EventStore eventStore, DraftFiles drafts,
                                @Qualifier("requestJson") ObjectMapper requestJson, ObjectProvider<AssignmentVisibility> visibility,
                                UnitDirectory units) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.drafts = drafts;
        this.json = requestJson;
        this.visibility = visibility;
        this.units = units;
    }

    record AssignRequest(String title, DeliverableKind kind, String leadUnit, List<String> coordinatingUnits,
                         LocalDate deadline, List<String> approvalRoute, NoticeSource source, UUID parentId,
                         LocalDate effectiveDate) {
    }

    record DraftRequest(String documentName, String documentSha256, String documentUrl, String note,
                        LocalDate effectiveDate, List<PointAnswer> answers) {
    }

    /** {@code level}: the level the leader judged at, as {@code awaitingLevel} of GET /api/assignments/{id} names it. */
    record RevisionRequest(List<String> reasons, LocalDate dueDate, LocalDate effectiveDate,
                           List<String> reopenedPoints, Integer draftVersion, DecisionRef decisionRef, String level) {
    }

    record ApprovalRequest(String note, LocalDate effectiveDate, DecisionRef decisionRef, Integer draftVersion,
                           String level) {
    }

    record IssuanceRequest(String documentNumber, LocalDate issuedOn) {
    }

    /** The fields beside the issued document's file; documentName defaults to the file's own name. */
    record IssuanceForm(String documentNumber, LocalDate issuedOn, String documentName, String documentSha256) {
    }

    record ExtensionRequest(LocalDate newDeadline, String reason, LocalDate effectiveDate) {
    }

    record ReassignmentRequest(String leadUnit, String reason, LocalDate effectiveDate) {
    }

    record CancellationRequest(String reason, LocalDate effectiveDate) {
    }

    @PostMapping
    @Operation(summary = "Assign a task (AssignTask)")
    ResponseEntity<?> assign(@RequestBody AssignRequest r) {
        // Before the parent is looked up: whether an assignment exists is not for someone who may not assign to learn.
        Authority.requireClerk(CurrentActor.get(), "assign tasks");
        if (r.parentId() != null && eventStore.lastSequenceNumberFor(r.parentId().toString()).isEmpty()) {
            throw new RuleBroken("unknown-parent", "The parent assignment " + r.parentId() + " does not exist.");
        }
        List<String> coordinating = r.coordinatingUnits() == null ? null
                : r.coordinatingUnits().stream().map(units::nameOf).toList();
        UUID id = commands.create(newId -> new AssignTask(newId, r.title(), r.kind(), units.nameOf(r.leadUnit()),
                coordinating, r.deadline(), r.approvalRoute(), r.source(), r.parentId(), r.effectiveDate()));
        return ResponseEntity.created(URI.create("/api/assignments/" + id)).body(Map.of("id", id));
    }

    @PostMapping(path = "/{id}/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a draft named by a link or its SHA-256 (SubmitDraft)")
    ResponseEntity<?> submitDraft(@PathVariable UUID id, @RequestBody DraftRequest r) {
        return submitted(id, r, null);
    }

    /**
     * The draft's file in a {@code file} part; the other fields of {@link DraftRequest} as form fields (a field
     * holding a list or an object carries it as JSON text). From here on it is the JSON hand-in with a stored file.
     */
    @PostMapping(path = "/{id}/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a draft as a file (SubmitDraft): Docket stores it and computes its SHA-256")
    ResponseEntity<?> submitDraftFile(@PathVariable UUID id, HttpServletRequest request) throws IOException {
        return withFile(request, DraftRequest.class, DraftRequest::documentSha256, (r, stored) -> submitted(id, r, stored));
    }

    /**
     * Sends the command of a form with a file: its {@code file} part stored, its other fields read as {@code type}
     * ({@link #form}); a keyed form already answered is answered again. The file is kept if the command is,
     * discarded if it was refused. Any other failure (the database went away mid-command) leaves the outcome open:
     * the events may be stored, so the file stays held and the store's sweep settles it, keeping it if a recorded
     * event names it.
     */
    private <F> ResponseEntity<?> withFile(HttpServletRequest request, Class<F> type, Function<F, String> namedSha256,
                                           BiFunction<F, DraftFiles.Stored, ResponseEntity<?>> send) throws IOException {
        // Its chunks are written as it arrives: they go when it closes unless the file was stored.
        try (DraftFiles.Received received = drafts.receive(request)) {
            ResponseEntity<String> replay = FormKey.claim(request, received.fingerprint());
            if (replay != null) {
                return replay;
            }
            F fields = form(received.fields(), type, request);
            DraftFiles.Stored stored = stored(received, namedSha256.apply(fields));
            ResponseEntity<?> answer;
            try {
                answer = send.apply(fields, stored);
            } catch (RuntimeException e) {
                if (Refusals.nothingStored(e)) {
                    drafts.discard(stored);
                }
                throw e;
            }
            drafts.keep(stored);
            return answer;
        }
    }

    /**
     * The form fields of a multipart request as the JSON body they stand for (lists and objects as JSON text), read by
     * the mapper of JSON bodies: a field is held to the same rules (a date written yyyy-MM-dd, text of at most 4,000
     * characters without control characters) and refused with the same problem. Only a field that holds a list or an
     * object in {@code type} is read as JSON: a note typed "[Khẩn] ..." is text, as it would be in a JSON body.
     */
    private <T> T form(Map<String, String> fields, Class<T> type, HttpServletRequest request) {
        Set<String> structured = Arrays.stream(type.getRecordComponents())
                .filter(c -> Collection.class.isAssignableFrom(c.getType()) || c.getType().isRecord())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        ObjectNode form = json.createObjectNode();
        fields.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            try {
                form.set(name, structured.contains(name) ? json.readTree(value) : form.textNode(value));
            } catch (IOException e) {
                throw new RuleBroken("form-field-format", "The form field " + name + " is not valid JSON.");
            }
        });
        try {
            return json.treeToValue(form, type);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("The form's fields do not read as " + type.getSimpleName(), e,
                    new ServletServerHttpRequest(request));
        }
    }

    /** Stores the uploaded file; a SHA-256 the client names must be the one the server computed. */
    private DraftFiles.Stored stored(DraftFiles.Received received, String namedSha256) {
        if (namedSha256 != null && !namedSha256.strip().equalsIgnoreCase(received.sha256())) {
            throw new RuleBroken("document-sha256-mismatch", "The file's SHA-256 is " + received.sha256()
                    + ", not the " + namedSha256.strip() + " the request names: the file changed on its way.");
        }
        return drafts.store(received);
    }

    private ResponseEntity<?> submitted(UUID id, DraftRequest r, DraftFiles.Stored stored) {
        int version = commands.send(stored == null
                ? new SubmitDraft(id, r.documentName(), r.documentSha256(), r.documentUrl(), r.note(), r.effectiveDate(),
                        r.answers(), null)
                : new SubmitDraft(id, DraftFiles.documentName(r.documentName(), stored), stored.sha256(),
                        r.documentUrl(), r.note(), r.effectiveDate(), r.answers(), stored.file()));
        return ResponseEntity.status(201).body(Map.of("version", version));
    }

    @PostMapping("/{id}/revision-requests")
    @Operation(summary = "Request a revision of the draft awaiting review (RequestRevision)")
    ResponseEntity<?> requestRevision(@PathVariable UUID id, @RequestBody RevisionRequest r,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return accepted(id, new RequestRevision(id, r.reasons(), r.dueDate(), r.effectiveDate(), r.reopenedPoints(),
                judged(r.draftVersion(), ifMatch), r.decisionRef(), r.level()));
    }

    @PostMapping("/{id}/approvals")
    @Operation(summary = "Approve the draft at the next level of its route (Approve)")
    ResponseEntity<?> approve(@PathVariable UUID id, @RequestBody ApprovalRequest r,
                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return accepted(id, new Approve(id, r.note(), r.decisionRef(), r.effectiveDate(),
                judged(r.draftVersion(), ifMatch), r.level()));
    }

    @PostMapping(path = "/{id}/issuance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the issuance of the approved document by its number (Issue)")
    ResponseEntity<?> issue(@PathVariable UUID id, @RequestBody IssuanceRequest r) {
        return accepted(id, new Issue(id, r.documentNumber(), r.issuedOn()));
    }

    /** The issued document's file in a {@code file} part, {@code documentNumber} and {@code issuedOn} as form fields. */
    @PostMapping(path = "/{id}/issuance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Record the issuance with the issued document's file (Issue): Docket stores it and computes its SHA-256")
    ResponseEntity<?> issueFile(@PathVariable UUID id, HttpServletRequest request) throws IOException {
        return withFile(request, IssuanceForm.class, IssuanceForm::documentSha256, (r, stored) -> accepted(id,
                new Issue(id, r.documentNumber(), r.issuedOn(), DraftFiles.documentName(r.documentName(), stored),
                        stored.sha256(), stored.file())));
    }

    @PostMapping("/{id}/deadline-extensions")
    @Operation(summary = "Extend the deadline (ExtendDeadline)")
    ResponseEntity<?> extend(@PathVariable UUID id, @RequestBody ExtensionRequest r) {
        return accepted(id, new ExtendDeadline(id, r.newDeadline(), r.reason(), r.effectiveDate()));
    }

    @PostMapping("/{id}/reassignment")
    @Operation(summary = "Give the assignment to another lead unit (Reassign)")
    ResponseEntity<?> reassign(@PathVariable UUID id, @RequestBody ReassignmentRequest r) {
        return accepted(id, new Reassign(id, units.nameOf(r.leadUnit()), r.reason(), r.effectiveDate()));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel the assignment (Cancel)")
    ResponseEntity<?> cancel(@PathVariable UUID id, @RequestBody CancellationRequest r) {
        return accepted(id, new Cancel(id, r.reason(), r.effectiveDate()));
    }

    @GetMapping("/{id}/actions")
    @Operation(summary = "What the signed-in user may do to the assignment now (ListActions): the detail page offers"
            + " these forms; each names a command the assignment accepts from this user in its current state")
    List<Action> actions(@PathVariable UUID id) {
        // Another unit's task does not exist for its staff here either: an empty list would say that it does. A command
        // node running alone cannot tell (what a unit sees is the query side's index); there the list is the aggregate's.
        visibility.ifAvailable(v -> v.requireVisible(CurrentActor.get(), id));
        return commands.send(new ListActions(id));
    }

    /** One entity tag as GET /api/assignments/{id} gives it ("3"), or the bare number. */
    private static final Pattern DRAFT_TAG = Pattern.compile("\"([0-9]{1,9})\"|([0-9]{1,9})");

    /**
     * The draft version a decision judges: {@code draftVersion} in the body and/or {@code If-Match} carrying the
     * ETag of {@code GET /api/assignments/{id}} ("3"); neither, or If-Match "*" (any current draft, as HTTP
     * defines it), means the current version. Two different versions say the client does not know which it read,
     * so nothing is judged; an If-Match that is not one version (a list, tags run together) is not read as one. A weak
     * tag (W/"3") fails the precondition: RFC 9110 compares If-Match strongly, so it matches no version.
     */
    static Integer judged(Integer draftVersion, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return draftVersion;
        }
        String given = ifMatch.strip();
        if (given.startsWith("W/")) {
            throw new PreconditionFailed("if-match-weak", "If-Match compares entity tags strongly (RFC 9110), so the"
                    + " weak tag " + given + " matches no draft version: send the tag as GET /api/assignments/{id} gives"
                    + " it, e.g. \"2\", or draftVersion in the body; nothing was recorded.");
        }
        Matcher tag = DRAFT_TAG.matcher(given);
        if (!tag.matches()) {
            throw new RuleBroken("if-match-format",
                    "If-Match must be the draft version as GET /api/assignments/{id} tags it, e.g. \"2\".");
        }
        int named = Integer.parseInt(tag.group(1) != null ? tag.group(1) : tag.group(2));
        if (draftVersion != null && draftVersion != named) {
            throw new RuleBroken("draft-version-mismatch", "The body names draft v" + draftVersion + " and If-Match"
                    + " names v" + named + ": name the one version you judged; nothing was recorded.");
        }
        return named;
    }

    private ResponseEntity<?> accepted(UUID id, Object command) {
        commands.send(command);
        return ResponseEntity.ok(Map.of("id", id));
    }
}
