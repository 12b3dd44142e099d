// The API reference page: renders the contract with the vendored Swagger UI (no inline script: the
// Content-Security-Policy forbids it). Read-only: no "Try it out" (the API is on another origin and wants a token).
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-spec"),
    domNode: root,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: false,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    supportedSubmitMethods: [],
    tryItOutEnabled: false,
    validatorUrl: null,
    syntaxHighlight: false
  });
});
