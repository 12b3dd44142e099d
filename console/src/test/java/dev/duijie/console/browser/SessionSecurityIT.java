package dev.duijie.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What keeps a person's session theirs: the cookie, CSRF, the headers, and tokens that never reach the browser. */
class SessionSecurityIT extends BrowserTest {

    @Autowired
    JdbcClient sessions;

    @Test
    void givenASignedInPerson_thenTheSessionCookieIsHttpOnlyAndSameSiteLax() {
        signInAs("enterprise");

        Cookie session = context.cookies(console()).stream()
                .filter(cookie -> cookie.name.equals("DUIJIE_SESSION"))
                .findFirst()
                .orElseThrow();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).hasToString("LAX");
    }

    @Test
    void givenAFormPostWithoutItsCsrfToken_thenItIsRefusedAndChangesNothing() {
        signInAs("enterprise");

        APIResponse withoutToken = page.request()
                .post(
                        console() + "/language",
                        RequestOptions.create()
                                .setForm(FormData.create().set("language", "en"))
                                .setMaxRedirects(0));

        assertThat(withoutToken.status()).isEqualTo(403);
        page.reload();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    }

    @Test
    void givenAnyPage_thenItIsServedWithAStrictContentSecurityPolicyAndNoFraming() {
        signInAs("enterprise");

        Response home = page.navigate(console() + "/");
        String policy = home.headerValue("content-security-policy");
        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(home.headerValue("x-content-type-options")).isEqualTo("nosniff");
        assertThat(home.headerValue("referrer-policy")).isEqualTo("same-origin");
        assertThat(home.headerValue("x-frame-options")).isEqualTo("DENY");
    }

    @Test
    void givenASignedInPerson_thenNoTokenIsInThePageTheStorageOrTheCookies() {
        signInAs("bank-a");
        page.navigate(console() + "/");

        Object storage = page.evaluate(
                "() => JSON.stringify({local: Object.assign({}, localStorage), session: Object.assign({}, sessionStorage)})");
        String everything = page.content() + storage + context.cookies();
        // a JWT is three base64url parts, the first always starting with {" encoded: eyJ
        assertThat(everything).doesNotContainPattern(Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ"));
        assertThat(everything).doesNotContain("access_token").doesNotContain("refresh_token");
    }

    @Test
    void givenAnExpiredSession_whenThePersonOpensAPage_thenTheyComeBackToItAfterSigningInAgain() {
        signInAs("regulator");

        // this browser's session only (other test classes run beside this one); the cookie holds its id in base64
        String sessionId = context.cookies(console()).stream()
                .filter(cookie -> cookie.name.equals("DUIJIE_SESSION"))
                .map(cookie -> new String(Base64.getDecoder().decode(cookie.value), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
        assertThat(sessions.sql("DELETE FROM spring_session WHERE session_id = ?")
                        .param(sessionId)
                        .update())
                .isEqualTo(1);
        page.navigate(console() + "/?after=expiry");

        // Keycloak's own session is still alive, so it signs the person straight back in to the page they asked for
        page.waitForURL(Pattern.compile(Pattern.quote(console()) + "/\\?after=expiry.*"));
        assertThat(page.locator(".who-role")).hasText("金融监管（县金融办）");
    }
}
