/** The API as an OAuth2 resource server trusting Keycloak: token checks, roles, the caller. */
@NullMarked
package dev.duijie.security;

import org.jspecify.annotations.NullMarked;
