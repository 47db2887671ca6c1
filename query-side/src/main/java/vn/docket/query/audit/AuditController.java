package vn.docket.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.Text;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.AssignmentLookup;
import vn.docket.query.assignments.AssignmentView;
import vn.docket.query.assignments.Visibility;
import vn.docket.query.notices.DocumentType;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.CsvLine;
import vn.docket.query.support.Page;
import vn.docket.query.support.Paging;
import vn.docket.query.support.ReadModels;

@RestController
@Tag(name = "Audit")
class AuditController {

    private final MongoCollection<Document> log;
    private final Visibility visibility;
    private final AssignmentLookup lookup;
    private final AssignmentIndex index;
    private final AuditIndex auditIndex;
    /** A unit filter typed short ("TC-KH") is the directory's unit, as the web app resolves it (none on a query node alone). */
    private final UnitAliases units;

    AuditController(MongoDatabase database, Visibility visibility, AssignmentLookup lookup, AssignmentIndex index,
                    AuditIndex auditIndex, ObjectProvider<UnitAliases> units) {
        this.log = database.getCollection(AuditLogProjection.COLLECTION);
        this.visibility = visibility;
        this.lookup = lookup;
        this.index = index;
        this.auditIndex = auditIndex;
        this.units = units.getIfAvailable(UnitAliases::none);
    }

    /** How long a page waits for the audit log projection to write what the index already has. */
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(2);
    /** Only an event recorded this recently is waited for; an older gap is not about to close. */
    static final Duration RECENT = Duration.ofSeconds(10);

    /**
     * One audit entry; the field names are part of the HTTP contract. {@code documentType}: for a notice's own events,
     * the type its number names, so that the log names the notice as its pages do ("Công văn số 9387/UBND-KT").
     */
    record AuditEntry(String eventId, String type, String assignmentId, String assignmentTitle, Long sequence,
                      ActorRef actor, Instant recordedAt, String effectiveDate, String commandId,
                      Map<String, Object> payload, @JsonInclude(JsonInclude.Include.NON_NULL) DocumentType documentType) {
    }

    /** A full id, or the first characters the log shows (at least 4 hexadecimal digits). */
    private static final Pattern ID_OR_PREFIX = Pattern.compile("[0-9a-f]{4}[0-9a-f-]{0,32}");

    @GetMapping("/api/audit")
    @Operation(summary = "Every event, newest first: who, what, when (recorded and effective), under which command;"
            + " type filters by the kind of event (several allowed), from/to by the day recorded,"
            + " effectiveFrom/effectiveTo by the day it took effect")
    Page<AuditEntry> audit(@RequestParam(required = false) String assignment,
                           @RequestParam(required = false) String actor,
                           @RequestParam(required = false) String unit,
                           @RequestParam(required = false) List<String> type,
                           @RequestParam(required = false) LocalDate from,
                           @RequestParam(required = false) LocalDate to,
                           @RequestParam(required = false) LocalDate effectiveFrom,
                           @RequestParam(required = false) LocalDate effectiveTo,
                           @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Predicate<AuditIndex.Entry> matches = matching(assignment, actor, unit, type, from, to, effectiveFrom, effectiveTo);
        AuditIndex.Found found = auditIndex.find(matches, paging.skip(), paging.size());
        List<AuditEntry> items = shown(entries(found.page()));
        return new Page<>(items, paging.page(), paging.size(), found.total());
    }

    /** How many entries the CSV reads from the read model at a time: the log may hold 150,000. */
    static final int CSV_BATCH = 500;
    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("d/M/yyyy HH:mm:ss")
            .withZone(PlatformConfiguration.ZONE);

    /**
     * The log as filtered, every page of it, as the page shows it (lang "en": in English), written as it is read: the
     * filters are checked and the entries chosen before the first byte, so a refusal is a problem, not half a file.
     */
    @GetMapping("/api/audit.csv")
    @Operation(summary = "Every entry the same filters select, newest first, as CSV (UTF-8 with a byte-order mark)")
    void csv(@RequestParam(required = false) String assignment,
             @RequestParam(required = false) String actor,
             @RequestParam(required = false) String unit,
             @RequestParam(required = false) List<String> type,
             @RequestParam(required = false) LocalDate from,
             @RequestParam(required = false) LocalDate to,
             @RequestParam(required = false) LocalDate effectiveFrom,
             @RequestParam(required = false) LocalDate effectiveTo,
             @RequestParam(required = false) String lang,
             HttpServletResponse response) throws IOException {
        Predicate<AuditIndex.Entry> matches = matching(assignment, actor, unit, type, from, to, effectiveFrom, effectiveTo);
        List<AuditIndex.Entry> chosen = auditIndex.find(matches, 0, Integer.MAX_VALUE).page();
        AuditWords.Words words = "en".equals(lang) ? AuditWords.EN : AuditWords.VI;
        // Written on the request's own thread, not as an async StreamingResponseBody, whose 30-second timeout a log of
        // 150,000 entries could outlast, cutting the file short with no sign of it.
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("nhat-ky.csv").build()
                .toString());
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        writer.write(CsvLine.BOM);
        writer.write(CsvLine.of(words.header()));
        for (int at = 0; at < chosen.size(); at += CSV_BATCH) {
            for (AuditEntry e : shown(entries(chosen.subList(at, Math.min(chosen.size(), at + CSV_BATCH))))) {
                writer.write(CsvLine.of(row(e, words)));
            }
        }
        writer.flush();
    }

    /**
     * A field's value as the page's details write it (audit.js readable): a list's items separated by "; ", a nested
     * record's fields (named as the page names them) by " · ", a revision point as "1.1 Bổ sung lộ trình", yes or no,
     * days d/M/yyyy and months M/yyyy, Docket's codes, refused rules, a lapse's reason, who sent a reminder and a file's
     * kind in words.
     */
    private static String readable(Object value, String key, AuditWords.Words words) {
        if (value instanceof List<?> items) {
            return items.stream().map(item -> readable(item, key, words)).collect(Collectors.joining("; "));
        }
        if (value instanceof Boolean yes) {
            return yes ? words.yes() : words.no();
        }
        if ("points".equals(key) && value instanceof Map<?, ?> point && point.containsKey("id") && point.containsKey("text")) {
            return point.get("id") + " " + point.get("text");
        }
        if (value instanceof Map<?, ?> nested) {
            return nested.entrySet().stream().filter(f -> shown(f.getValue()))
                    .map(f -> named(String.valueOf(f.getKey()), words) + ": " + readable(f.getValue(), String.valueOf(f.getKey()), words))
                    .collect(Collectors.joining(" · "));
        }
        String text = String.valueOf(value);
        if (ISO_DAY.matcher(text).matches()) {
            return Text.date(LocalDate.parse(text));
        }
        if (ISO_INSTANT.matcher(text).lookingAt()) {
            try {
                return AT.format(Instant.parse(text));
            } catch (DateTimeParseException notOne) {
                return text;
            }
        }
        if (ISO_MONTH.matcher(text).matches()) {
            return Integer.parseInt(text.substring(5)) + "/" + text.substring(0, 4);
        }
        if ("rule".equals(key) && words.problems().containsKey(text)) {
            return words.problems().get(text);
        }
        if ("mediaType".equals(key)) {
            return fileKind(text, words);
        }
        if ("why".equals(key) && words.lapsed().containsKey(text)) {
            return words.lapsed().get(text);
        }
        if ("kind".equals(key) && words.reminderKinds().containsKey(text)) {
            return words.reminderKinds().get(text);
        }
        return CODE.matcher(text).matches() ? words.values().getOrDefault(text, text) : text;
    }

    /** A media type as the draft's page names its kind (i18n.js fmtFileKind); another type as it is. */
    private static String fileKind(String mediaType, AuditWords.Words words) {
        String kind = mediaType.equals("application/pdf") ? "pdf" : mediaType.contains("wordprocessingml") ? "docx"
                : mediaType.contains("opendocument") ? "odt" : mediaType.startsWith("text/") ? "txt" : null;
        return kind == null ? mediaType : words.fileKinds().get(kind);
    }

    /** A field's name in the reader's language, as the page's details give it; its own name where the page has none. */
    private static String named(String field, AuditWords.Words words) {
        return words.fields().getOrDefault(field, field);
    }

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** What the page takes for one of Docket's codes and looks up (audit.js readable). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d/M/yyyy HH:mm").withZone(PlatformConfiguration.ZONE);

    /** What the page leaves out of the details as saying nothing: no value, an empty list, or a record with nothing in it. */
    private static boolean shown(Object value) {
        if (value instanceof Map<?, ?> nested) {
            return nested.values().stream().anyMatch(AuditController::shown);
        }
        return value != null && !(value instanceof List<?> items && items.isEmpty());
    }

    /**
     * One entry's cells, in the order of {@link AuditWords#HEADER_VI}; its details one field a line, as the page lists
     * them: a list's items are separated by "; " as on the page, which would run into the next field on one line.
     */
    private static List<Object> row(AuditEntry e, AuditWords.Words words) {
        ActorRef who = e.actor();
        Map<String, Object> payload = e.payload() == null ? Map.of() : e.payload();
        // As the page names it: an extension of a task that had no deadline set its first one.
        String kind = "DeadlineExtended".equals(e.type()) && payload.get("previousDeadline") == null
                ? words.kinds().get("DeadlineSet") : words.kinds().getOrDefault(e.type(), e.type());
        // A reason a leader took from the unit's request is named as the unit's, and said to be, as on the page; the
        // flag itself is no detail.
        boolean unitsReason = Boolean.TRUE.equals(payload.get("reasonFromRequest"));
        // A refusal's reason is the server's English: the rule's own words stand in for it where the page has them.
        boolean ruleSaid = payload.get("rule") instanceof String rule && words.problems().containsKey(rule);
        String details = payload.entrySet().stream()
                .filter(f -> shown(f.getValue()) && !f.getKey().equals("assignmentId") && !f.getKey().equals("reasonFromRequest")
                        && !(ruleSaid && f.getKey().equals("reason")))
                .map(f -> unitsReason && f.getKey().equals("reason")
                        ? named("requestReason", words) + ": " + readable(f.getValue(), "reason", words) + " " + words.leaderGaveNone()
                        : named(f.getKey(), words) + ": " + readable(f.getValue(), f.getKey(), words))
                .collect(Collectors.joining("\n"));
        return Arrays.asList(e.recordedAt() == null ? null : RECORDED.format(e.recordedAt()),
                e.effectiveDate() == null ? null : Text.date(LocalDate.parse(e.effectiveDate())),
                who == null ? null : who.name(), who == null ? null : who.id(), who == null ? null : who.unit(),
                who == null ? null : words.roles().getOrDefault(who.role(), who.role()), kind,
                // A notice's own step names its document where a task's names the task, as the page does (audit.js noticeOf).
                e.assignmentId() == null && payload.get("noticeId") != null ? noticeName(payload, e.documentType(), words)
                        : e.assignmentTitle(), e.assignmentId(), e.commandId(), details);
    }

    /** A registered document as its pages name it (layout.js noticeName): "Công văn số 9387/UBND-KT", or as unnumbered. */
    private static String noticeName(Map<String, Object> payload, DocumentType type, AuditWords.Words words) {
        String number = noticeNumber(payload);
        if (number == null || number.isEmpty()) {
            return words.noticeUnnumbered();
        }
        return words.noticeTitle().replace("{type}", words.documentTypes().get(type == null ? "NONE" : type.name()))
                .replace("{number}", number);
    }

    /** The filters joined into one test (null: none), once the assignment index has caught up. */
    private Predicate<AuditIndex.Entry> matching(String assignment, String actor, String unit, List<String> type,
                                                 LocalDate from, LocalDate to, LocalDate effectiveFrom, LocalDate effectiveTo) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new RuleBroken("range-reversed", "'to' must not be before 'from'.");
        }
        if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new RuleBroken("range-reversed", "'effectiveTo' must not be before 'effectiveFrom'.");
        }
        index.awaitCaughtUp();
        List<Predicate<AuditIndex.Entry>> filters = new ArrayList<>();
        List<String> visible = visibility.visibleIds(CurrentActor.get());
        if (visible != null) {
            // Unit staff read the history of what their unit may see, and nothing else.
            Set<String> theirs = new HashSet<>(visible);
            filters.add(e -> e.assignmentId() != null && theirs.contains(e.assignmentId()));
        }
        String id = Text.clean(assignment) == null ? null : Text.clean(assignment).toLowerCase(Locale.ROOT);
        if (id != null) {
            if (!ID_OR_PREFIX.matcher(id).matches()) {
                throw new RuleBroken("assignment-filter", "Filter by a task's id, or by its first characters as the log "
                        + "shows them (at least 4, such as 3f2a9c1e).");
            }
            filters.add(e -> e.assignmentId() != null && e.assignmentId().startsWith(id));
        }
        String who = Text.clean(actor);
        if (who != null) {
            // A user id as typed, or any part of a person's name, with or without tone marks.
            String login = who.toLowerCase(Locale.ROOT);
            String folded = Text.folded(who);
            filters.add(e -> login.equals(e.who().id()) || (e.who().words() != null && e.who().words().contains(folded)));
        }
        String u = units.nameOf(Text.clean(unit));
        if (u != null) {
            filters.add(e -> u.equals(e.who().unit()));
        }
        Set<String> kinds = kinds(type);
        if (!kinds.isEmpty()) {
            filters.add(e -> kinds.contains(e.type()));
        }
        if (from != null || to != null) {
            long since = from == null ? Long.MIN_VALUE : from.atStartOfDay(PlatformConfiguration.ZONE).toInstant().toEpochMilli();
            long until = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant().toEpochMilli();
            filters.add(e -> e.recordedAt() >= since && e.recordedAt() < until);
        }
        if (effectiveFrom != null || effectiveTo != null) {
            // The day it took effect, which a clerk may have recorded later (a meeting's history, a step back-dated);
            // an entry that names no such day (a user's) is not one of them.
            long first = effectiveFrom == null ? Long.MIN_VALUE : effectiveFrom.toEpochDay();
            long last = effectiveTo == null ? Long.MAX_VALUE : effectiveTo.toEpochDay();
            filters.add(e -> e.effectiveDay() != AuditIndex.NO_DAY && e.effectiveDay() >= first && e.effectiveDay() <= last);
        }
        // Joined once: a stream over the filters for each of the log's entries (155,000 at 50,000 assignments) was most
        // of a page's time and garbage (JFR over HTTP, bench/README.md "The audit log's first page").
        return filters.isEmpty() ? null : filters.stream().reduce(Predicate::and).get();
    }

    /** The kinds of event asked for, each given once or several separated by commas; a kind Docket has not is refused. */
    private static Set<String> kinds(List<String> type) {
        Set<String> kinds = new HashSet<>();
        for (String given : type == null ? List.<String>of() : type) {
            for (String one : given.split(",")) {
                String kind = Text.clean(one);
                if (kind == null) {
                    continue;
                }
                if (!AuditIndex.TYPES.contains(kind)) {
                    throw new RuleBroken("event-type-filter", "\"" + kind + "\" is no kind of event Docket records: filter by "
                            + "one such as DeadlineExtended or UserRoleChanged, as the log names them.");
                }
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * The entries as the log shows them, with their tasks' titles. A grant stored before it said whose words its reason
     * is says so here when its reason is the request's word for word, as the plan path reads it (AuditIndex).
     */
    private List<AuditEntry> shown(List<AuditLogProjection.LogEntry> entries) {
        Map<String, AssignmentView> assignments = lookup.byIds(entries.stream().map(AuditLogProjection.LogEntry::assignmentId)
                .filter(Objects::nonNull).distinct().toList());
        return entries.stream().map(e -> {
            AssignmentView about = assignments.get(e.assignmentId());
            Map<String, Object> payload = e.payload();
            if ("DeadlineExtended".equals(e.type()) && payload != null && payload.get("reasonFromRequest") == null) {
                payload.put("reasonFromRequest", auditIndex.grantedWithTheRequestsReason(e.eventId()) ? true : null);
            }
            return new AuditEntry(e.eventId(), e.type(), e.assignmentId(), about == null ? null : about.title(), e.seq(),
                    e.actor(), e.recordedAt(), e.effectiveDate(), e.commandId(), payload,
                    e.noticeId() == null ? null : DocumentType.of(noticeNumber(payload)));
        }).toList();
    }

    /** The number a notice's event names it by (the new one, for a correction; null for none yet). */
    private static String noticeNumber(Map<String, Object> payload) {
        if (payload == null) {
            return null;
        }
        Object number = payload.get("notice") instanceof Map<?, ?> notice ? notice.get("number") : payload.get("number");
        return number instanceof String text ? text : null;
    }

    /**
     * The page's entries from the read model, by id, in the index's order. The index and the audit log projection
     * follow the event store separately, so an entry recorded a moment ago may not be written yet: the page waits
     * for it up to {@link #READ_MODEL_WAIT}, then leaves it out (the total still counts it).
     */
    private List<AuditLogProjection.LogEntry> entries(List<AuditIndex.Entry> entries) {
        long recent = System.currentTimeMillis() - RECENT.toMillis();
        Set<String> recentIds = entries.stream().filter(e -> e.recordedAt() > recent).map(AuditIndex.Entry::eventId)
                .collect(Collectors.toSet());
        return ReadModels.inOrder(log, entries.stream().map(AuditIndex.Entry::eventId).toList(), (id, d) -> d == null && recentIds.contains(id),
                READ_MODEL_WAIT).stream().map(AuditLogProjection.LogEntry::read).toList();
    }
}
