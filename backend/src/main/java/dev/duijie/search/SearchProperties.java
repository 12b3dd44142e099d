package dev.duijie.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url         Elasticsearch HTTP address
 * @param indexPrefix prefix of every index and alias name, so tests and demo can share one cluster
 * @param requestTimeout how long one Elasticsearch call may take before the API answers 503
 * @param username    for a cluster with security on (e.g. one run by the ECK operator); empty for none
 * @param password    that user's password
 */
@ConfigurationProperties("duijie.search")
public record SearchProperties(
        String url, String indexPrefix, Duration requestTimeout, String username, String password) {

    boolean authenticates() {
        return username != null && !username.isBlank();
    }
}
