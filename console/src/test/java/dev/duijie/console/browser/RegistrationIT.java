package dev.duijie.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A person joins on their own: Keycloak's registration page (in Chinese), the verification mail through the real
 * mail server, and the console, where they have no organization and no business role yet.
 */
class RegistrationIT extends BrowserTest {

    @Test
    void givenANewPerson_whenTheyRegisterAndFollowTheMailedLink_thenTheyAreSignedInWithNothingToActForYet()
            throws Exception {
        String word = UUID.randomUUID().toString().substring(0, 8);
        String email = "newcomer-" + word + "@example.com";
        String password = "county-" + word + "-pass";
        page.navigate(console() + "/");
        assertThat(page.url()).startsWith(issuer());

        page.locator("a[href*='registration']").click();
        page.locator("#username").fill("newcomer-" + word);
        page.locator("#email").fill(email);
        page.locator("#firstName").fill("新");
        page.locator("#lastName").fill("用户");
        page.locator("#kc-register-form [type=submit]").click();

        // Keycloak holds the sign-in until the address is confirmed, and says where it wrote; the password is
        // chosen only after that (Keycloak's advice: nobody sets a password for an address that is not theirs)
        assertThat(page.locator("body")).containsText(email);
        page.navigate(DemoMail.verificationLink(email));
        assertThat(page.locator("body")).containsText("确认电子邮件地址 " + email + " 的有效性");
        page.getByText("点击此处继续").click();
        page.locator("#password-new").fill(password);
        page.locator("#password-confirm").fill(password);
        page.locator("#kc-passwd-update-form [type=submit]").click();
        assertThat(page.locator("body")).containsText("您的账户已经更新");

        // back to the console: signed in already (Keycloak's session), or with the password just chosen
        page.navigate(console() + "/");
        if (page.url().startsWith(issuer())) {
            page.locator("#username").fill("newcomer-" + word);
            page.locator("#password").fill(password);
            page.locator("#kc-login").click();
        }
        page.waitForURL(
                Pattern.compile(Pattern.quote(console()) + ".*"), new Page.WaitForURLOptions().setTimeout(90_000));
        assertThat(page.locator("h1")).hasText("欢迎使用对接平台");
        assertThat(page.locator("main")).containsText("还没有业务角色");
        assertAccessible();
    }
}
