package dev.tally.config;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.bean.MethodInfo;
import org.apache.camel.spi.IdAware;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.MessageHelper;

/**
 * One route step {@code bean: {ref, method}} as a method handle bound once. Its arguments are Camel's own parameter
 * binding for that method ({@link MethodInfo#getParametersExpression()}) and its result replaces the body as Camel's
 * bean step leaves it; what it saves is the method's lookup, the parameter expressions' set-up and the reflective
 * access check on every call (see {@link DirectBeanProcessorFactory}).
 */
final class DirectBeanCall implements Processor, IdAware {

    private static final Object[] NO_ARGUMENTS = {};

    private final MethodHandle target;
    private final Expression arguments;
    private final boolean returnsNothing;
    private final String description;
    private String id;

    private DirectBeanCall(MethodHandle target, Expression arguments, boolean returnsNothing, String description) {
        this.target = target;
        this.arguments = arguments;
        this.returnsNothing = returnsNothing;
        this.description = description;
    }

    /** Throws IllegalAccessException for a method of a class that is not public. */
    static DirectBeanCall of(CamelContext camel, Object bean, MethodInfo info) throws IllegalAccessException {
        Method method = info.getMethod();
        MethodHandle handle = MethodHandles.publicLookup().unreflect(method);
        if (!Modifier.isStatic(method.getModifiers())) {
            handle = handle.bindTo(bean);
        }
        Expression arguments = null;
        if (info.hasParameters()) {
            arguments = info.getParametersExpression();
            arguments.init(camel);
        }
        handle = handle.asSpreader(Object[].class, method.getParameterCount());
        return new DirectBeanCall(
                handle,
                arguments,
                info.isReturnTypeVoid(),
                "bean " + bean.getClass().getSimpleName() + "." + method.getName());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Object result = call(exchange);
        if (!returnsNothing) {
            setBody(exchange, result);
        }
    }

    /** The method's result for this exchange; what the method throws, as it threw it. */
    @SuppressWarnings("PMD.AvoidCatchingThrowable") // a method handle declares Throwable; only the unchecked rest
    Object call(Exchange exchange) throws Exception {
        MessageHelper.resetStreamCache(exchange.getIn());
        Object[] values = arguments == null ? NO_ARGUMENTS : arguments.evaluate(exchange, Object[].class);
        try {
            return target.invoke(values);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(description + " threw " + e, e);
        }
    }

    /** As Camel's bean step: a specialised message (an HTTP request's) gives way to a plain copy with the result. */
    private static void setBody(Exchange exchange, Object result) {
        Message in = exchange.getIn();
        if (in.getClass() == DefaultMessage.class) {
            in.setBody(result);
            return;
        }
        Message copy = new DefaultMessage(exchange.getContext());
        copy.copyFromWithNewBody(in, result);
        ExchangeHelper.replaceMessage(exchange, copy, false);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void setId(String id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return description;
    }
}
