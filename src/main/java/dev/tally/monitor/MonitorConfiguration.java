package dev.tally.monitor;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MonitorConfiguration {

    /**
     * Added once every bean exists: as a bean of its own, Camel would look the notifier up while creating its context,
     * before the meter registry it needs can be made, and silently leave it out.
     */
    @Bean
    CamelContextConfiguration jobEventsNotifier(JobMetrics metrics) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getManagementStrategy().addEventNotifier(new JobEvents(metrics));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }
}
