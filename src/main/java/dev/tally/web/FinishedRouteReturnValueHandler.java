package dev.tally.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Ends an API request on the dispatch that ran its route. Camel's platform-http handler returns a
 * CompletableFuture, and Spring MVC answers any future with an async dispatch: a second pass through Tomcat,
 * every servlet filter and the DispatcherServlet, 15 % of a POST's CPU in the web tier (bench/limits.md).
 * {@link InlinePlatformHttpEngine} runs the route on the request's thread, so the future is already complete
 * and its response written when the handler returns. A future still running (another engine) goes the async
 * way as before.
 */
final class FinishedRouteReturnValueHandler implements HandlerMethodReturnValueHandler {

    private final HandlerMethodReturnValueHandler asyncHandler;

    private FinishedRouteReturnValueHandler(HandlerMethodReturnValueHandler asyncHandler) {
        this.asyncHandler = asyncHandler;
    }

    /** Puts this handler before Spring's own, which would otherwise claim every CompletableFuture first. */
    static void installFirst(RequestMappingHandlerAdapter adapter) {
        List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
        MethodParameter futureReturn = routeHandlerReturnType();
        HandlerMethodReturnValueHandler asyncHandler = handlers.stream()
                .filter(handler -> handler.supportsReturnType(futureReturn))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Spring MVC has no handler for CompletableFuture"));
        handlers.add(0, new FinishedRouteReturnValueHandler(asyncHandler));
        adapter.setReturnValueHandlers(handlers);
    }

    private static MethodParameter routeHandlerReturnType() {
        try {
            return new MethodParameter(
                    SpringBootPlatformHttpConsumer.class.getMethod(
                            "service",
                            jakarta.servlet.http.HttpServletRequest.class,
                            jakarta.servlet.http.HttpServletResponse.class),
                    -1);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Camel's platform-http consumer changed its handler method", e);
        }
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return SpringBootPlatformHttpConsumer.class.isAssignableFrom(returnType.getContainingClass())
                && CompletableFuture.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(
            Object returnValue,
            MethodParameter returnType,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest)
            throws Exception {
        if (returnValue instanceof CompletableFuture<?> future && future.isDone()) {
            // the consumer answers its own failures (a 500) and always completes the future normally
            future.join();
            mavContainer.setRequestHandled(true);
            return;
        }
        asyncHandler.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
    }
}
