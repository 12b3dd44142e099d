/** Organizations on the marketplace: registered and verified by the regulator; only verified ones publish or bid. */
@NullMarked
package dev.duijie.organization;

import org.jspecify.annotations.NullMarked;
