package vn.docket.app.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.app.DocketApplication;
import vn.docket.app.web.Browser;

/**
 * The web app's pages as a clerk meets them, in headless Chromium on an in-process Docket with the demo history
 * (embedded server, default H2 backend, fresh data directory): the time from following a link until the page has
 * drawn its content, and the bytes that crossed the network for it, for a walk through five pages, on three networks
 * Chromium emulates: none (this machine), an office's slow line and a phone on 3G. Two Dockets run side by side: one
 * serving its scripts and styles as it does now (compressed, kept by the browser and asked for again by their hash)
 * and one as it did before (neither), the baseline. Each round walks the baseline as a person moving on between pages,
 * then the other as on a first visit (the browser's cache off) and as a person moving on (after one walk); the figures
 * are the medians of the rounds' ratios to the baseline. Absolute times depend on the machine.
 * Run with {@code bench/pages.sh [--rounds=5]}; prints a table and one JSON line.
 */
public final class PagesBenchmark {

    /** Name, latency (ms, request to response headers), download and upload (bytes per second); 0 = no limit. */
    private record Network(String name, long latency, long down, long up) {
    }

    private static final List<Network> NETWORKS = List.of(
            new Network("this machine", 0, 0, 0),
            new Network("office line (100 ms, 2 Mbit/s)", 100, 2_000_000 / 8, 1_000_000 / 8),
            new Network("phone on 3G (300 ms, 750 kbit/s)", 300, 750_000 / 8, 250_000 / 8));

    private PagesBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            int rounds = List.of(args).stream().filter(a -> a.startsWith("--rounds=")).findFirst()
                    .map(a -> Integer.parseInt(a.substring("--rounds=".length()))).orElse(5);
            new PagesBenchmark().run(rounds);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // Axon's janitor thread is not a daemon and outlives the context; without this the run never ends.
        System.exit(status);
    }

    private void run(int rounds) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Map<String, Object> figures = new LinkedHashMap<>();
        // The baseline, in the same run: the same Docket serving its files as it did before 06/12/2026, neither
        // compressed nor kept by the browser.
        try (Served before = new Served("--server.compression.enabled=false",
                "--spring.web.resources.cache.cachecontrol.no-cache=false");
             Served now = new Served()) {
            System.out.printf("%-34s %16s %16s %16s %14s %14s%n", "network (walk of " + now.walk.size() + " pages)",
                    "before", "now, 1st visit", "now, moving on", "1st / before", "moving / before");
            for (Network network : NETWORKS) {
                before.on(network);
                now.on(network);
                List<Long> old = new ArrayList<>();
                List<Long> first = new ArrayList<>();
                List<Long> moving = new ArrayList<>();
                List<Double> firstRatios = new ArrayList<>();
                List<Double> movingRatios = new ArrayList<>();
                long[] bytes = new long[3];
                for (int round = 0; round < rounds; round++) {
                    System.err.printf("%s: round %d of %d%n", network.name(), round + 1, rounds);
                    long[] b = before.movingOn();
                    long[] c = now.firstVisit();
                    long[] w = now.movingOn();
                    old.add(b[0]);
                    first.add(c[0]);
                    moving.add(w[0]);
                    bytes = new long[] {b[1], c[1], w[1]};
                    firstRatios.add((double) c[0] / b[0]);
                    movingRatios.add((double) w[0] / b[0]);
                }
                System.out.printf("%-34s %8d ms %4d KB %8d ms %4d KB %8d ms %4d KB %14.2f %14.2f%n", network.name(),
                        medianLong(old), bytes[0] / 1024, medianLong(first), bytes[1] / 1024, medianLong(moving),
                        bytes[2] / 1024, median(firstRatios), median(movingRatios));
                figures.put(network.name(), Map.of("beforeMs", medianLong(old), "beforeKB", bytes[0] / 1024,
                        "firstVisitMs", medianLong(first), "firstVisitKB", bytes[1] / 1024,
                        "movingOnMs", medianLong(moving), "movingOnKB", bytes[2] / 1024,
                        "firstVisitRatio", Math.round(median(firstRatios) * 100) / 100.0,
                        "movingOnRatio", Math.round(median(movingRatios) * 100) / 100.0));
            }
        }
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(figures));
    }

    /** One Docket with the demo history, its own data directory, and a browser signed in on it as the clerk. */
    private static final class Served implements AutoCloseable {

        private final ConfigurableApplicationContext docket;
        private final Browser browser;
        private final List<String> walk;

        Served(String... settings) throws Exception {
            List<String> arguments = new ArrayList<>(List.of(
                    "--docket.mongo.embedded.data-dir=" + Files.createTempDirectory("docket-pages-bench"),
                    "--docket.mongo.embedded.port=0", "--server.port=0", "--docket.mongo.timeouts.server-selection=30s",
                    "--docket.demo.data=true", "--docket.security.demo-users=true", "--logging.level.root=WARN",
                    "--logging.level.vn.docket=WARN"));
            arguments.addAll(List.of(settings));
            docket = new SpringApplicationBuilder(DocketApplication.class).run(arguments.toArray(String[]::new));
            browser = new Browser("http://localhost:" + docket.getEnvironment().getProperty("local.server.port"));
            browser.signIn("clerk");
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) browser.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/assignments?size=1').then(r => r.json()).then(page => done(page.items[0]));");
            walk = List.of("/", "/assignments.html", "/assignment.html?id=" + first.get("id"), "/notices.html",
                    "/reports.html");
            browser.driver.executeCdpCommand("Network.enable", Map.of());
        }

        void on(Network network) {
            browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                    "latency", network.latency(), "downloadThroughput", network.down() == 0 ? -1 : network.down(),
                    "uploadThroughput", network.up() == 0 ? -1 : network.up()));
        }

        /** The walk with the browser's cache off. */
        long[] firstVisit() {
            browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            try {
                return walk(browser, walk);
            } finally {
                browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
            }
        }

        /** The walk after another, with what the cache kept from it. */
        long[] movingOn() {
            walk(browser, walk);
            return walk(browser, walk);
        }

        @Override
        public void close() {
            browser.close();
            docket.close();
        }
    }

    /** The walk's time in ms (each page from following its link until drawn) and the bytes transferred for it. */
    private static long[] walk(Browser browser, List<String> pages) {
        long millis = 0;
        long bytes = 0;
        for (String page : pages) {
            long start = System.nanoTime();
            browser.open(page);
            browser.present(By.cssSelector("main h1"));
            browser.until(d -> !((String) browser.script("return document.getElementById('main').innerText"))
                    .contains("Đang tải"));
            millis += (System.nanoTime() - start) / 1_000_000;
            bytes += ((Number) browser.script("return performance.getEntriesByType('navigation')"
                    + ".concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.transferSize, 0)"))
                    .longValue();
        }
        return new long[] {millis, bytes};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long medianLong(List<Long> values) {
        return Math.round(median(values.stream().map(Long::doubleValue).toList()));
    }
}
