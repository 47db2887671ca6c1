package vn.docket.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.docket.events.AccessDenied;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeliverableKind;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NoticeEvent;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.Role;
import vn.docket.events.UserEvent;
import vn.docket.query.notices.DocumentType;

class AuditWordsTest {

    /** A new kind of event would otherwise reach the CSV under its Java name. */
    @Test
    void every_kind_of_event_docket_records_and_every_role_has_a_name_in_vietnamese_and_english_for_the_csv() {
        assertThat(AuditWords.KINDS_VI).containsKeys(AuditIndex.TYPES.toArray(String[]::new)).containsKey("DeadlineSet");
        assertThat(AuditWords.KINDS_EN).containsOnlyKeys(AuditWords.KINDS_VI.keySet());
        for (Role role : Role.values()) {
            assertThat(AuditWords.ROLES_VI).containsKey(role.name());
            assertThat(AuditWords.ROLES_EN).containsKey(role.name());
        }
        assertThat(AuditWords.HEADER_EN).hasSameSizeAs(AuditWords.HEADER_VI);
    }

    /** The CSV names a kind or a role as the page does: a name changed in one place only would say two things. */
    @Test
    void the_csv_names_every_kind_and_role_as_the_audit_page_does_in_both_languages() throws IOException {
        String i18n = Files.readString(Path.of("..", "app", "src", "main", "resources", "static", "js", "i18n.js"),
                StandardCharsets.UTF_8);
        int english = i18n.indexOf("const en = {");
        assertThat(english).isPositive();
        Map<String, String> kindsVi = names(i18n.substring(0, english), "event");
        Map<String, String> kindsEn = names(i18n.substring(english), "event");
        assertThat(AuditWords.KINDS_VI).isEqualTo(kindsVi);
        assertThat(AuditWords.KINDS_EN).isEqualTo(kindsEn);
        assertThat(AuditWords.ROLES_VI).isEqualTo(names(i18n.substring(0, english), "role"));
        assertThat(AuditWords.ROLES_EN).isEqualTo(names(i18n.substring(english), "role"));
    }

    /**
     * The CSV names an event's fields as the page's details do (audit.js fieldName): its own "audit.field." label, else the
     * form's "field." label, else no label (the field's own name, as the page shows it). Every field an event of any kind
     * carries, nested records' included, is held to that: a label added or changed on the page alone fails here.
     */
    @Test
    void the_csv_names_every_field_of_every_event_as_the_audit_page_does_in_both_languages() throws IOException {
        String i18n = Files.readString(Path.of("..", "app", "src", "main", "resources", "static", "js", "i18n.js"),
                StandardCharsets.UTF_8);
        int english = i18n.indexOf("const en = {");
        Set<String> fields = new TreeSet<>();
        Stream.of(AssignmentEvent.class.getPermittedSubclasses(), NoticeEvent.class.getPermittedSubclasses(),
                UserEvent.class.getPermittedSubclasses(), new Class<?>[] {AccessDenied.class})
                .flatMap(Stream::of).forEach(type -> fieldsOf(type, fields));
        assertThat(fields).contains("deadline", "coordinatingUnits", "reasonFromRequest", "mediaType");
        // The page names a reason a leader took from the unit's request apart (audit.js payload): the CSV too.
        fields.add("requestReason");
        assertThat(AuditWords.FIELDS_VI).isEqualTo(labels(fields, i18n.substring(0, english)));
        assertThat(AuditWords.FIELDS_EN).isEqualTo(labels(fields, i18n.substring(english)));
    }

    /**
     * The CSV writes a detail's value as the page's details do (audit.js readable): every code an event carries in the
     * words of the first of the page's VALUE_NAMES that has it (a code it has none for stays as stored), a lapse's
     * reason, who sent a reminder, a file's kind, yes and no, and the mark of a reason the leader took from the unit's request. A word
     * changed on the page alone, or a prefix added to VALUE_NAMES, fails here.
     */
    @Test
    void the_csv_writes_every_code_an_event_carries_and_every_yes_or_no_as_the_audit_page_does_in_both_languages()
            throws IOException {
        String i18n = Files.readString(Path.of("..", "app", "src", "main", "resources", "static", "js", "i18n.js"),
                StandardCharsets.UTF_8);
        String audit = Files.readString(Path.of("..", "app", "src", "main", "resources", "static", "js", "pages", "audit.js"),
                StandardCharsets.UTF_8);
        Matcher valueNames = Pattern.compile("const VALUE_NAMES = \\[([^\\]]*)]").matcher(audit);
        assertThat(valueNames.find()).isTrue();
        List<String> prefixes = Pattern.compile("'([\\w.]+)'").matcher(valueNames.group(1)).results()
                .map(m -> m.group(1)).toList();
        assertThat(prefixes).contains("role", "kind");
        Set<Enum<?>> codes = new LinkedHashSet<>();
        Stream.of(AssignmentEvent.class.getPermittedSubclasses(), NoticeEvent.class.getPermittedSubclasses(),
                UserEvent.class.getPermittedSubclasses(), new Class<?>[] {AccessDenied.class})
                .flatMap(Stream::of).forEach(type -> codesOf(type, codes));
        // Why a request lapsed and who sent a reminder are said by their fields' own words, before any code's.
        codes.removeIf(code -> code instanceof ExtensionRequestLapsed.Why || code instanceof ReminderSent.Kind);
        assertThat(codes).contains(DeliverableKind.PLAN, Role.CLERK, MeetingVerdict.REVISION_REQUIRED,
                RevisionPointsAnswered.Answer.TAKEN_IN);
        int english = i18n.indexOf("const en = {");
        for (String language : List.of(i18n.substring(0, english), i18n.substring(english))) {
            Map<String, String> values = new HashMap<>();
            for (Enum<?> code : codes) {
                prefixes.stream().map(prefix -> names(language, Pattern.quote(prefix)).get(code.name()))
                        .filter(Objects::nonNull).findFirst()
                        // As t() writes a text whose {placeholders} it was given no value for.
                        .ifPresent(words -> values.put(code.name(), words.replaceAll("\\{\\w+}", "")));
            }
            Map<String, String> lapsed = names(language, "extensionLapsed");
            Map<String, String> page = names(language, "audit");
            AuditWords.Words csv = language.startsWith("const en") ? AuditWords.EN : AuditWords.VI;
            assertThat(csv.values()).isEqualTo(values);
            assertThat(csv.lapsed()).containsOnlyKeys(Stream.of(ExtensionRequestLapsed.Why.values()).map(Enum::name)
                    .toArray(String[]::new)).isEqualTo(lapsed);
            assertThat(csv.reminderKinds()).containsOnlyKeys(Stream.of(ReminderSent.Kind.values()).map(Enum::name)
                    .toArray(String[]::new)).isEqualTo(names(language, "reminder\\.kind"));
            assertThat(csv.fileKinds()).isEqualTo(names(language, "draft\\.type"));
            assertThat(List.of(csv.yes(), csv.no(), csv.leaderGaveNone()))
                    .containsExactly(page.get("yes"), page.get("no"), page.get("leaderGaveNone"));
        }
    }

    /**
     * A refusal's rule reads in the page's words for it, not as its code (audit.js readable): every rule a refusal of
     * access is recorded under (each NotAllowed Docket throws) has them, and they are the page's.
     */
    @Test
    void the_csv_names_every_rule_a_refusal_of_access_is_recorded_under_as_the_audit_page_does_in_both_languages()
            throws IOException {
        Set<String> rules = new TreeSet<>();
        Pattern notAllowed = Pattern.compile("new NotAllowed\\(\\s*\"([a-z-]+)\"");
        for (String module : List.of("platform", "command-side", "query-side", "app")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    notAllowed.matcher(Files.readString(file, StandardCharsets.UTF_8)).results().forEach(m -> rules.add(m.group(1)));
                }
            }
        }
        assertThat(rules).contains("clerks-only", "approval-level");
        String i18n = Files.readString(Path.of("..", "app", "src", "main", "resources", "static", "js", "i18n.js"),
                StandardCharsets.UTF_8);
        int english = i18n.indexOf("const en = {");
        assertThat(AuditWords.PROBLEMS_VI).containsOnlyKeys(rules).isEqualTo(problems(i18n.substring(0, english), rules));
        assertThat(AuditWords.PROBLEMS_EN).containsOnlyKeys(rules).isEqualTo(problems(i18n.substring(english), rules));
    }

    /**
     * A notice's own step names its document in the CSV as the page does (audit.js noticeOf, layout.js noticeName): every
     * type DocumentType reads from a number, "NONE" for a number that names none, and one registered without a number.
     */
    @Test
    void the_csv_names_every_type_of_document_and_an_unnumbered_one_as_the_audit_page_does_in_both_languages()
            throws IOException {
        String i18n = Files.readString(Path.of("..", "app", "src", "main", "resources", "static", "js", "i18n.js"),
                StandardCharsets.UTF_8);
        int english = i18n.indexOf("const en = {");
        String[] types = Stream.concat(Stream.of(DocumentType.values()).map(Enum::name), Stream.of("NONE"))
                .toArray(String[]::new);
        for (String language : List.of(i18n.substring(0, english), i18n.substring(english))) {
            AuditWords.Words csv = language.startsWith("const en") ? AuditWords.EN : AuditWords.VI;
            assertThat(csv.documentTypes()).containsOnlyKeys(types).isEqualTo(names(language, "documentType"));
            Map<String, String> notice = names(language, "notice");
            assertThat(List.of(csv.noticeTitle(), csv.noticeUnnumbered()))
                    .containsExactly(notice.get("title"), notice.get("titleUnnumbered"));
        }
    }

    /** The page's words for each of these rules in one language ("problem.<rule>"). */
    private static Map<String, String> problems(String language, Set<String> rules) {
        Map<String, String> words = new HashMap<>();
        Matcher m = Pattern.compile("'problem\\.([\\w-]+)': '((?:[^'\\\\]|\\\\.)*)'").matcher(language);
        while (m.find()) {
            if (rules.contains(m.group(1))) {
                words.put(m.group(1), m.group(2).replace("\\'", "'"));
            }
        }
        return words;
    }

    /** The constants of every enum a record's fields hold, and the records it holds, alone or in a list. */
    private static void codesOf(Class<?> type, Set<Enum<?>> into) {
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                into.add((Enum<?>) constant);
            }
            return;
        }
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            codesOf(c.getType(), into);
            if (c.getGenericType() instanceof ParameterizedType list) {
                for (Type item : list.getActualTypeArguments()) {
                    if (item instanceof Class<?> itemType) {
                        codesOf(itemType, into);
                    }
                }
            }
        }
    }

    /** The names of a record's fields, and of the records it holds, alone or in a list. */
    private static void fieldsOf(Class<?> type, Set<String> into) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            into.add(c.getName());
            fieldsOf(c.getType(), into);
            if (c.getGenericType() instanceof ParameterizedType list) {
                for (Type item : list.getActualTypeArguments()) {
                    if (item instanceof Class<?> itemType) {
                        fieldsOf(itemType, into);
                    }
                }
            }
        }
    }

    /** Each field's label on the page in one language, as audit.js fieldName finds it; a field it has none for is left out. */
    private static Map<String, String> labels(Set<String> fields, String language) {
        Map<String, String> own = names(language, "audit\\.field");
        Map<String, String> form = names(language, "field");
        Map<String, String> labels = new HashMap<>();
        for (String field : fields) {
            String label = own.containsKey(field) ? own.get(field) : form.get(field);
            if (label != null) {
                labels.put(field, label);
            }
        }
        return labels;
    }

    /** The page's {@code 'prefix.Name': 'words'} entries of one language, by name. */
    private static Map<String, String> names(String language, String prefix) {
        Map<String, String> names = new HashMap<>();
        Matcher m = Pattern.compile("'" + prefix + "\\.(\\w+)': '((?:[^'\\\\]|\\\\.)*)'").matcher(language);
        while (m.find()) {
            names.put(m.group(1), m.group(2).replace("\\'", "'"));
        }
        return names;
    }
}
