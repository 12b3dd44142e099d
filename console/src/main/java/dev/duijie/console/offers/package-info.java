/**
 * What the guarantor's and the investor's screens share: number input, reference-data names, match reasons, form
 * problems, and the plumbing of the pages where each keeps its own offers ({@link OwnOffers}).
 */
@NullMarked
package dev.duijie.console.offers;

import org.jspecify.annotations.NullMarked;
