package dev.tally.apidocs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Swagger UI at {@code /docs/}, reading the OpenAPI document Camel generates at {@code /openapi.json}. The page is
 * Tally's own (classpath {@code apidocs/}), not the WebJar's index.html, whose initializer points at the Petstore
 * example; Swagger UI's scripts and styles come from the WebJar under {@code /webjars/swagger-ui/}. The page runs no
 * inline script, so it works under a Content-Security-Policy without 'unsafe-inline' scripts, and sends that policy.
 */
@Configuration
class ApiDocsConfiguration implements WebMvcConfigurer {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/docs", "/docs/");
        registry.addViewController("/docs/").setViewName("forward:/docs/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/docs/**").addResourceLocations("classpath:/apidocs/");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                        return true;
                    }
                })
                .addPathPatterns("/docs", "/docs/**");
    }
}
