package dev.tally.config;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What this process runs (tally.roles, tally.routes-dir). {@link DerivedSettings} reads both before the beans exist;
 * the check here stops start-up on an unknown role with a message naming TALLY_ROLES, where the routes would only
 * report tally.web.enabled missing.
 *
 * @param roles web serves the API, worker consumes jobs: web, worker or web,worker.
 * @param routesDir A directory of *.camel.yaml route files loaded instead of the built-in ones and reloaded live; it
 *     must hold route files. Empty means the built-in routes.
 */
@Validated
@ConfigurationProperties("tally")
public record DeploymentProperties(
        @Pattern(regexp = ROLES, message = "must be web, worker or web,worker")
        String roles,

        String routesDir) implements TallySettings {

    /** What {@link DerivedSettings} takes: known roles, comma-separated, in any case, blanks and empty items aside. */
    static final String ROLES = "(?i)[\\s,]*(web|worker)\\s*(,[\\s,]*(web|worker)\\s*)*[\\s,]*";
}
