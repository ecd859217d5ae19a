package dev.tally.config;

import java.lang.reflect.Method;
import org.apache.camel.BeanScope;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.spi.BeanProcessorFactory;

/**
 * Bean steps without Camel's per-call method choice. Camel's bean step looks its method up, sets up the parameter
 * expressions and checks reflective access on every call: 15 % of the API's worker threads' CPU, 7 % of a web JVM's
 * per POST (bench/limits.md, "Session 16"). A step naming a registry bean by {@code ref} and one of its methods by
 * name alone, the only public method of that name in a public class, whose result is a plain value, becomes a
 * {@link DirectBeanCall}; every other step (arguments written out as {@code method(${...})}, a bean by type, a
 * request scope, overloads, asynchronous results) stays Camel's.
 */
final class DirectBeanProcessorFactory implements BeanProcessorFactory {

    private final BeanProcessorFactory camels;

    DirectBeanProcessorFactory(BeanProcessorFactory camels) {
        this.camels = camels;
    }

    @Override
    public Processor createBeanProcessor(CamelContext camel, Object bean, Method method) throws Exception {
        return camels.createBeanProcessor(camel, bean, method);
    }

    @Override
    public Processor createBeanProcessor(
            CamelContext camel,
            Object bean,
            String beanType,
            Class<?> beanClass,
            String ref,
            String method,
            BeanScope scope)
            throws Exception {
        DirectBeanCall call = bean == null && scope == BeanScope.Singleton
                ? DirectBeanMethod.registryCall(camel, ref, method, DirectBeanMethod::onlyMethodNamed)
                : null;
        if (call != null) {
            return call;
        }
        return camels.createBeanProcessor(camel, bean, beanType, beanClass, ref, method, scope);
    }
}
