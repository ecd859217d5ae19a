package dev.tally.config;

import org.apache.camel.BeanScope;
import org.apache.camel.Expression;
import org.apache.camel.language.bean.BeanExpression;
import org.apache.camel.language.bean.BeanLanguage;

/**
 * Camel's bean language, but a {@code method: {ref, method}} expression naming a registry bean and a method alone
 * is a {@link DirectBeanExpression} when the method takes nothing but the body and returns a value. The rest, and
 * every check and error of Camel's, is Camel's: its expression is built first. Found by Camel under the registry
 * name {@code bean-language} ({@link DirectBeanSteps}).
 */
class DirectBeanLanguage extends BeanLanguage {

    @Override
    public Expression createExpression(String expression, Object[] properties) {
        Expression camels = super.createExpression(expression, properties);
        // a bean given as an instance or a type has no registry name, and registryCall leaves it to Camel
        if (!(camels instanceof BeanExpression bean) || bean.getScope() != BeanScope.Singleton) {
            return camels;
        }
        DirectBeanCall call = DirectBeanMethod.registryCall(
                getCamelContext(), bean.getBeanName(), bean.getMethod(), DirectBeanMethod::onlyValueMethodNamed);
        return call == null ? camels : new DirectBeanExpression(call, bean.getResultType());
    }
}
