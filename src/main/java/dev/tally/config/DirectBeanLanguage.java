package dev.tally.config;

import org.apache.camel.BeanScope;
import org.apache.camel.Expression;
import org.apache.camel.component.bean.MethodInfo;
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
        if (!(camels instanceof BeanExpression bean)
                || bean.getBean() != null
                || bean.getType() != null
                || bean.getBeanName() == null
                || bean.getScope() != BeanScope.Singleton) {
            return camels;
        }
        Object target = getCamelContext().getRegistry().lookupByName(bean.getBeanName());
        MethodInfo info = target == null
                ? null
                : DirectBeanMethod.onlyValueMethodNamed(getCamelContext(), target, bean.getMethod());
        if (info == null) {
            return camels;
        }
        try {
            return new DirectBeanExpression(DirectBeanCall.of(getCamelContext(), target, info), bean.getResultType());
        } catch (IllegalAccessException notPublic) {
            return camels;
        }
    }
}
