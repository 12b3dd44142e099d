/** The guarantee company's screens: bids naming it, its inbox, its own guarantee offers and its products. */
@NullMarked
package dev.duijie.console.guarantee;

import org.jspecify.annotations.NullMarked;
