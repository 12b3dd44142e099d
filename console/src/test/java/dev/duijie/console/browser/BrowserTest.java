package dev.duijie.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.duijie.console.ConsoleApplication;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A browser test: the console runs in this JVM on a fixed port (Keycloak knows it as a redirect target), against
 * the demo backend that {@code ./duijie test} starts, and Debian's Chromium drives it through Keycloak's real login
 * page. Every test gets a fresh browser context (no cookies), so each signs in as whom it needs. Test classes run
 * two at a time (junit-platform.properties), each with its own Playwright and browser, which are not thread-safe.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "server.port=${DUIJIE_BROWSER_TEST_PORT:8094}")
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    private Playwright playwright;
    private Browser browser;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    void startBrowser() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
        // generous: a shared, loaded machine (and Keycloak) can take seconds to answer; a real failure still fails
        context.setDefaultTimeout(30_000);
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
        return Chromium.issuer();
    }

    /** Opens a console page; when not signed in, signs in on Keycloak's own page as the demo user and returns. */
    protected void signInAs(String username, String path) {
        Chromium.signIn(page, console(), username, path);
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
