/** The HTTP edge of the audit trail, for the regulator. */
@NullMarked
package dev.duijie.audit.web;

import org.jspecify.annotations.NullMarked;
