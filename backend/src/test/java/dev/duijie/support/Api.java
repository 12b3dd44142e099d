package dev.duijie.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running backend: real requests over loopback, real tokens. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    public Call put(String path, Object body) {
        return new Call("PUT", path, body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    public Call call(String method, String path, Object body) {
        return new Call(method, path, body);
    }

    public static String json(Object body) {
        return body instanceof String raw ? raw : JSON.writeValueAsString(body);
    }

    /** One request being put together. */
    public final class Call {
        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String contentType = "application/json";
        private boolean chunked;

        private Call(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
            headers.put("Accept", "application/json");
        }

        public Call as(String accessToken) {
            headers.put("Authorization", "Bearer " + accessToken);
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call contentType(String value) {
            contentType = value;
            return this;
        }

        /** Send the body without a Content-Length (chunked), as streaming clients do. */
        public Call chunked() {
            chunked = true;
            return this;
        }

        public Response send() {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType);
                HttpRequest.BodyPublisher content = body instanceof byte[] bytes
                        ? HttpRequest.BodyPublishers.ofByteArray(bytes) // e.g. text that is not UTF-8
                        : HttpRequest.BodyPublishers.ofString(json(body));
                request.method(method, chunked ? HttpRequest.BodyPublishers.fromPublisher(content) : content);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What came back. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
