package vn.docket.command.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.docket.command.notice.reading.Unit;
import vn.docket.command.notice.reading.UnitDirectory;

/** The header's search finds units as the server folds text, the same way it finds assignments. */
class UnitDirectoryControllerTest {

    final UnitDirectoryController controller;

    UnitDirectoryControllerTest() throws Exception {
        controller = new UnitDirectoryController(UnitDirectory.load(new ByteArrayInputStream("""
                {"units": [
                  {"name": "Phòng Tài chính - Kế hoạch", "aliases": ["TC-KH"]},
                  {"name": "Phòng Quản lý đô thị", "aliases": ["QLĐT"]},
                  {"name": "Sở Tài chính", "aliases": []}
                ]}
                """.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void a_unit_is_found_by_every_word_typed_without_tone_marks_in_its_name_or_another_way_notices_write_it() {
        assertThat(controller.all("tai chinh ke")).extracting(Unit::name).containsExactly("Phòng Tài chính - Kế hoạch");
        assertThat(controller.all("Tài Chính")).extracting(Unit::name).containsExactly("Phòng Tài chính - Kế hoạch", "Sở Tài chính");
        assertThat(controller.all("qldt")).extracting(Unit::name).containsExactly("Phòng Quản lý đô thị");
        assertThat(controller.all("văn hóa")).isEmpty();
    }

    @Test
    void without_words_the_whole_directory_is_listed_for_the_unit_fields() {
        assertThat(controller.all(null)).extracting(Unit::name)
                .containsExactly("Phòng Tài chính - Kế hoạch", "Phòng Quản lý đô thị", "Sở Tài chính");
    }
}
