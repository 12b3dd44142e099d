package dev.duijie.console.backend;

import dev.duijie.console.ConsoleSettings;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Every interface generated from the contract (package {@code dev.duijie.console.backend.api}) becomes a bean that
 * calls the backend with the signed-in person's access token and language. The console has no other way to the
 * marketplace's data.
 */
@Configuration
@ImportHttpServices(group = "backend", basePackageClasses = FinancingRequestsApi.class)
class BackendClientConfiguration {

    @Bean
    RestClientHttpServiceGroupConfigurer backendClients(
            ConsoleSettings settings,
            OAuth2AuthorizedClientManager authorizedClients,
            OAuth2AuthorizedClientRepository authorizedClientRepository) {
        var personsToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        personsToken.setClientRegistrationIdResolver(request -> "keycloak");
        // a token the backend refuses (401) is dropped from the session, so the next page signs the person in again
        personsToken.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClientRepository));
        var timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(3));
        timeouts.setReadTimeout(Duration.ofSeconds(20));
        return groups -> groups.forEachClient(
                (group, client) -> client.baseUrl(settings.backendUrl().toString())
                        // the whole answer is read inside the call, so the time counted for the backend includes
                        // receiving its body (the answers are small pages of JSON)
                        .requestFactory(new BufferingClientHttpRequestFactory(timeouts))
                        .requestInterceptor(personsToken)
                        .requestInterceptor(personsLanguage())
                        // last, next to the wire: finding the person's token in the session is the console's time
                        .requestInterceptor(BackendTime.counter()));
    }

    /** The backend answers (its problem details included) in the language the person reads the console in. */
    private static ClientHttpRequestInterceptor personsLanguage() {
        return (request, body, execution) -> {
            request.getHeaders().setAcceptLanguageAsLocales(List.of(LocaleContextHolder.getLocale()));
            return execution.execute(request, body);
        };
    }
}
