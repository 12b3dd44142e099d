/**
 * Sealed bids on financing requests: a verified bank offers terms and a risk split with an optional
 * guarantor and the government risk-compensation fund; the requesting enterprise compares and accepts one.
 * A bid is visible only to the requesting enterprise and the organizations on it.
 */
@NullMarked
package dev.duijie.bidding;

import org.jspecify.annotations.NullMarked;
