package dev.duijie.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/** Access tokens from the running Keycloak, by password grant, as the demo users get them. */
public final class Tokens {

    public static final String PASSWORD = "duijie-demo";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String issuerUri;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public Tokens(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    /** A token for the API (client duijie-web), cached: tokens live 15 minutes. */
    public String of(String username) {
        return cache.computeIfAbsent(username, user -> fresh("duijie-web", user));
    }

    /** A new token through a given client (e.g. duijie-other: no API audience; duijie-short-lived: 2 s). */
    public String fresh(String clientId, String username) {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username) + "&password="
                + enc(PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + issuerUri + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
