package vn.docket.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
}
