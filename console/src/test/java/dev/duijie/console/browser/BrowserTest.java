package dev.duijie.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.duijie.console.ConsoleApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A browser test: the console runs in this JVM on a fixed port (Keycloak knows it as a redirect target), against
 * the demo backend that {@code ./duijie test} starts, and Debian's Chromium drives it through Keycloak's real login
 * page. Every test gets a fresh browser context (no cookies), so each signs in as whom it needs.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "server.port=${DUIJIE_BROWSER_TEST_PORT:8094}")
@ActiveProfiles("demo")
public abstract class BrowserTest {

    public static final String DEMO_PASSWORD = "duijie-demo";

    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(
                                Path.of(System.getenv().getOrDefault("DUIJIE_CHROMIUM", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    protected static String console() {
        return "http://127.0.0.1:" + System.getenv().getOrDefault("DUIJIE_BROWSER_TEST_PORT", "8094");
    }

    protected static String issuer() {
        return System.getenv().getOrDefault("DUIJIE_ISSUER_URI", "http://127.0.0.1:18080/realms/duijie");
    }

    /** Opens a console page; when not signed in, signs in on Keycloak's own page as the demo user and returns. */
    protected void signInAs(String username, String path) {
        page.navigate(console() + path);
        assertThat(page.url())
                .as("an anonymous visit goes to Keycloak's login page")
                .startsWith(issuer());
        page.locator("#username").fill(username);
        page.locator("#password").fill(DEMO_PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(Pattern.quote(console()) + ".*"));
    }

    protected void signInAs(String username) {
        signInAs(username, "/");
    }

    /**
     * axe-core over the page as it is now (WCAG 2.1 A and AA rules): no serious or critical finding. Call it on every
     * page a journey visits.
     */
    protected void assertAccessible() {
        List<Rule> serious = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze().getViolations().stream()
                        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                        .toList();
        assertThat(serious)
                .as(() -> page.url() + ": "
                        + serious.stream()
                                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .toList())
                                .toList())
                .isEmpty();
    }
}
