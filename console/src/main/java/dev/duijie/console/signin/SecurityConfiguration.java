package dev.duijie.console.signin;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's security, as a checklist:
 * <ul>
 *   <li>every page needs a signed-in person; signing in is Keycloak's own page (authorization code with PKCE, a
 *       confidential client), so the console never sees a password;
 *   <li>the tokens stay in the server-side session ({@link HttpSessionOAuth2AuthorizedClientRepository}, and the
 *       session in PostgreSQL); the browser holds only an HttpOnly, SameSite=Lax session cookie;
 *   <li>an expired access token is refreshed on the server; when that fails the person signs in again and returns
 *       to the page they were on ({@link ConsoleEntryPoint}, {@link SignInAgain});
 *   <li>CSRF tokens on every state-changing request (forms carry it, htmx sends it as a header);
 *   <li>signing out ends the Keycloak session too (RP-initiated logout);
 *   <li>a Content-Security-Policy with no inline script, no framing, no referrer to other sites.
 * </ul>
 */
@Configuration
class SecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    SecurityFilterChain console(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            @Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") URI issuer)
            throws Exception {
        var authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        http.authorizeHttpRequests(pages -> pages.requestMatchers(
                                "/actuator/health/**",
                                "/assets/**",
                                "/webjars/**",
                                "/signed-out",
                                "/error",
                                // the integrators' API reference: a bank's IT team may have no account here
                                "/api-reference",
                                "/api-reference/**",
                                // so such a reader can switch its language too (kept in their session)
                                "/language")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(
                                endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new PersonLoader())))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(
                        new ConsoleEntryPoint("/oauth2/authorization/" + REGISTRATION)))
                .logout(logout -> logout.logoutSuccessHandler(endKeycloakSession))
                .csrf(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }

    /**
     * Scripts, styles and images only from the console itself; forms may also go to Keycloak (signing out
     * redirects there, and Chromium applies form-action to a form's redirects).
     */
    static String contentSecurityPolicy(URI issuer) {
        String keycloak = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloak;
    }

    /** The person's tokens live in their session, which lives in PostgreSQL: never in a console's memory. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the person's access token, refreshing it (on the server) when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
