/** The enterprise's screens: its home, its financing requests (draft, publish, withdraw), matches, bids and offers. */
@NullMarked
package dev.duijie.console.financing;

import org.jspecify.annotations.NullMarked;
