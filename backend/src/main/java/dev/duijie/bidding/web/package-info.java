/** The HTTP edge of bidding: bids, guarantee offers and the risk fund, as the contract shows them. */
@NullMarked
package dev.duijie.bidding.web;

import org.jspecify.annotations.NullMarked;
