package dev.duijie.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport sends credentials only when a user is configured (a secured cluster, e.g. one run by ECK). */
class SearchConfigurationTest {

    private HttpServer server;
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void startAStandInForElasticsearch() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void givenAUser_whenCallingElasticsearch_thenBasicCredentialsAreSent() throws Exception {
        try (RestClient client = clientAs("duijie", "p@ss:word")) {
            client.performRequest(new Request("HEAD", "/"));
        }

        String expected =
                "Basic " + Base64.getEncoder().encodeToString("duijie:p@ss:word".getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).containsExactly(expected);
    }

    @Test
    void givenNoUser_whenCallingElasticsearch_thenNoCredentialsAreSent() throws Exception {
        try (RestClient client = clientAs("", "")) {
            client.performRequest(new Request("HEAD", "/"));
        }

        assertThat(authorizations).containsExactly("null");
    }

    private RestClient clientAs(String username, String password) {
        SearchProperties properties = new SearchProperties(
                "http://127.0.0.1:" + server.getAddress().getPort(), "test", Duration.ofSeconds(2), username, password);
        return new SearchConfiguration().elasticsearchRestClient(properties);
    }
}
