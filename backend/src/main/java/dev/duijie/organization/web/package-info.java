/** The HTTP edge of organizations: registration, verification, one's own. */
@NullMarked
package dev.duijie.organization.web;

import org.jspecify.annotations.NullMarked;
