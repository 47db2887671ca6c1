package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.docket.command.notice.reading.NoticeReadingException;
import vn.docket.events.AccessDenied;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.NoticeEvent;

/**
 * Every word the server can put in front of a person has a Vietnamese and an English text in the web app
 * ({@code static/js/i18n.js}): rule codes of problem answers, event types of the audit log, step types of the
 * plan path. A new rule without its texts fails here, not in front of a clerk as an English sentence or a raw key.
 */
class TranslationsTest {

    private static final Pattern KEY = Pattern.compile("(?m)^\\s+'([^']+)':");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String I18N = read(Path.of("src/main/resources/static/js/i18n.js"));
    private static final Set<String> VI = keys(I18N.substring(I18N.indexOf("const vi = {"), I18N.indexOf("const en = {")));
    private static final Set<String> EN = keys(I18N.substring(I18N.indexOf("const en = {")));

    /** {@code new RuleBroken("code", ...)}, {@code StateConflict}, {@code NotAllowed}, {@code PreconditionFailed}, {@code FileRefused}, {@code problem(HttpStatus.X, "code"}, a {@code RULE} constant, a {@code required(value, "code", ...)} check. */
    private static final Pattern RULE = Pattern.compile(
            "(?:new\\s+(?:RuleBroken|StateConflict|NotAllowed|PreconditionFailed)\\(\\s*|new\\s+FileRefused\\(HttpStatus\\.[A-Z_]+,\\s*|problem\\(HttpStatus\\.[A-Z_]+,\\s*|String RULE = |required\\([^,]+,\\s*)\"([a-z0-9-]+)\"");
    /** Step types are the upper-case string constants of the plan path's projection. */
    private static final Pattern STEP = Pattern.compile("\"([A-Z][A-Z_]{3,})\"");

    private static final Pattern DOUBT = Pattern.compile("Doubt\\.of\\(\\s*\"([a-z0-9-]+)\"");

    @Test
    void every_rule_code_the_server_answers_with_has_a_vietnamese_and_an_english_text() {
        Set<String> codes = new TreeSet<>();
        mainSources().forEach(file -> find(RULE, read(file), codes));
        // The notice reader's problems answer as "notice-" + the problem's name (NoticeController).
        Arrays.stream(NoticeReadingException.Problem.values())
                .forEach(p -> codes.add("notice-" + p.name().toLowerCase().replace('_', '-')));
        assertThat(codes).as("rule codes found in the sources").hasSizeGreaterThan(80);
        assertThat(codes).allSatisfy(code -> assertThat(VI).as("Vietnamese text").contains("problem." + code));
        assertThat(codes).allSatisfy(code -> assertThat(EN).as("English text").contains("problem." + code));
    }

    /** A preview's warnings are sent as codes ({@code Doubt.of("code", ...)}) that the page says in its own language. */
    @Test
    void every_warning_of_the_notice_preview_has_a_vietnamese_and_an_english_text() {
        Set<String> codes = new TreeSet<>();
        mainSources().forEach(file -> find(DOUBT, read(file), codes));
        assertThat(codes).as("warning codes found in the sources").contains("lead-generic", "deadline-missing", "unit-unknown")
                .hasSizeGreaterThan(40);
        assertThat(codes).allSatisfy(code -> assertThat(VI).as("Vietnamese text").contains("warning." + code));
        assertThat(codes).allSatisfy(code -> assertThat(EN).as("English text").contains("warning." + code));
    }

    @Test
    void every_event_type_in_the_audit_log_has_a_vietnamese_and_an_english_name() {
        Set<String> types = new TreeSet<>();
        Stream.of(AssignmentEvent.class.getPermittedSubclasses(), NoticeEvent.class.getPermittedSubclasses())
                .flatMap(Arrays::stream).forEach(c -> types.add(c.getSimpleName()));
        types.add(AccessDenied.class.getSimpleName());
        assertThat(types).allSatisfy(type -> assertThat(VI).contains("event." + type));
        assertThat(types).allSatisfy(type -> assertThat(EN).contains("event." + type));
    }

    @Test
    void every_step_of_the_plan_path_has_a_vietnamese_and_an_english_title() {
        Set<String> steps = new TreeSet<>();
        find(STEP, read(ROOT.resolve("query-side/src/main/java/vn/docket/query/planpath/PlanPathProjection.java")), steps);
        assertThat(steps).contains("ASSIGNED", "APPROVED_IN_PRINCIPLE", "REMINDER_SENT");
        assertThat(steps).allSatisfy(step -> assertThat(VI).contains("step." + step));
        assertThat(steps).allSatisfy(step -> assertThat(EN).contains("step." + step));
    }

    /** A notice's page and the list name it by the type the server reads from its number, or "Văn bản" for none. */
    @Test
    void every_type_of_document_a_notice_is_named_by_has_a_vietnamese_and_an_english_name() {
        Set<String> types = new TreeSet<>(Set.of("documentType.NONE"));
        Arrays.stream(vn.docket.query.notices.DocumentType.values()).forEach(type -> types.add("documentType." + type));
        assertThat(types).allSatisfy(key -> assertThat(VI).contains(key));
        assertThat(types).allSatisfy(key -> assertThat(EN).contains(key));
    }

    /** The plan path says why a request lapsed by the event's reason (ExtensionRequestLapsed.Why). */
    @Test
    void every_reason_an_extension_request_lapses_for_has_a_vietnamese_and_an_english_text() {
        Set<String> reasons = new TreeSet<>();
        Arrays.stream(vn.docket.events.ExtensionRequestLapsed.Why.values()).forEach(why -> reasons.add("extensionLapsed." + why));
        assertThat(reasons).allSatisfy(key -> assertThat(VI).contains(key));
        assertThat(reasons).allSatisfy(key -> assertThat(EN).contains(key));
    }

    /**
     * A text nobody shows is translated and kept in step for nothing. A key is shown when a script names it in quotes
     * or builds it from a prefix it names ({@code t('status.' + s)}); a problem's text when the server or a script
     * answers with its rule code.
     */
    @Test
    void every_text_is_one_the_web_app_can_show() {
        StringBuilder scripts = new StringBuilder(I18N.replaceAll(KEY.pattern() + ".*", ""));
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static"))) {
            files.filter(p -> p.toString().matches(".*\\.(js|html)") && !p.endsWith("i18n.js"))
                    .forEach(p -> scripts.append(read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> prefixes = new TreeSet<>();
        find(Pattern.compile("'([a-z][\\w.-]*\\.)'\\s*\\+"), scripts.toString(), prefixes);
        prefixes.remove("problem.");
        StringBuilder answered = new StringBuilder(scripts);
        mainSources().forEach(file -> answered.append(read(file)));
        Arrays.stream(NoticeReadingException.Problem.values())
                .forEach(p -> answered.append(" 'notice-").append(p.name().toLowerCase().replace('_', '-')).append("'"));
        assertThat(VI).filteredOn(key -> !key.startsWith("problem.")).allSatisfy(key -> assertThat(
                prefixes.stream().anyMatch(key::startsWith) || quoted(scripts, key)).as("%s is shown", key).isTrue());
        assertThat(VI).filteredOn(key -> key.startsWith("problem.")).allSatisfy(key -> assertThat(
                quoted(answered, key.substring("problem.".length()))).as("%s is answered", key).isTrue());
    }

    private static boolean quoted(CharSequence text, String word) {
        return Pattern.compile("['\"`]" + Pattern.quote(word) + "['\"`]").matcher(text).find();
    }

    @Test
    void each_language_gives_each_key_once_so_no_text_silently_replaces_another() {
        for (String dictionary : new String[] {I18N.substring(I18N.indexOf("const vi = {"), I18N.indexOf("const en = {")),
                I18N.substring(I18N.indexOf("const en = {"))}) {
            java.util.List<String> all = new java.util.ArrayList<>();
            Matcher m = KEY.matcher(dictionary);
            while (m.find()) {
                all.add(m.group(1));
            }
            assertThat(all).doesNotHaveDuplicates();
        }
    }

    /**
     * A level is a Vietnamese name ("Lãnh đạo UBND thành phố", "thành phố"): run into an English sentence, "Awaiting
     * review at Lãnh đạo UBND thành phố since …" read as broken English. Quoted, as the notifications quote it, or set
     * apart after a colon or in brackets, it reads as the name it is.
     */
    @Test
    void an_english_sentence_quotes_the_vietnamese_name_of_a_level_it_inserts() {
        Set<String> unquoted = new TreeSet<>();
        int withLevel = englishInserting(Pattern.compile("\\{level}"),
                Pattern.compile("“\\{level}”|\"\\{level}\"|: \\{level}$|\\(\\{level}\\)"), unquoted);
        assertThat(withLevel).isGreaterThan(5);
        assertThat(unquoted).isEmpty();
    }

    /**
     * A unit's name is Vietnamese as a level's is: "Reminder to Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế
     * hoạch's request for an extension ... lapsed" read as broken English. Quoted as a level is, or set apart after a
     * colon or in brackets, it reads as the name it is. Entries in either kind of quotes are read.
     */
    @Test
    void an_english_sentence_quotes_the_vietnamese_name_of_a_unit_it_inserts() {
        Set<String> unquoted = new TreeSet<>();
        int withUnit = englishInserting(Pattern.compile("\\{units?}"),
                Pattern.compile("“\\{units?}”|\"\\{units?}\"|: \\{units?}$|\\(\\{units?}[),]"), unquoted);
        assertThat(withUnit).isGreaterThan(20);
        assertThat(unquoted).isEmpty();
    }

    /**
     * Counts the English entries (in either kind of quotes) that insert the placeholder, and adds to {@code unquoted}
     * those that still insert it once every place it is set apart is taken out.
     */
    private static int englishInserting(Pattern placeholder, Pattern setApart, Set<String> unquoted) {
        Matcher entry = Pattern.compile("(?m)^\\s+'([^']+)': (?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"),?$")
                .matcher(I18N.substring(I18N.indexOf("const en = {")));
        int inserting = 0;
        while (entry.find()) {
            String text = entry.group(2) != null ? entry.group(2) : entry.group(3);
            if (!placeholder.matcher(text).find()) {
                continue;
            }
            inserting++;
            if (placeholder.matcher(setApart.matcher(text).replaceAll("")).find()) {
                unquoted.add(entry.group(1) + ": " + text);
            }
        }
        return inserting;
    }

    @Test
    void the_two_languages_have_the_same_keys() {
        assertThat(VI).hasSizeGreaterThan(300);
        assertThat(new TreeSet<>(VI)).isEqualTo(new TreeSet<>(EN));
    }

    private static Stream<Path> mainSources() {
        try {
            return Files.walk(ROOT).filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/")).filter(p -> !p.toString().contains("/target/"))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void find(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Set<String> keys(String dictionary) {
        Set<String> keys = new TreeSet<>();
        find(KEY, dictionary, keys);
        return keys;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
