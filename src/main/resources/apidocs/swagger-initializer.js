// Swagger UI on Tally's OpenAPI document (generated from the REST DSL of api.camel.yaml). Relative URL: the page
// is /docs/, so this is /openapi.json, and it stays right behind a proxy that mounts Tally under a prefix.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "../openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "BaseLayout",
  });
});
