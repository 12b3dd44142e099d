package dev.duijie.console.browser;

import com.microsoft.playwright.Page;
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

    static final List<Shot> SHOTS = List.of(
            new Shot("enterprise", "/", "enterprise-home.png"),
            new Shot("bank-a", "/", "bank-home.png"),
            new Shot("guarantor", "/", "guarantor-home.png"),
            new Shot("investor", "/", "investor-home.png"),
            new Shot("regulator", "/", "regulator-home.png"));

    @Test
    void takeTheReadmesScreenshots() throws Exception {
        Files.createDirectories(FOLDER);
        page.navigate(console() + "/");
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve("sign-in.png")));
        for (Shot shot : SHOTS) {
            context.clearCookies();
            signInAs(shot.user(), shot.path());
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(FOLDER.resolve(shot.file()))
                    .setFullPage(true));
        }
    }
}
