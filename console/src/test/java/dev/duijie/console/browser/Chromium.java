package dev.duijie.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Debian's Chromium as the tests, the benchmark and the screenshots drive it, and signing in on Keycloak's page. */
public final class Chromium {

    public static final String DEMO_PASSWORD = "duijie-demo";

    private Chromium() {}

    /** Headless, as root (no sandbox), and without the background calls this closed network refuses. */
    public static Browser launch(Playwright playwright) {
        return playwright
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

    public static String issuer() {
        return System.getenv().getOrDefault("DUIJIE_ISSUER_URI", "http://127.0.0.1:18080/realms/duijie");
    }

    /** Opens a console page as nobody, signs in on Keycloak's own page as the demo user, and returns there. */
    public static void signIn(Page page, String console, String username, String path) {
        page.navigate(console + path);
        assertThat(page.url())
                .as("an anonymous visit goes to Keycloak's login page")
                .startsWith(issuer());
        page.locator("#username").fill(username);
        page.locator("#password").fill(DEMO_PASSWORD);
        page.locator("#kc-login").click();
        // back through the console's code exchange with Keycloak to the page asked for: three servers' work, which on
        // a loaded two-core machine has taken over 30 s
        page.waitForURL(
                Pattern.compile(Pattern.quote(console) + ".*"), new Page.WaitForURLOptions().setTimeout(90_000));
    }
}
