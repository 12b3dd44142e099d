/** What every feature shares: the caller, problems, pagination cursors, versions and idempotency keys. */
@NullMarked
package dev.duijie.shared;

import org.jspecify.annotations.NullMarked;
