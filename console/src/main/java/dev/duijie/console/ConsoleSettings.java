package dev.duijie.console;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's own settings (README "Configuration").
 *
 * @param backendUrl where the backend's API answers, as the console reaches it
 */
@ConfigurationProperties("duijie.console")
public record ConsoleSettings(URI backendUrl) {}
