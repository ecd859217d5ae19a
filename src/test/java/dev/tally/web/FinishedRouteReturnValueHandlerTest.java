package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

class FinishedRouteReturnValueHandlerTest {

    private final RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
    private final List<Object> handedToAsync = new ArrayList<>();
    private MethodParameter serviceReturn;

    @BeforeEach
    void installOverSpringsHandlers() throws NoSuchMethodException {
        adapter.setApplicationContext(new StaticWebApplicationContext());
        adapter.afterPropertiesSet();
        serviceReturn = new MethodParameter(
                SpringBootPlatformHttpConsumer.class.getMethod(
                        "service",
                        jakarta.servlet.http.HttpServletRequest.class,
                        jakarta.servlet.http.HttpServletResponse.class),
                -1);
        // stands in for Spring's DeferredResult handler, to see what reaches it
        List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
        handlers.add(0, new RecordingAsyncHandler());
        adapter.setReturnValueHandlers(handlers);
        FinishedRouteReturnValueHandler.installFirst(adapter);
    }

    @Test
    void takesTheRouteHandlersFutureBeforeSpringDoes() {
        HandlerMethodReturnValueHandler first = adapter.getReturnValueHandlers().get(0);

        assertThat(first).isInstanceOf(FinishedRouteReturnValueHandler.class);
        assertThat(first.supportsReturnType(serviceReturn)).isTrue();
    }

    @Test
    void endsTheRequestWithoutAsyncDispatchWhenTheRouteHasAnswered() throws Exception {
        ModelAndViewContainer container = new ModelAndViewContainer();

        handle(CompletableFuture.completedFuture(null), container);

        assertThat(container.isRequestHandled()).isTrue();
        assertThat(handedToAsync).isEmpty();
    }

    @Test
    void leavesAFutureStillRunningToSpringsAsyncHandling() throws Exception {
        ModelAndViewContainer container = new ModelAndViewContainer();
        CompletableFuture<Void> running = new CompletableFuture<>();

        handle(running, container);

        assertThat(container.isRequestHandled()).isFalse();
        assertThat(handedToAsync).containsExactly(running);
    }

    private void handle(CompletableFuture<Void> future, ModelAndViewContainer container) throws Exception {
        NativeWebRequest request = new ServletWebRequest(new MockHttpServletRequest(), new MockHttpServletResponse());
        adapter.getReturnValueHandlers().get(0).handleReturnValue(future, serviceReturn, container, request);
    }

    private final class RecordingAsyncHandler implements HandlerMethodReturnValueHandler {
        @Override
        public boolean supportsReturnType(MethodParameter returnType) {
            return CompletableFuture.class.isAssignableFrom(returnType.getParameterType());
        }

        @Override
        public void handleReturnValue(
                Object returnValue,
                MethodParameter returnType,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest) {
            handedToAsync.add(returnValue);
        }
    }
}
