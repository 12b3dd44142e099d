package dev.duijie.console.guarantee;

import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.GuaranteeOffer;
import org.jspecify.annotations.Nullable;

/**
 * One of this guarantor's own guarantee offers, with the request it is on.
 *
 * @param offer the offer
 * @param request the request; null when it can no longer be read
 */
public record OfferRow(GuaranteeOffer offer, @Nullable FinancingRequest request) {

    /** Only a submitted offer can be withdrawn (the backend decides; this only hides the button otherwise). */
    public boolean withdrawable() {
        return offer.getStatus() == GuaranteeOffer.StatusEnum.SUBMITTED;
    }
}
