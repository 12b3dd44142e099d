/** The HTTP edge of the talent bureau's campaigns, invitations and results. */
@NullMarked
package dev.duijie.campaign.web;

import org.jspecify.annotations.NullMarked;
