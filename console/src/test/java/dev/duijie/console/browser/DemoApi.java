package dev.duijie.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test setup through the backend's API, as an institution's own system would call it: where a journey needs a thing
 * another test class must not share (a bid, a request of its own), it makes it here rather than in the browser.
 */
final class DemoApi {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private DemoApi() {}

    /** The demo backend the browser tests' console works against. */
    static String backend() {
        return System.getenv().getOrDefault("DUIJIE_BACKEND_URL", "http://127.0.0.1:8080");
    }

    /** A demo user's access token by Keycloak's password grant on the demo client duijie-web. */
    static String userToken(String username) throws IOException, InterruptedException {
        return token("grant_type=password&client_id=duijie-web&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + Chromium.DEMO_PASSWORD);
    }

    /** A machine client's access token by the client-credentials grant (e.g. the demo's bank-a-system). */
    static String machineToken(String clientId, String secret) throws IOException, InterruptedException {
        return token("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret);
    }

    private static String token(String form) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(Chromium.issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        assertThat(token.find()).as(answer.body()).isTrue();
        return token.group(1);
    }
}
