package dev.duijie.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.duijie.ratelimit.RateLimitFilter;
import dev.duijie.ratelimit.RateLimiting;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** The API trusts Keycloak-issued JWTs and nothing else. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityResponses problems, RateLimiting rateLimiting)
            throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
        http
                // bearer tokens only, no cookies or sessions: nothing for CSRF to ride on
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> {})
                .authorizeHttpRequests(requests -> requests
                        // health for load balancers and the contract for client developers; everything else needs a
                        // token
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/openapi.yaml")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // metrics (e.g. the search outbox lag) are for the county office running the platform
                        .requestMatchers("/actuator/**")
                        .hasRole("regulator")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // once the token is checked we know whose budget a request spends; a failed token is charged to
                // its address by the 401 entry point (ProblemSecurityResponses), so guessing tokens is limited too
                .addFilterAfter(new RateLimitFilter(rateLimiting), BearerTokenAuthenticationFilter.class)
                // 401 with a Bearer challenge instead of a redirect to a login page
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Longer than any token lives (access tokens: 15 minutes), so no token that is still valid is refused. */
    private static final Duration KEYS_OUTLIVE_KEYCLOAK_OUTAGE = Duration.ofHours(1);
    /** A fetch of the keys gives up after this, so a hung Keycloak cannot hold requests for long. */
    private static final int KEYS_FETCH_TIMEOUT_MILLIS = 2000;

    /**
     * Keys are fetched from the realm's JWKS lazily (the backend starts while Keycloak is still starting) and
     * cached. While Keycloak is down or hung, the keys fetched last keep verifying tokens (outage tolerant):
     * without that, every request after the cache expired would fail, tokens still valid included.
     * Only RS256; issuer, expiry (with a small skew) and our audience are checked on every token.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) throws MalformedURLException {
        long cacheMillis = properties.signingKeysCache().toMillis();
        JWKSource<SecurityContext> signingKeys = JWKSourceBuilder.create(
                        URI.create(properties.signingKeysUri()).toURL(),
                        new DefaultResourceRetriever(
                                KEYS_FETCH_TIMEOUT_MILLIS,
                                KEYS_FETCH_TIMEOUT_MILLIS,
                                JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                // a request that finds the cache expired fetches (others wait for that fetch, up to half the cache's
                // life)
                .refreshAheadCache(false)
                .cache(cacheMillis, Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, cacheMillis / 2))
                // at most one fetch per interval (e.g. for tokens naming unknown keys); must be below the cache's life
                .rateLimited(Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, cacheMillis / 2))
                .outageTolerant(KEYS_OUTLIVE_KEYCLOAK_OUTAGE.toMillis())
                .build();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator expiry = new JwtTimestampValidator(properties.clockSkew());
        expiry.setAllowEmptyExpiryClaim(false); // a token without exp would never expire
        validators.add(expiry);
        validators.add(new JwtIssuerValidator(properties.issuerUri()));
        validators.add(new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(properties.audience())));
        // Keycloak marks access tokens typ=Bearer; ID and refresh tokens of the realm are not accepted
        validators.add(new JwtClaimValidator<String>("typ", "Bearer"::equals));
        // every caller is someone: audit entries, idempotency keys and budgets are keyed by the subject
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(
                List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match", "Accept-Language"));
        cors.setExposedHeaders(List.of("ETag", "Location", "RateLimit", "RateLimit-Policy", "Retry-After"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
