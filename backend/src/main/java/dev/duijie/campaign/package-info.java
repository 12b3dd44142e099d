/**
 * The talent bureau's hometown-recruitment campaigns (乡情引才): curated open needs, invitations of talents
 * whose hometown is targeted or who are willing to return, and results frozen when a campaign closes.
 */
@NullMarked
package dev.duijie.campaign;

import org.jspecify.annotations.NullMarked;
