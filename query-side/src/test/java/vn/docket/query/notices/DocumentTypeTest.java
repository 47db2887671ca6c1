package vn.docket.query.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    /**
     * Measured on documents the team did not write: the shared corpus's answer key says by hand what each text is
     * (its genre) and its number. Every letter is named a letter and the conclusion notice a notice; summaries and
     * news reports are left out, as they report on a document of either kind.
     */
    @Test
    void every_numbered_letter_and_notice_of_the_real_corpus_is_named_by_its_type() throws Exception {
        JsonNode documents = new ObjectMapper().readTree(corpus().resolve("key.json").toFile()).get("documents");
        List<String> misnamed = new ArrayList<>();
        int checked = 0;
        for (var entry : documents.properties()) {
            String number = entry.getValue().path("notice").path("number").asText(null);
            DocumentType expected = switch (entry.getValue().path("genre").asText()) {
                case "letter" -> DocumentType.LETTER;
                case "conclusion-notice" -> DocumentType.NOTICE;
                default -> null;
            };
            if (number == null || expected == null) {
                continue;
            }
            checked++;
            if (DocumentType.of(number) != expected) {
                misnamed.add(entry.getKey() + " " + number + ": " + DocumentType.of(number));
            }
        }
        assertThat(checked).as("numbered letters and notices in the corpus").isGreaterThanOrEqualTo(15);
        assertThat(misnamed).isEmpty();
    }

    @Test
    void a_state_bodys_symbol_names_the_type_first_and_a_letter_by_its_issuer_alone() {
        assertThat(DocumentType.of("311/TB-UBND")).isEqualTo(DocumentType.NOTICE);
        assertThat(DocumentType.of("9387/UBND-KT")).isEqualTo(DocumentType.LETTER);
        assertThat(DocumentType.of("184/UBND")).isEqualTo(DocumentType.LETTER);
        assertThat(DocumentType.of("9961/VPCP-V.I")).isEqualTo(DocumentType.LETTER);
        assertThat(DocumentType.of("15/QĐ-TTg")).isEqualTo(DocumentType.DECISION);
        assertThat(DocumentType.of("15/QD-UBND")).as("typed without Đ").isEqualTo(DocumentType.DECISION);
        assertThat(DocumentType.of("05/CĐ-TTg")).isEqualTo(DocumentType.TELEGRAM);
        assertThat(DocumentType.of("12/CTr-UBND")).isEqualTo(DocumentType.PROGRAMME);
        assertThat(DocumentType.of("15/2020/NĐ-CP")).as("a year in the number").isEqualTo(DocumentType.DECREE);
        assertThat(DocumentType.of(" 21 / KH-UBND ")).as("spaces typed around the slash").isEqualTo(DocumentType.PLAN);
    }

    @Test
    void a_party_bodys_number_puts_the_type_before_the_slash() {
        assertThat(DocumentType.of("45-KL/TU")).isEqualTo(DocumentType.CONCLUSION);
        assertThat(DocumentType.of("123-CV/TU")).isEqualTo(DocumentType.LETTER);
        assertThat(DocumentType.of("09-TB/TU")).isEqualTo(DocumentType.NOTICE);
    }

    @Test
    void an_invitation_a_submission_or_a_number_without_a_symbol_is_not_called_a_letter() {
        assertThat(DocumentType.of("147/GM-UBND")).isNull();
        assertThat(DocumentType.of("88/TTr-STC")).isNull();
        assertThat(DocumentType.of("12/DA-BQL")).as("a project (Dự án), not ĐA typed without Đ").isNull();
        assertThat(DocumentType.of("311")).isNull();
        assertThat(DocumentType.of(null)).isNull();
    }

    /** The shared corpus, from the system property docket.shared-dir as the build sets it, else ../shared. */
    private static Path corpus() {
        String shared = System.getProperty("docket.shared-dir");
        Path dir = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
        Path corpus = dir.resolve("notices").resolve("corpus");
        assertThat(Files.isDirectory(corpus)).as("the shared corpus at " + corpus.toAbsolutePath()).isTrue();
        return corpus;
    }
}
