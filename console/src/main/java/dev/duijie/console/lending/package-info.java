/** The bank's screens: its inbox of matching requests, the open market, bidding with the risk-split calculator, its bids and its loan products. */
@NullMarked
package dev.duijie.console.lending;

import org.jspecify.annotations.NullMarked;
