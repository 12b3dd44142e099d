package dev.duijie.console.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import dev.duijie.console.browser.Chromium;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./duijie bench-console}: the console as {@code ./duijie up} runs it (its own jar copy, 256 MB heap) beside
 * a demo backend, measured page by page. For each page: the console's whole server time and the part spent in
 * backend calls, both from its Server-Timing header, so what the console itself adds is their difference (target
 * ≤ 10 ms at p50); the bytes a first visit transfers (target ≤ 150 KB compressed, fonts aside: the console sends
 * none); and Largest Contentful Paint in Chromium on a slow network (target ≤ 2.5 s). Writes
 * docs/benchmarks/console.md and fails when a target is missed.
 */
class ConsoleBenchmark {

    record PageUnderTest(String user, String path, String what) {}

    static final List<PageUnderTest> PAGES = List.of(
            new PageUnderTest("enterprise", "/", "enterprise home"),
            new PageUnderTest("enterprise", "/requests", "enterprise: my financing requests"),
            new PageUnderTest("bank-a", "/", "bank home"),
            new PageUnderTest("bank-a", "/inbox", "bank: inbox per loan product"),
            new PageUnderTest("bank-a", "/bids", "bank: my bids"),
            new PageUnderTest("guarantor", "/guarantees", "guarantor: bids to confirm"),
            new PageUnderTest("investor", "/", "investor home"),
            new PageUnderTest("regulator", "/organizations", "regulator: organizations to verify"),
            new PageUnderTest("regulator", "/audit", "regulator: audit trail"));

    /**
     * Rounds of every page before samples count: a console in service runs warm, and the first few hundred pages
     * after a start are the JIT compiling (after ten loads a page's own time was still about twice its steady figure).
     */
    static final int WARMUP = 150;

    static final int SAMPLES = 100;
    static final double ADDED_P50_TARGET_MS = 10;
    static final long FIRST_VISIT_TARGET_BYTES = 150 * 1024;
    static final double LCP_TARGET_MS = 2500;

    /** Chrome DevTools' "Slow 4G" profile, as Lighthouse uses it: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
    static final int SLOW_LATENCY_MS = 150;

    static final double SLOW_DOWN_BYTES_PER_S = 1.6 * 1024 * 1024 / 8;
    static final double SLOW_UP_BYTES_PER_S = 750 * 1024 / 8.0;

    private static final Pattern DURATION = Pattern.compile("(total|backend);dur=([0-9.]+)");

    record Timing(double total, double backend) {
        double added() {
            return total - backend;
        }
    }

    record Result(
            PageUnderTest page,
            int status,
            double[] total,
            double[] backend,
            double[] added,
            long firstVisitBytes,
            double lcpMs) {}

    private final String console = System.getProperty("duijie.bench.console-url", "http://127.0.0.1:8096");
    private final String consolePid = System.getProperty("duijie.bench.console-pid", "");

    @Test
    void measureEveryPage() throws IOException {
        List<Result> results = new ArrayList<>();
        String browserVersion;
        try (Playwright playwright = Playwright.create()) {
            Browser browser = Chromium.launch(playwright);
            browserVersion = browser.version();
            List<Visitor> visitors = new ArrayList<>();
            for (PageUnderTest under : PAGES) {
                visitors.add(firstVisit(browser, under));
            }
            // the whole console warms up as in service, then every page is sampled in turn, so a page's figures
            // neither depend on its place in the list nor catch a noisy moment of the machine alone
            for (int round = 0; round < WARMUP + SAMPLES; round++) {
                for (Visitor visitor : visitors) {
                    visitor.load(round >= WARMUP);
                }
            }
            for (Visitor visitor : visitors) {
                results.add(visitor.result());
                visitor.context().close();
            }
        }
        String report = report(results, browserVersion);
        Path file = Path.of("..", "docs", "benchmarks", "console.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report);

        for (Result result : results) {
            assertThat(result.status()).as(result.page().path() + " answers").isEqualTo(200);
            assertThat(percentile(result.added(), 50))
                    .as("the console's own time for " + result.page().what() + " at p50, ms")
                    .isLessThanOrEqualTo(ADDED_P50_TARGET_MS);
            assertThat(result.firstVisitBytes())
                    .as("bytes of a first visit to " + result.page().what())
                    .isLessThanOrEqualTo(FIRST_VISIT_TARGET_BYTES);
            assertThat(result.lcpMs())
                    .as("Largest Contentful Paint of " + result.page().what() + " on a slow network, ms")
                    .isLessThanOrEqualTo(LCP_TARGET_MS);
        }
    }

    /** A signed-in browser on one page, and the timings of its loads that count. */
    private final class Visitor {

        private final PageUnderTest under;
        private final BrowserContext context;
        private final Page page;
        private final long firstVisitBytes;
        private final double lcp;
        private final List<Timing> timings = new ArrayList<>();
        private int status;

        Visitor(PageUnderTest under, BrowserContext context, Page page, long firstVisitBytes, double lcp) {
            this.under = under;
            this.context = context;
            this.page = page;
            this.firstVisitBytes = firstVisitBytes;
            this.lcp = lcp;
        }

        BrowserContext context() {
            return context;
        }

        void load(boolean counts) {
            APIResponse response = page.request().get(console + under.path());
            status = response.status();
            Timing timing = serverTiming(
                    response.url() + " answered " + status, response.headers().getOrDefault("server-timing", ""));
            if (counts) {
                timings.add(timing);
            }
        }

        Result result() {
            return new Result(
                    under,
                    status,
                    timings.stream().mapToDouble(Timing::total).sorted().toArray(),
                    timings.stream().mapToDouble(Timing::backend).sorted().toArray(),
                    timings.stream().mapToDouble(Timing::added).sorted().toArray(),
                    firstVisitBytes,
                    lcp);
        }
    }

    /**
     * A first visit to the page: a new browser with an empty cache signs in and lands on it; everything the console
     * sends once signed in counts. Then its LCP on a slow network. The browser stays signed in for the timed loads.
     */
    private Visitor firstVisit(Browser browser, PageUnderTest under) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
        Page page = context.newPage();
        AtomicLong bytes = new AtomicLong();
        page.onRequestFinished(request -> {
            if (request.url().startsWith(console)) {
                bytes.addAndGet(transferred(request));
            }
        });
        Chromium.signIn(page, console, under.user(), under.path());
        page.waitForLoadState();
        long firstVisitBytes = bytes.get();
        double lcp = largestContentfulPaintOnASlowNetwork(context, page, under.path());
        return new Visitor(under, context, page, firstVisitBytes, lcp);
    }

    private static long transferred(Request request) {
        var sizes = request.sizes();
        return sizes.responseBodySize + sizes.responseHeadersSize;
    }

    private double largestContentfulPaintOnASlowNetwork(BrowserContext context, Page page, String path) {
        CDPSession devtools = context.newCDPSession(page);
        devtools.send("Network.enable");
        devtools.send("Network.clearBrowserCache");
        JsonObject slow = new JsonObject();
        slow.addProperty("offline", false);
        slow.addProperty("latency", SLOW_LATENCY_MS);
        slow.addProperty("downloadThroughput", SLOW_DOWN_BYTES_PER_S);
        slow.addProperty("uploadThroughput", SLOW_UP_BYTES_PER_S);
        devtools.send("Network.emulateNetworkConditions", slow);
        page.navigate(console + path);
        page.waitForLoadState();
        Object lcp = page.evaluate("() => new Promise(resolve => new PerformanceObserver(list => {"
                + " const entries = list.getEntries(); resolve(entries[entries.length - 1].startTime); })"
                + ".observe({type: 'largest-contentful-paint', buffered: true}))");
        JsonObject fast = new JsonObject();
        fast.addProperty("offline", false);
        fast.addProperty("latency", 0);
        fast.addProperty("downloadThroughput", -1);
        fast.addProperty("uploadThroughput", -1);
        devtools.send("Network.emulateNetworkConditions", fast);
        devtools.detach();
        return ((Number) lcp).doubleValue();
    }

    static Timing serverTiming(String answer, String header) {
        double total = Double.NaN;
        double backend = Double.NaN;
        Matcher matcher = DURATION.matcher(header);
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(2));
            if (matcher.group(1).equals("total")) {
                total = value;
            } else {
                backend = value;
            }
        }
        if (Double.isNaN(total) || Double.isNaN(backend)) {
            throw new IllegalStateException(
                    answer + " without Server-Timing (is DUIJIE_CONSOLE_SERVER_TIMING=true?): '" + header + "'");
        }
        return new Timing(total, backend);
    }

    static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private String report(List<Result> results, String browserVersion) throws IOException {
        var out = new StringBuilder();
        out.append("# Console benchmark\n\n")
                .append("Written by `./duijie bench-console` on ")
                .append(LocalDate.now())
                .append(". The console runs as `./duijie up` runs it (its own copy of the jar, `-Xmx256m`) beside a ")
                .append("demo backend, on this machine; Chromium drives it. One person at a time, ")
                .append(SAMPLES)
                .append(" loads of each page, the pages in turn, after ")
                .append(WARMUP)
                .append(" rounds of them to warm up (a console in service runs warm; its first few hundred pages ")
                .append("after a start are slower while the JIT compiles).\n\n")
                .append("- **Console's own time** = the console's whole server time for the page minus the time it ")
                .append("spent waiting for backend calls, both from its `Server-Timing` header ")
                .append("(`DUIJIE_CONSOLE_SERVER_TIMING=true`). Target: ≤ ")
                .append(fmt(ADDED_P50_TARGET_MS))
                .append(" ms at p50.\n")
                .append("- **First visit**: every byte (headers and compressed bodies) the console sends while a ")
                .append("new browser with an empty cache signs in and lands on the page: the redirects, HTML, CSS, ")
                .append("JavaScript, icon. Keycloak's own login page is not counted; the console sends no fonts. ")
                .append("Target: ≤ 150 KB.\n")
                .append("- **LCP**: Largest Contentful Paint of the page in Chromium with an empty cache on Chrome's ")
                .append("\"Slow 4G\" profile (150 ms round trip, 1.6 Mbit/s down). Target: ≤ 2.5 s.\n\n");
        out.append("| page | console total p50 / p99 ms | backend calls p50 / p99 ms | console's own p50 / p99 ms ")
                .append("| first visit KB | LCP slow 4G ms |\n|---|---|---|---|---|---|\n");
        for (Result result : results) {
            out.append("| ")
                    .append(result.page().what())
                    .append(" (`")
                    .append(result.page().path())
                    .append("` as ")
                    .append(result.page().user())
                    .append(") | ")
                    .append(fmt(percentile(result.total(), 50)))
                    .append(" / ")
                    .append(fmt(percentile(result.total(), 99)))
                    .append(" | ")
                    .append(fmt(percentile(result.backend(), 50)))
                    .append(" / ")
                    .append(fmt(percentile(result.backend(), 99)))
                    .append(" | ")
                    .append(fmt(percentile(result.added(), 50)))
                    .append(" / ")
                    .append(fmt(percentile(result.added(), 99)))
                    .append(" | ")
                    .append(fmt(result.firstVisitBytes() / 1024.0))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", result.lcpMs()))
                    .append(" |\n");
        }
        out.append("\n## The console's memory\n\n")
                .append(memory())
                .append("\n## Machine\n\n")
                .append("- ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(cpuModel())
                .append("; ")
                .append(totalMemory())
                .append("\n- Java ")
                .append(System.getProperty("java.version"))
                .append(" (")
                .append(ManagementFactory.getRuntimeMXBean().getVmName())
                .append("), Chromium ")
                .append(browserVersion)
                .append("\n- The machine is shared and noisy: compare figures within one run, not across runs.\n");
        return out.toString();
    }

    private String memory() throws IOException {
        if (consolePid.isBlank()) {
            return "Not measured (no console pid given).\n";
        }
        Path status = Path.of("/proc", consolePid, "status");
        if (!Files.exists(status)) {
            return "Not measured (the console process is gone).\n";
        }
        List<String> lines = Files.readAllLines(status);
        String rss = field(lines, "VmRSS:");
        String peak = field(lines, "VmHWM:");
        return "Heap limit `-Xmx256m` (as `./duijie up`, Compose and Kubernetes run it). Resident memory of the console "
                + "process after the run: " + rss + " (peak " + peak + ").\n";
    }

    private static String field(List<String> lines, String name) {
        return lines.stream()
                .filter(line -> line.startsWith(name))
                .map(line -> line.substring(name.length()).trim())
                .findFirst()
                .orElse("unknown");
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.exists(cpuinfo)) {
            return "unknown CPU";
        }
        return Files.readAllLines(cpuinfo).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown CPU");
    }

    private static String totalMemory() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.exists(meminfo)) {
            return "memory unknown";
        }
        String total = field(Files.readAllLines(meminfo), "MemTotal:");
        String[] parts = total.split("\\s+");
        return Arrays.stream(parts)
                .findFirst()
                .map(kb -> fmt(Long.parseLong(kb) / 1024.0 / 1024.0) + " GiB memory")
                .orElse(total);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
