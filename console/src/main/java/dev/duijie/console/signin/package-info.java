/** Signing in through Keycloak: the session holds the person's tokens, the browser only a cookie. */
@NullMarked
package dev.duijie.console.signin;

import org.jspecify.annotations.NullMarked;
