package dev.tally.security;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The admin's HTTP basic credentials for /admin/** and /actuator/** and Hawtio's login (tally.admin.*).
 *
 * @param user The admin's user name.
 * @param password The admin's password; empty means a random one, logged once at startup.
 */
@Validated
@ConfigurationProperties("tally.admin")
public record AdminUserProperties(@NotBlank String user, String password) implements TallySettings {

    boolean passwordSet() {
        return password != null && !password.isBlank();
    }
}
