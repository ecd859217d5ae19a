package dev.tally.config;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.BeanProcessorFactory;
import org.apache.camel.spi.CamelContextCustomizer;
import org.apache.camel.support.PluginHelper;
import org.springframework.stereotype.Component;

/**
 * Installs {@link DirectBeanProcessorFactory} and {@link DirectBeanLanguage} before the routes are built, reloaded
 * routes included. Camel looks a language up in the registry, as {@code bean-language}, before its own.
 */
@Component
class DirectBeanSteps implements CamelContextCustomizer {

    @Override
    public void configure(CamelContext camel) {
        BeanProcessorFactory camels = PluginHelper.getBeanProcessorFactory(camel);
        camel.getCamelContextExtension()
                .addContextPlugin(BeanProcessorFactory.class, new DirectBeanProcessorFactory(camels));
        camel.getRegistry().bind("bean-language", new DirectBeanLanguage());
    }
}
