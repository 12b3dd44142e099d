package dev.duijie.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuerUri      the Keycloak realm URL tokens must come from
 * @param audience       the client id that must be in a token's {@code aud}
 * @param clockSkew      tolerance when checking {@code exp} and {@code nbf}
 * @param allowedOrigins browser origins allowed by CORS (none by default)
 */
@ConfigurationProperties("duijie.security")
public record SecurityProperties(String issuerUri, String audience, Duration clockSkew, List<String> allowedOrigins) {
}
