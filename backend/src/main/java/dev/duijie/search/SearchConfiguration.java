package dev.duijie.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Elasticsearch transport for the application, closed on shutdown. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(SearchProperties properties) {
        int timeoutMillis = (int) properties.requestTimeout().toMillis();
        return RestClient.builder(HttpHost.create(properties.url()))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout(Math.min(timeoutMillis, 2_000))
                        .setSocketTimeout(timeoutMillis))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }
}
