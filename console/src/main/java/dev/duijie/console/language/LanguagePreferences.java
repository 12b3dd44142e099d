package dev.duijie.console.language;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's chosen language, by their Keycloak subject, in the console's own database. */
@Repository
class LanguagePreferences {

    private final JdbcClient database;

    LanguagePreferences(JdbcClient database) {
        this.database = database;
    }

    Optional<String> of(String subject) {
        return database.sql("SELECT language FROM person_language WHERE subject = ?")
                .param(subject)
                .query(String.class)
                .optional();
    }

    void remember(String subject, String language) {
        database.sql("""
                        INSERT INTO person_language (subject, language) VALUES (?, ?)
                        ON CONFLICT (subject) DO UPDATE SET language = EXCLUDED.language, chosen_at = now()
                        """).param(subject).param(language).update();
    }
}
