package dev.duijie.console.signin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a {@link Person} at sign-in: the ID token says who signed in; the realm roles and organization are read
 * from the access token, because that is what the backend decides by. The access token came straight from
 * Keycloak's token endpoint over the back channel (not through the browser), so its payload is read as is; the
 * backend checks its signature on every call.
 */
class PersonLoader implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidcUsers = new OidcUserService();
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = oidcUsers.loadUser(request);
        JsonNode claims = payload(request.getAccessToken().getTokenValue());
        List<String> roles = marketplaceRoles(claims);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return new Person(authorities, user.getIdToken(), user.getUserInfo(), roles, organization(claims));
    }

    private JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return json.createObjectNode();
        }
        return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    static List<String> marketplaceRoles(JsonNode claims) {
        Set<String> held = new LinkedHashSet<>();
        claims.path("realm_access").path("roles").forEach(role -> held.add(role.asString()));
        List<String> roles = new ArrayList<>();
        for (String role : Person.ROLES) {
            if (held.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    static @Nullable UUID organization(JsonNode claims) {
        JsonNode organization = claims.path("organization");
        if (!organization.isString()) {
            return null;
        }
        try {
            return UUID.fromString(organization.asString());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
