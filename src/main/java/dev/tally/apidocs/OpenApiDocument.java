package dev.tally.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.openapi.BeanConfig;
import org.apache.camel.openapi.RestOpenApiReader;
import org.apache.camel.openapi.RestOpenApiSupport;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI 3 document of the rest blocks in api.camel.yaml, rendered by camel-openapi-java's reader for the
 * api-openapi route. Not Camel's own rest-api route: that one echoes the request's headers into the answer, names
 * the server http://0.0.0.0 (so Swagger UI's "Try it out" goes nowhere) and renders once, before a live reload of
 * the routes. Here the server is "/", the origin the document came from, and each request reads the running rests.
 */
@Component("openApiDocument")
public class OpenApiDocument {

    private final CamelContext camel;

    public OpenApiDocument(CamelContext camel) {
        this.camel = camel;
    }

    public byte[] json() throws Exception {
        RestOpenApiSupport support = new RestOpenApiSupport();
        BeanConfig config = new BeanConfig();
        Map<String, Object> properties = camel.getRestConfiguration().getApiProperties();
        support.initOpenApi(config, properties == null ? Map.of() : properties);
        List<RestDefinition> rests = support.getRestDefinitions(camel);
        OpenAPI openApi = new RestOpenApiReader().read(camel, rests, config, camel.getName(), camel.getClassResolver());
        openApi.setServers(List.of(new Server().url("/")));
        return RestOpenApiSupport.getFromOpenAPI(openApi, config, byte[].class, true);
    }
}
