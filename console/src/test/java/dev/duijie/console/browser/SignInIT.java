package dev.duijie.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signing in and out through Keycloak, and the language a person reads the console in. */
class SignInIT extends BrowserTest {

    @Test
    void givenADemoEnterprise_whenItSignsIn_thenItsHomePageGreetsItInChinese() {
        signInAs("enterprise");

        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator(".who-role")).hasText("企业");
        assertThat(page.locator("nav.mainnav")).containsText("我的融资需求");
    }

    @Test
    void givenASignedInPerson_whenTheyAskForAPage_thenTheyReturnToItAfterSigningIn() {
        signInAs("regulator", "/?from=test");

        assertThat(page.url()).isEqualTo(console() + "/?from=test&continue");
    }

    @Test
    void givenASignedInPerson_whenTheySignOut_thenTheKeycloakSessionEndsToo() {
        signInAs("bank-a");

        page.locator("form[action='/logout'] button").click();
        page.waitForURL(console() + "/signed-out");
        assertThat(page.locator("h1")).hasText("您已退出登录");

        page.navigate(console() + "/");
        assertThat(page.url()).as("Keycloak asks for the password again").startsWith(issuer());
        assertThat(page.locator("#username")).isVisible();
    }

    @Test
    void givenAPersonReadingChinese_whenTheyChooseEnglish_thenEveryPageIsEnglishUntilTheyChooseAgain() {
        // a person no other browser test signs in as: the choice is theirs across browsers, and classes run in parallel
        signInAs("talent-f");

        page.locator("form[action='/language'] button").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator(".who-role")).hasText("Talent");

        page.context().clearCookies();
        signInAs("talent-f");
        // remembered for the person, not the browser
        assertThat(page.locator("html")).hasAttribute("lang", "en");

        page.locator("form[action='/language'] button").click();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    }

    @Test
    void givenALinkInEnglish_whenAPersonOpensIt_thenThatSessionIsEnglishButTheirOwnChoiceStaysChinese() {
        signInAs("talent-e", "/?lang=en");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.navigate(console() + "/");
        assertThat(page.locator("html")).hasAttribute("lang", "en");

        page.context().clearCookies();
        signInAs("talent-e");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    }
}
