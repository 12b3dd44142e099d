package dev.duijie.console.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's screenshots: each role's main page as a person meets it, with the demo data, in Chinese. Run by
 * {@code ./duijie screenshots} (never by the test suite); the pictures go to docs/screenshots/.
 */
class ReadmeScreenshots extends BrowserTest {

    private static final Path FOLDER = Path.of("..", "docs", "screenshots");

    record Shot(String user, String path, String file) {}

    /** The demo firm's open request for its lacquer line (demo data): matches on the firm's side, a bid form on the bank's. */
    private static final String LACQUER_LINE = "00000000-0000-4000-9000-000000000001";

    static final List<Shot> SHOTS = List.of(
            new Shot("enterprise", "/", "enterprise-home.png"),
            new Shot("enterprise", "/requests/" + LACQUER_LINE, "enterprise-request.png"),
            new Shot("bank-a", "/inbox", "bank-inbox.png"),
            new Shot("bank-a", "/market/requests/" + LACQUER_LINE, "bank-bid-form.png"),
            new Shot("guarantor", "/guarantor/inbox", "guarantor-inbox.png"),
            new Shot("investor", "/investor/inbox", "investor-inbox.png"),
            new Shot("regulator", "/organizations", "regulator-organizations.png"));

    @Test
    void takeTheReadmesScreenshots() throws Exception {
        Files.createDirectories(FOLDER);
        page.navigate(console() + "/");
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve("sign-in.png")));
        for (Shot shot : SHOTS) {
            context.clearCookies();
            signInAs(shot.user(), shot.path());
            page.waitForLoadState(LoadState.NETWORKIDLE); // the bid form's calculator answers by htmx
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(FOLDER.resolve(shot.file()))
                    .setFullPage(true));
        }
    }
}
