package dev.duijie.console.reference;

import dev.duijie.console.ConsoleSettings;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 接口文档: the backend's contract (api-spec/openapi.yaml, copied into the console at build time and served at
 * {@code /assets/api-reference/openapi.yaml}) rendered by the vendored Swagger UI, read-only, with how a bank's own system
 * gets a machine token. Open without signing in: a bank's IT team may have no account here.
 */
@Controller
class ApiReferenceController {

    private final URI issuer;
    private final URI backendUrl;
    private final boolean demo;

    ApiReferenceController(
            @Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") URI issuer,
            ConsoleSettings settings,
            Environment environment) {
        this.issuer = issuer;
        this.backendUrl = settings.backendUrl();
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/api-reference")
    String reference(Model model) {
        String tokenEndpoint = issuer.toString().replaceAll("/+$", "") + "/protocol/openid-connect/token";
        String api = backendUrl.toString().replaceAll("/+$", "");
        model.addAttribute("tokenEndpoint", tokenEndpoint);
        model.addAttribute("backendUrl", api);
        model.addAttribute("demo", demo);
        // the README's recipe (section on machine clients), with this installation's addresses
        model.addAttribute(
                "tokenCommand",
                "TOKEN=$(curl -fsS \\\n"
                        + "  -d grant_type=client_credentials \\\n"
                        + "  -d client_id=" + (demo ? "bank-a-system" : "<client-id>") + " \\\n"
                        + "  -d client_secret=" + (demo ? "bank-a-system-demo-secret" : "<client-secret>") + " \\\n"
                        + "  " + tokenEndpoint + " \\\n"
                        + "  | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        model.addAttribute(
                "callCommand", "curl -H \"Authorization: Bearer $TOKEN\" '" + api + "/loan-products?mine=true'");
        return "reference/api-reference";
    }
}
