package vn.docket.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the npm package, run inside the page under test. The first use installs it with npm into
 * target/axe (npm is on Debian's machines beside chromium; nothing is committed).
 */
final class Axe {

    static final String VERSION = "4.11";
    private static final Path PREFIX = Path.of("target", "axe");
    private static final Path SCRIPT = PREFIX.resolve(Path.of("node_modules", "axe-core", "axe.min.js"));
    private static String source;

    private Axe() {
    }

    /** The serious and critical violations on the page as it is now, one line each: rule, help, where. */
    static List<String> seriousViolations(Browser browser) {
        return serious(browser, "['violations']", "r.violations");
    }

    /**
     * The serious and critical violations and "needs review" findings: what axe could not decide of serious
     * impact is a problem until the page makes it decidable.
     */
    static List<String> seriousProblems(Browser browser) {
        return serious(browser, "['violations', 'incomplete']",
                "r.violations.concat(r.incomplete.map(v => Object.assign({}, v, {id: 'needs review: ' + v.id})))");
    }

    @SuppressWarnings("unchecked")
    private static List<String> serious(Browser browser, String types, String found) {
        browser.script(script());
        Object answer = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: " + types + "}).then(r => done(" + found
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')"
                + " + (n.any.length ? ' (' + n.any[0].message + ')' : '')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) answer;
    }

    private static synchronized String script() {
        if (source == null) {
            try {
                // Test JVMs run side by side (surefire forks): the first takes the lock and installs, the other
                // waits and then finds the script.
                Files.createDirectories(PREFIX);
                try (FileChannel lock = FileChannel.open(PREFIX.resolve(".install-lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                    install();
                }
                source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return source;
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.exists(SCRIPT)) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund",
                "--prefix", PREFIX.toString(), "axe-core@" + VERSION)
                .redirectErrorStream(true).redirectOutput(Path.of("target", "axe-npm.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm could not install axe-core; see target/axe-npm.log");
        }
    }
}
