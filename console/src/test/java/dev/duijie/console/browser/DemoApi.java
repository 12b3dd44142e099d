package dev.duijie.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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

    /**
     * A new request of the demo firm, drafted and published through the API (open for 20 days), for a journey that
     * must not share the demo requests with the test classes running beside it; returns its id.
     */
    static String openRequest(String title, boolean guaranteeWanted) throws IOException, InterruptedException {
        String draft = """
                {"title": "%s", "purpose": "漆艺文创园装修", "amountFen": 300000000, "termMonths": 36,
                 "industry": "lacquer-craft", "region": "chengguan", "collateralOffered": ["equipment"],
                 "guaranteeWanted": %s, "maxAnnualRateBp": 480}""".formatted(title, guaranteeWanted);
        String enterprise = userToken("enterprise");
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(backend() + "/financing-requests"))
                        .header("Authorization", "Bearer " + enterprise)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(draft))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        HttpResponse<String> published = HTTP.send(
                HttpRequest.newBuilder(URI.create(backend() + "/financing-requests/" + id.group(1) + "/publish"))
                        .header("Authorization", "Bearer " + enterprise)
                        .header("Content-Type", "application/json")
                        .header("If-Match", created.headers().firstValue("ETag").orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"bidDeadline\": \""
                                + OffsetDateTime.now().plusDays(20).truncatedTo(ChronoUnit.SECONDS) + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id.group(1);
    }

    /**
     * A call to the backend as a demo user, for test setup: a JSON body or none ({@code If-Match: *} for the writes
     * that take a version).
     */
    static HttpResponse<String> send(String username, String method, String path, String json)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(backend() + path))
                        .header("Authorization", "Bearer " + userToken(username))
                        .header("Content-Type", "application/json")
                        .header("If-Match", "*")
                        .method(
                                method,
                                json.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
