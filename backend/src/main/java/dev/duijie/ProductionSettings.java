package dev.duijie;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start anywhere but the demo with the demo's settings: a database password from the
 * documented demo set, or no audience to check tokens against. The demo profile supplies both defaults
 * (application-demo.yaml); everywhere else they must come from the environment.
 */
@Component
class ProductionSettings {

    /** The passwords the README and the run script publish for the demo. */
    static final Set<String> DEMO_PASSWORDS = Set.of("duijie", "duijie-demo", "admin", "changeme");

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
        String password = environment.getProperty("spring.datasource.password", "");
        if (password.isBlank() || DEMO_PASSWORDS.contains(password)) {
            problems.add("DUIJIE_DB_PASSWORD is empty or a published demo password; set the database's own password");
        }
        if (environment.getProperty("duijie.security.audience", "").isBlank()) {
            problems.add(
                    "DUIJIE_AUDIENCE is not set; tokens must be checked for the API's audience (the realm's client for the API)");
        }
        if (environment.getProperty("duijie.security.issuer-uri", "").isBlank()) {
            problems.add("DUIJIE_ISSUER_URI is not set; it is the Keycloak realm that issues the tokens to trust");
        }
        return problems;
    }
}
