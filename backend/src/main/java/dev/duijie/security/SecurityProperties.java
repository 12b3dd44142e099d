package dev.duijie.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuerUri      the Keycloak realm URL tokens must come from
 * @param audience       the client id that must be in a token's {@code aud}
 * @param clockSkew      tolerance when checking {@code exp} and {@code nbf}
 * @param allowedOrigins browser origins allowed by CORS (none by default)
 * @param jwkSetUri      where to fetch the realm's signing keys; empty means the issuer's own endpoint. Set it
 *                       when the backend reaches Keycloak by an inside address (a Compose service, a Kubernetes
 *                       Service) while tokens name the public one.
 * @param signingKeysCache how long fetched signing keys are used before they are fetched again (5 minutes by
 *                       default). While Keycloak cannot be reached the last keys fetched are used anyway.
 */
@ConfigurationProperties("duijie.security")
public record SecurityProperties(
        String issuerUri,
        String audience,
        Duration clockSkew,
        List<String> allowedOrigins,
        String jwkSetUri,
        Duration signingKeysCache) {

    public String signingKeysUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri + "/protocol/openid-connect/certs" : jwkSetUri;
    }
}
