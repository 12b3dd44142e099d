package dev.duijie.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start anywhere but the demo with the demo's settings: the documented demo client secret or a demo
 * database password would let anyone who read the README act as the console.
 */
@Component
class ProductionSettings {

    /** The secrets and passwords the README and the run script publish for the demo. */
    static final Set<String> DEMO_SECRETS = Set.of("duijie", "duijie-demo", "duijie-console-demo-secret", "admin");

    ProductionSettings(Environment environment) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Refusing to start outside the demo profile: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return problems;
        }
        String secret =
                environment.getProperty("spring.security.oauth2.client.registration.keycloak.client-secret", "");
        if (secret.isBlank() || DEMO_SECRETS.contains(secret)) {
            problems.add(
                    "DUIJIE_CONSOLE_CLIENT_SECRET is empty or the published demo secret; set the client's own secret");
        }
        String password = environment.getProperty("spring.datasource.password", "");
        if (password.isBlank() || DEMO_SECRETS.contains(password)) {
            problems.add(
                    "DUIJIE_CONSOLE_DB_PASSWORD is empty or a published demo password; set the database's own password");
        }
        return problems;
    }
}
