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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.docket.events.AccessDenied;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.NoticeEvent;
import vn.docket.events.Role;
import vn.docket.events.UserEvent;

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
