package dev.tally.config;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.BeanProcessorFactory;
import org.apache.camel.spi.CamelContextCustomizer;
import org.apache.camel.support.PluginHelper;
import org.springframework.stereotype.Component;

/** Installs {@link DirectBeanProcessorFactory} before the routes are built, reloaded routes included. */
@Component
class DirectBeanSteps implements CamelContextCustomizer {

    @Override
    public void configure(CamelContext camel) {
        BeanProcessorFactory camels = PluginHelper.getBeanProcessorFactory(camel);
        camel.getCamelContextExtension()
                .addContextPlugin(BeanProcessorFactory.class, new DirectBeanProcessorFactory(camels));
    }
}
