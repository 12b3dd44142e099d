/** What the guarantor's and the investor's screens share: number input, reference-data names and match reasons. */
@NullMarked
package dev.duijie.console.offers;

import org.jspecify.annotations.NullMarked;
