package dev.duijie.console.offers;

import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.RequestMatch;
import java.util.List;

/**
 * An open request that fits one of this organization's products, with why.
 *
 * @param request the request
 * @param productName the product it fits
 * @param score the backend's score
 * @param reasons the backend's reasons with their shares
 */
public record Match(FinancingRequest request, String productName, double score, List<Reason> reasons) {

    public static Match of(RequestMatch match, String productName) {
        return new Match(match.getFinancingRequest(), productName, match.getScore(), Reason.of(match.getWhy()));
    }
}
