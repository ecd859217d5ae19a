package dev.tally;

import dev.tally.config.TallySettings;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TallyApplication {

    /**
     * The application class is the first bean made, and taking the settings makes them first: they are bound and
     * checked before the embedded broker or MongoDB starts.
     */
    TallyApplication(List<TallySettings> settings) {
        // nothing to keep: binding them was the point
    }

    public static void main(String[] args) {
        SpringApplication.run(TallyApplication.class, args);
    }
}
