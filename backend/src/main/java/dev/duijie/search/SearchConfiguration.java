package dev.duijie.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Elasticsearch transport for the application, closed on shutdown. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(SearchProperties properties) {
        int timeoutMillis = (int) properties.requestTimeout().toMillis();
        RestClientBuilder builder = RestClient.builder(HttpHost.create(properties.url()))
                .setRequestConfigCallback(config ->
                        config.setConnectTimeout(Math.min(timeoutMillis, 2_000)).setSocketTimeout(timeoutMillis));
        if (properties.authenticates()) {
            String credentials = properties.username() + ":" + properties.password();
            builder.setDefaultHeaders(new Header[] {
                new BasicHeader(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            });
        }
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }
}
