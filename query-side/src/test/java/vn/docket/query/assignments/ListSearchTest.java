package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import vn.docket.events.Actor;
import vn.docket.events.NewTask;
import vn.docket.events.NoticeNumberCorrected;
import vn.docket.events.NoticeNumbered;
import vn.docket.events.NoticeSource;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.Text;

/**
 * The list's search (q) over the index: what the vocabulary of words ({@link SearchWords}) finds is what a scan of every
 * assignment's folded words finds, word by word, whatever the assignments' later changes of unit or notice number.
 */
class ListSearchTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Actor CLERK = new Actor("clerk", "Văn thư", null, Role.CLERK);

    final AssignmentIndex index = new AssignmentIndex(() -> true, Duration.ZERO,
            unit -> unit.equals("Phòng Quản lý đô thị") ? List.of("QLĐT") : List.of());
    final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(index);

    String assign(int n, String title, String lead, List<String> coordinating, String notice) {
        UUID id = new UUID(31, n);
        TaskAssigned assigned = NewTask.task().id(id).title(title).leadUnit(lead).coordinatingUnits(coordinating).deadline(TODAY)
                .route(List.of("Chủ tịch UBND")).source(notice == null ? null : new NoticeSource(notice, 1))
                .effectiveDate(TODAY.minusDays(30)).assigned();
        try {
            handlers.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), 0, assigned));
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
        return id.toString();
    }

    /** An assignment of the registered notice {@code notice}, which had no number when it was registered. */
    String assignOfUnnumbered(UUID notice, int n, String title) {
        UUID id = new UUID(31, n);
        deliver("Assignment", id, 0, NewTask.task().id(id).title(title).leadUnit("Phòng Kinh tế").deadline(TODAY)
                .route(List.of("Chủ tịch UBND")).source(new NoticeSource(null, n, notice)).effectiveDate(TODAY.minusDays(30))
                .assigned());
        return id.toString();
    }

    void deliver(String type, UUID id, long seq, Object event) {
        try {
            handlers.handle(new GenericDomainEventMessage<>(type, id.toString(), seq, event));
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    List<String> ofNotice(String number) {
        return index.find(AssignmentQueryController.filter(CLERK, null, TODAY, null, null, number, null, null, null,
                null, null, null), 0, 100).ids();
    }

    List<String> found(String q) {
        return index.find(AssignmentQueryController.filter(CLERK, null, TODAY, null, null, null, q, null, null,
                null, null, null), 0, 100).ids();
    }

    /**
     * A draft notice is registered before it is signed; its assignments cite it by id, without a number. The number its
     * signed copy brings (NoticeNumbered) is the one a clerk filters and searches by from then on.
     */
    @Test
    void the_assignments_of_a_notice_numbered_after_registration_are_found_by_that_number_and_show_it() {
        UUID notice = new UUID(77, 1);
        String plan = assignOfUnnumbered(notice, 40, "Kế hoạch chiếu sáng công cộng");
        String report = assignOfUnnumbered(notice, 41, "Báo cáo giải ngân");
        assign(42, "Sửa trường học", "Phòng Kinh tế", List.of(), "45/TB-VP");
        assertThat(ofNotice("153/TB-UBND")).isEmpty();
        assertThat(index.noticeNumber(notice.toString())).isNull();

        deliver("Notice", notice, 1, new NoticeNumbered(notice, "153/TB-UBND", null));

        assertThat(ofNotice("153/TB-UBND")).containsExactlyInAnyOrder(plan, report);
        assertThat(found("153/tb chieu sang")).containsExactly(plan);
        assertThat(index.noticeNumber(notice.toString())).isEqualTo("153/TB-UBND");
        AssignmentIndex.Entry before = index.get(plan).orElseThrow();
        deliver("Notice", notice, 1, new NoticeNumbered(notice, "153/TB-UBND", null));
        assertThat(index.get(plan)).as("delivered again").contains(before);
        // Registered after it was numbered (a registration that stopped midway, completed later): it takes the number.
        String late = assignOfUnnumbered(notice, 43, "Đề án thay thế đèn");
        assertThat(ofNotice("153/TB-UBND")).containsExactlyInAnyOrder(plan, report, late);
    }

    /**
     * A notice recorded under a mistyped number, its assignments citing it by that number: once the number is corrected,
     * the clerk finds them under the right one only, and their pages show it.
     */
    @Test
    void the_assignments_of_a_notice_whose_number_is_corrected_are_found_by_the_new_number_and_no_longer_the_old() {
        UUID notice = new UUID(77, 2);
        UUID id = new UUID(31, 50);
        deliver("Assignment", id, 0, NewTask.task().id(id).title("Kế hoạch chỉnh trang vỉa hè").leadUnit("Phòng Kinh tế")
                .deadline(TODAY).route(List.of("Chủ tịch UBND")).source(new NoticeSource("311/TB-UBND", 1, notice))
                .effectiveDate(TODAY.minusDays(30)).assigned());
        String plan = id.toString();
        assertThat(ofNotice("311/TB-UBND")).containsExactly(plan);

        deliver("Notice", notice, 1, new NoticeNumberCorrected(notice, "311/TB-UBND", "313/TB-UBND", null, "Gõ nhầm số"));

        assertThat(ofNotice("313/TB-UBND")).containsExactly(plan);
        assertThat(ofNotice("311/TB-UBND")).isEmpty();
        assertThat(found("313/tb via he")).containsExactly(plan);
        assertThat(found("311/tb")).as("the mistyped number").isEmpty();
        assertThat(index.noticeNumber(notice.toString())).isEqualTo("313/TB-UBND");
    }

    @Test
    void a_word_whose_letter_pairs_all_occur_in_the_title_but_not_together_is_not_found() {
        String floods = assign(1, "Chỉ đạo chống ngập, hoa màu", "Phòng Kinh tế", List.of(), null);
        // "choa": ch (chỉ, chống), ho (chống, hoa), oa (hoa): every pair is there, the word is not.
        assertThat(found("choa")).isEmpty();
        assertThat(found("chong hoa")).containsExactly(floods);
    }

    /**
     * A reassignment changes the words a task is found by (its units' names and their other names): the old unit's find
     * it no longer, the new unit's do, and a word no task holds any longer, though the vocabulary keeps it, finds nothing.
     */
    @Test
    void a_task_moved_to_another_unit_is_found_by_the_new_units_names_and_no_longer_by_the_old_ones() {
        String lights = assign(5, "Chiếu sáng công cộng", "Phòng Quản lý đô thị", List.of(), null);
        String schools = assign(6, "Sửa trường học", "Phòng Kinh tế", List.of(), null);
        assertThat(found("qldt chieu")).containsExactly(lights);

        deliver("Assignment", UUID.fromString(lights), 1, new TaskReassigned(UUID.fromString(lights), "Phòng Quản lý đô thị",
                "Phòng Kinh tế", "Đúng chức năng", TODAY));

        assertThat(found("qldt")).as("the old unit's short name, held by no task now").isEmpty();
        assertThat(found("quan ly do thi")).isEmpty();
        assertThat(found("kinh te")).containsExactlyInAnyOrder(lights, schools);
        assertThat(found("chieu kinh")).containsExactly(lights);
        deliver("Assignment", UUID.fromString(lights), 1, new TaskReassigned(UUID.fromString(lights), "Phòng Quản lý đô thị",
                "Phòng Kinh tế", "Đúng chức năng", TODAY));
        assertThat(found("chieu kinh")).as("delivered again").containsExactly(lights);
        assertThat(found("qldt")).isEmpty();
    }

    /**
     * The search looks words up under the index's read lock, which holds back the events it must apply: a query of two
     * thousand one-letter words (a pasted run of letters, or a request made to stall the index) looks each letter up
     * once, and stops once nothing is left, rather than reading the whole vocabulary two thousand times.
     */
    @Test
    void a_query_of_thousands_of_one_letter_words_looks_each_up_once_and_finds_what_the_scan_finds() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            ids.add(assign(1_000 + n, "Kế hoạch số " + n + " về an toàn giao thông", n % 2 == 0 ? "Phòng Kinh tế"
                    : "Phòng Quản lý đô thị", List.of(), null));
        }
        String letters = "a ".repeat(1_000) + "n ".repeat(1_000) + "t";
        assertThat(found(letters)).hasSize(100).isEqualTo(ids.subList(0, 100));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(found(letters)).hasSize(100);
            assertThat(found("x ".repeat(1_000) + "a ".repeat(1_000))).as("nothing holds x").isEmpty();
        }
        // Two thousand lookups of a letter read the vocabulary and 20,000 places each time: seconds, not milliseconds.
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms for ten searches").isLessThan(1_000);
    }

    @Test
    void diacritics_case_and_composition_are_folded_as_before_in_titles_units_aliases_and_notices() {
        String roads = assign(3, "Đường điện chiếu sáng vỉa hè", "Phòng Quản lý đô thị", List.of("Phòng Tài chính - Kế hoạch"),
                "311/TB-UBND");
        String schools = assign(4, "Sửa trường học", "Phòng Giáo dục và Đào tạo", List.of(), "45/TB-VP");
        String decomposed = Normalizer.normalize("Vỉa hè", Normalizer.Form.NFD);
        for (String q : List.of("duong dien", "ĐƯỜNG ĐIỆN", "Đường", "via he", decomposed, "vỉa", "qldt", "QLĐT",
                "quan ly do thi", "tai chinh - ke hoach", "311/tb-ubnd", "311/TB", "dien 311/tb-ubnd qldt")) {
            assertThat(found(q)).as(q).containsExactly(roads);
        }
        for (String q : List.of("truong hoc", "TRƯỜNG", "45/TB-VP", "giao duc va dao tao")) {
            assertThat(found(q)).as(q).containsExactly(schools);
        }
        for (String q : List.of("duong truong", "vie", "311/TB-VP", "qldt 45", "ke hoachx")) {
            assertThat(found(q)).as(q).isEmpty();
        }
        assertThat(found("ng")).as("a word of two letters").containsExactly(roads, schools);
        assertThat(found("g")).as("a word of one letter: no pair to look up").containsExactly(roads, schools);
    }

    @Test
    void any_piece_of_an_assignments_words_finds_it_and_what_else_holds_that_piece() {
        List<String> titles = List.of("Kế hoạch phòng chống ngập úng", "Báo cáo tình hình giải ngân vốn đầu tư",
                "Đề án chuyển đổi số trường học", "An ninh trật tự y tế cơ sở", "Đường điện mùa mưa năm 2026");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            ids.add(assign(10 + i, titles.get(i), i % 2 == 0 ? "Phòng Kinh tế" : "Phòng Quản lý đô thị", List.of(),
                    i == 3 ? "12/TB-UBND" : null));
        }
        for (String id : ids) {
            String words = index.get(id).orElseThrow().words();
            for (int from = 0; from < words.length(); from++) {
                for (int to = from + 1; to <= Math.min(words.length(), from + 7); to++) {
                    String piece = words.substring(from, to).strip();
                    if (piece.isEmpty() || piece.contains(" ")) {
                        continue;
                    }
                    List<String> holding = ids.stream().filter(other -> index.get(other).orElseThrow().words()
                            .contains(piece)).toList();
                    assertThat(found(piece)).as(piece).contains(id).containsExactlyInAnyOrderElementsOf(holding);
                }
            }
        }
    }

    @Test
    void generated_titles_and_queries_find_exactly_what_a_plain_scan_of_the_folded_words_finds() {
        List<String> syllables = List.of("Đường", "điện", "ĐẦU", "tư", "Ơn", "ơi", "Ưu", "tiên", "kế", "hoạch", "ngập",
                "úng", "a", "ă", "y", "Tế", "311/TB-UBND", "45/KH-VP", "TC-KH", "QLĐT", "2026", "(dự", "thảo)", "số,", "án;",
                "anan", "ngng", "UBND", "Hè");
        List<String> units = List.of("Phòng Quản lý đô thị", "Phòng Tài chính - Kế hoạch", "Phòng Kinh tế");
        Random random = new Random(2026);
        List<String> titles = new ArrayList<>();
        for (int n = 0; n < 150; n++) {
            StringBuilder title = new StringBuilder();
            for (int w = 1 + random.nextInt(6); w > 0; w--) {
                title.append(varied(syllables.get(random.nextInt(syllables.size())), random)).append(w > 1 ? " " : "");
            }
            titles.add(title.toString());
            assign(100 + n, Text.clean(title.toString()), units.get(random.nextInt(units.size())),
                    random.nextInt(3) == 0 ? List.of(units.get(random.nextInt(units.size()))) : List.of(),
                    random.nextInt(4) == 0 ? "311/TB-UBND" : null);
        }
        List<AssignmentIndex.Entry> all = List.of(index.inOrder().entries());
        for (int n = 0; n < 3000; n++) {
            String q = switch (random.nextInt(5)) {
                // A piece of a title as typed: any case, composed or not, cut anywhere.
                case 0, 1 -> {
                    String title = varied(titles.get(random.nextInt(titles.size())), random);
                    int from = random.nextInt(title.length());
                    yield title.substring(from, from + 1 + random.nextInt(title.length() - from));
                }
                // Words of the vocabulary, one to three of them.
                case 2 -> varied(syllables.get(random.nextInt(syllables.size())), random) + " "
                        + (random.nextBoolean() ? varied(syllables.get(random.nextInt(syllables.size())), random) : "");
                // Longer than any title.
                case 3 -> String.join("", java.util.Collections.nCopies(12, syllables.get(random.nextInt(syllables.size()))));
                // Letters and marks run together, a pair twice among them.
                default -> {
                    StringBuilder word = new StringBuilder();
                    for (int c = 1 + random.nextInt(5); c > 0; c--) {
                        word.append("aăâdđeêoôơuưy-/ ".charAt(random.nextInt(16)));
                    }
                    yield varied(word.toString() + word, random);
                }
            };
            if (Text.clean(q) == null) {
                continue;
            }
            List<String> words = List.of(Text.folded(Text.clean(q)).trim().split("\\s+"));
            List<String> scanned = all.stream().filter(e -> words.stream().allMatch(e.words()::contains))
                    .map(AssignmentIndex.Entry::id).toList();
            assertThat(index.find(AssignmentQueryController.filter(CLERK, null, TODAY, null, null, null, q, null,
                    null, null, null, null), 0, 1000).ids()).as(q).isEqualTo(scanned);
        }
    }

    /** The same text as someone might type it: upper or lower case, composed (NFC) or decomposed (NFD). */
    private static String varied(String text, Random random) {
        String cased = switch (random.nextInt(3)) {
            case 0 -> text.toUpperCase(java.util.Locale.ROOT);
            case 1 -> text.toLowerCase(java.util.Locale.ROOT);
            default -> text;
        };
        return Normalizer.normalize(cased, random.nextBoolean() ? Normalizer.Form.NFD : Normalizer.Form.NFC);
    }
}
