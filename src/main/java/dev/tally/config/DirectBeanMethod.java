package dev.tally.config;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.component.bean.BeanInfo;
import org.apache.camel.component.bean.MethodInfo;
import org.apache.camel.util.ObjectHelper;

/** Which bean methods the direct bean steps and expressions call themselves, Camel's choice being certain. */
final class DirectBeanMethod {

    /** Which of a bean's methods, if any, is called directly: {@link #onlyMethodNamed} or {@link #onlyValueMethodNamed}. */
    interface Choice {
        MethodInfo of(CamelContext camel, Object bean, String name);
    }

    private DirectBeanMethod() {}

    /** The direct call of registry bean {@code ref}'s method, as {@code choice} allows; null where Camel's stays. */
    static DirectBeanCall registryCall(CamelContext camel, String ref, String name, Choice choice) {
        Object bean = ObjectHelper.isEmpty(ref) ? null : camel.getRegistry().lookupByName(ref);
        MethodInfo info = bean == null ? null : choice.of(camel, bean, name);
        if (info == null) {
            return null;
        }
        try {
            return DirectBeanCall.of(camel, bean, info);
        } catch (IllegalAccessException notPublic) {
            // Camel's makes it accessible on every call
            return null;
        }
    }

    /**
     * The only public method of that name, named alone (no written-out arguments), with a plain result and no
     * annotation of Camel's routing; null for every other case, which stays Camel's.
     */
    static MethodInfo onlyMethodNamed(CamelContext camel, Object bean, String name) {
        if (name == null || !name.matches("[A-Za-z_$][\\w$]*") || name.equals("getClass") || name.equals("class")) {
            return null;
        }
        List<MethodInfo> named = new BeanInfo(camel, bean.getClass())
                .getMethods().stream()
                        .filter(info -> info.getMethod().getName().equals(name))
                        .toList();
        if (named.size() != 1) {
            return null;
        }
        Method method = named.get(0).getMethod();
        Class<?> result = method.getReturnType();
        boolean plain = !Callable.class.isAssignableFrom(result)
                && !CompletionStage.class.isAssignableFrom(result)
                && !Future.class.isAssignableFrom(result)
                && !method.isVarArgs()
                // @RecipientList, @RoutingSlip, @DynamicRouter, @InOnly and the like route or change the exchange
                && Arrays.stream(method.getAnnotations()).noneMatch(DirectBeanMethod::isCamels);
        return plain ? named.get(0) : null;
    }

    /**
     * For an expression, also: a result, and parameters bound from the body alone. Camel evaluates a bean
     * expression on a copy of the exchange without its exception, so a method given the exchange, its message,
     * its exception or an annotated part of it would see another exchange there than here.
     */
    static MethodInfo onlyValueMethodNamed(CamelContext camel, Object bean, String name) {
        MethodInfo info = onlyMethodNamed(camel, bean, name);
        if (info == null || info.isReturnTypeVoid()) {
            return null;
        }
        Method method = info.getMethod();
        boolean bodyOnly = Arrays.stream(method.getParameterTypes())
                        .noneMatch(type -> isCamels(type) || Throwable.class.isAssignableFrom(type))
                && Arrays.stream(method.getParameterAnnotations())
                        .flatMap(Arrays::stream)
                        .noneMatch(DirectBeanMethod::isCamels);
        return bodyOnly ? info : null;
    }

    private static boolean isCamels(java.lang.annotation.Annotation annotation) {
        return isCamels(annotation.annotationType());
    }

    private static boolean isCamels(Class<?> type) {
        return type.getPackageName().startsWith("org.apache.camel");
    }
}
