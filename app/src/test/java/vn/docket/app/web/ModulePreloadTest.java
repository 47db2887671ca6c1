package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A page names every script its module imports, directly or through another, as a module to preload: the browser
 * then asks for them together with the page's own module instead of one round trip later, which on a phone's line
 * is a third of a second a page (README, "Pages in the browser").
 */
class ModulePreloadTest {

    static final Path STATIC = Path.of("src", "main", "resources", "static");
    static final Pattern PAGE_MODULE = Pattern.compile("<script type=\"module\" src=\"(/js/[^\"]+)\"></script>");
    static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"(/js/[^\"]+)\">");
    static final Pattern IMPORT = Pattern.compile("^import [^;]*? from '([^']+)';", Pattern.MULTILINE);

    @Test
    void each_page_preloads_exactly_the_scripts_its_module_imports() throws IOException {
        List<Path> pages;
        try (var files = Files.list(STATIC)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(10);
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Matcher module = PAGE_MODULE.matcher(html);
            assertThat(module.find()).as(page + " has its module").isTrue();
            Set<String> preloaded = new TreeSet<>();
            PRELOAD.matcher(html).results().forEach(m -> preloaded.add(m.group(1)));
            assertThat(preloaded).as(page.getFileName() + ": its modulepreload links").isEqualTo(imported(module.group(1)));
        }
    }

    /** Every script the module at {@code address} imports, directly or through another, by address. */
    private static Set<String> imported(String address) throws IOException {
        Set<String> found = new TreeSet<>();
        Deque<String> toRead = new ArrayDeque<>(List.of(address));
        while (!toRead.isEmpty()) {
            String from = toRead.pop();
            String source = Files.readString(STATIC.resolve(from.substring(1)), StandardCharsets.UTF_8);
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String target = Path.of(from).getParent().resolve(imports.group(1)).normalize().toString();
                if (found.add(target)) {
                    toRead.push(target);
                }
            }
        }
        return found;
    }
}
