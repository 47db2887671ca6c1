package vn.docket.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.docket.events.Role;

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

    /** The page's {@code 'prefix.Name': 'words'} entries of one language, by name. */
    private static Map<String, String> names(String language, String prefix) {
        Map<String, String> names = new HashMap<>();
        Matcher m = Pattern.compile("'" + prefix + "\\.(\\w+)': '([^']*)'").matcher(language);
        while (m.find()) {
            names.put(m.group(1), m.group(2));
        }
        return names;
    }
}
