package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Every tally.* properties class bound from application.yaml, without the broker, MongoDB or Camel: the defaults pass,
 * and a bad value stops start-up with a message that names the setting and what it may be.
 */
class SettingsValidationTest {

    @ConfigurationPropertiesScan("dev.tally")
    static class AllSettings {}

    private final ApplicationContextRunner tally = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(AllSettings.class);

    @Test
    void theDefaultsOfApplicationYamlAreValid() {
        tally.run(context -> assertThat(context).hasNotFailed());
    }

    /** TallyApplication takes the TallySettings first, so a class that is not one would be checked late. */
    @Test
    void everySettingsClassIsBoundFirst() {
        tally.run(context -> assertThat(context.getBeansWithAnnotation(ConfigurationProperties.class)
                        .values())
                .isNotEmpty()
                .allSatisfy(settings -> assertThat(settings).isInstanceOf(TallySettings.class)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tally.results.inline-max-bytes=-1       | must be between 0 and 12582912 (12 MiB)",
                "tally.results.inline-max-bytes=12582913 | must be between 0 and 12582912 (12 MiB)",
                "tally.api.max-body-bytes=0              | must be between 1 and 2147483646",
                "tally.api.rate-limit.per-second=-1      | must be greater than or equal to 0",
                "tally.api.rate-limit.burst=0.5          | must be greater than or equal to 1",
                "tally.api.confirm-timeout-ms=0          | must be greater than or equal to 1",
                "tally.mongodb.write-concern=unacknowledged | must be one of majority, w1, w2, w3, journaled, acknowledged",
                "tally.mongodb.timeout-ms=0              | must be between 1 and 1073741823",
                "tally.mongodb.embedded.port=65536       | must be between 0 and 65535",
                "tally.broker.embedded-port=0            | must be between 1 and 65535",
                "tally.worker.concurrency=0              | must be greater than or equal to 1",
                "tally.redelivery.multiplier=0.5         | must be greater than or equal to 1",
                "tally.fetch.max-redirects=-1            | must be greater than or equal to 0",
                "tally.fetch.allowed-ports=80,0          | must be between 1 and 65535",
                "tally.sweeper.batch=0                   | must be greater than or equal to 1",
                "tally.retention.keep-days=0             | must be between 1 and 36500 (100 years)",
                "tally.shutdown.timeout-seconds=0        | must be greater than or equal to 1",
                "tally.health.deadline-ms=0              | must be greater than or equal to 1",
                "tally.admin.user=                       | must not be blank",
                "tally.queue=                            | must not be blank",
                "tally.queue-type=lazy                   | must be classic or quorum",
                "tally.queue-type=                       | must be classic or quorum",
                "tally.queue-delivery-limit=0            | must be greater than or equal to 1",
                "tally.roles=chef                        | must be web, worker or web,worker",
            })
    void aBadValueStopsStartUpNamingTheSettingAndTheRange(String setting, String allowed) {
        String property = setting.substring(0, setting.indexOf('='));
        tally.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            String failure = messages(context.getStartupFailure());
            assertThat(failure).contains(property).contains(allowed);
        });
    }

    @Test
    void theDefaultDeadLetterLimitMayNotExceedTheMaximum() {
        tally.withPropertyValues("tally.admin.dead-letters.default-limit=101", "tally.admin.dead-letters.max-limit=100")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("tally.admin.dead-letters.default-limit must not be above max-limit"));
    }

    /** The check names the setting; the roles themselves are read by DerivedSettings, which must agree. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "web",
                "worker",
                "web,worker",
                " Worker , WEB ",
                "web,",
                ",worker",
                "web,,worker",
                "web,web",
                "",
                " ",
                ",",
                "chef",
                "web,chef",
                "webworker",
                "web worker",
                "web;worker"
            })
    void theRolesCheckTakesWhatDerivedSettingsTakes(String roles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("tally.roles", roles)));
        boolean derivedTakesIt;
        try {
            new DerivedSettings(environment).getProperty("tally.web.enabled");
            derivedTakesIt = true;
        } catch (IllegalArgumentException refused) {
            derivedTakesIt = false;
        }
        assertThat(roles.matches(DeploymentProperties.ROLES))
                .as("'" + roles + "'")
                .isEqualTo(derivedTakesIt);
    }

    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return String.join("\n", messages);
    }
}
