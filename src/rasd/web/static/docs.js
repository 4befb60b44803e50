// Starts Swagger UI on /docs (a file, not an inline script, so the page's CSP can forbid inline scripts).
"use strict";
window.addEventListener("load", function () {
  const node = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: node.dataset.openapiUrl, dom_id: "#swagger-ui", deepLinking: true, layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis],
  });
});
