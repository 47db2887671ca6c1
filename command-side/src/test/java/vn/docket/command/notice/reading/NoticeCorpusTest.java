package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads every notice that has a hand-made answer and compares field by field. */
class NoticeCorpusTest {

    private static final NoticeReader READER = new NoticeReader();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> realNotices() {
        List<Path> notices = NoticeCorpus.withAnswers(NoticeCorpus.sharedNotices());
        assertThat(notices).as("real notices with answers").hasSizeGreaterThanOrEqualTo(2);
        return notices.stream();
    }

    static Stream<Path> ownNotices() {
        List<Path> notices = NoticeCorpus.withAnswers(NoticeCorpus.ownNotices());
        assertThat(notices).as("own notices with answers").hasSizeGreaterThanOrEqualTo(5);
        return notices.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realNotices")
    void reads_the_real_notices_as_the_clerk_did(Path notice) throws Exception {
        assertAllMatch(notice);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownNotices")
    void reads_our_own_notices_of_the_genre_as_written_by_hand(Path notice) throws Exception {
        assertAllMatch(notice);
    }

    @Test
    void prints_per_field_accuracy_for_real_and_own_notices() throws Exception {
        List<ReadingComparison.Check> real = new ArrayList<>();
        for (Path p : realNotices().toList()) {
            real.addAll(checks(p));
        }
        List<ReadingComparison.Check> own = new ArrayList<>();
        for (Path p : ownNotices().toList()) {
            own.addAll(checks(p));
        }
        System.out.println(accuracyTable(real, own));
        assertThat(real).isNotEmpty();
        assertThat(own).isNotEmpty();
    }

    private static void assertAllMatch(Path notice) throws Exception {
        List<ReadingComparison.Check> mismatches = checks(notice).stream().filter(c -> !c.matched()).toList();
        assertThat(mismatches).as("fields that differ from the hand-made answer").isEmpty();
    }

    private static List<ReadingComparison.Check> checks(Path notice) throws Exception {
        NoticeReading reading = READER.read(Files.readAllBytes(notice), notice.getFileName().toString());
        JsonNode expected = JSON.readTree(NoticeCorpus.expectedFor(notice).toFile());
        return ReadingComparison.compare(notice.getFileName().toString(), expected, reading, READER.directory());
    }

    private static String accuracyTable(List<ReadingComparison.Check> real, List<ReadingComparison.Check> own) {
        Map<String, int[]> rows = new TreeMap<>();
        for (ReadingComparison.Check c : real) {
            int[] r = rows.computeIfAbsent(c.field(), k -> new int[4]);
            r[0] += c.matched() ? 1 : 0;
            r[1]++;
        }
        for (ReadingComparison.Check c : own) {
            int[] r = rows.computeIfAbsent(c.field(), k -> new int[4]);
            r[2] += c.matched() ? 1 : 0;
            r[3]++;
        }
        StringBuilder out = new StringBuilder("\nPer-field accuracy (matched/compared)\n");
        out.append(String.format("%-26s %12s %12s%n", "field", "real", "own"));
        int[] total = new int[4];
        for (Map.Entry<String, int[]> row : rows.entrySet()) {
            int[] r = row.getValue();
            out.append(String.format("%-26s %12s %12s%n", row.getKey(), r[0] + "/" + r[1], r[2] + "/" + r[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += r[i];
            }
        }
        out.append(String.format("%-26s %12s %12s%n", "ALL", total[0] + "/" + total[1], total[2] + "/" + total[3]));
        for (ReadingComparison.Check c : real) {
            if (!c.matched()) {
                out.append("  MISMATCH ").append(c).append('\n');
            }
        }
        for (ReadingComparison.Check c : own) {
            if (!c.matched()) {
                out.append("  MISMATCH ").append(c).append('\n');
            }
        }
        return out.toString();
    }
}
