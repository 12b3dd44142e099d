/** The domain kernel every feature shares: the caller and roles, domain problems, pages and cursors, versions and idempotency keys, the sentences they are told in. */
@NullMarked
package dev.duijie.shared;

import org.jspecify.annotations.NullMarked;
