package dev.tally.security;

import org.jolokia.support.spring.actuator.JolokiaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Jolokia at {@code /actuator/jolokia} reads but does not write or operate, unless {@code tally.jolokia.write-enabled}
 * (TALLY_JOLOKIA_WRITE_ENABLED=true) lets the admin change attributes and invoke any operation, e.g. stop a route.
 * Sets the restrictor on Jolokia's settings before its endpoint is made from them.
 */
@Component
class JolokiaAccess implements BeanPostProcessor {

    static final String RESTRICTOR_CLASS = "restrictorClass";

    // looked up when Jolokia's settings arrive: a bean a post-processor takes in its constructor is made before
    // the other post-processors exist
    private final ObjectProvider<JolokiaAccessProperties> properties;

    JolokiaAccess(ObjectProvider<JolokiaAccessProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JolokiaProperties jolokia && !properties.getObject().writeEnabled()) {
            jolokia.getConfig().put(RESTRICTOR_CLASS, JolokiaReadOnly.class.getName());
        }
        return bean;
    }
}
