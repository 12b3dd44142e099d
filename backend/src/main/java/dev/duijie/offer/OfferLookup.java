package dev.duijie.offer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What other features read of the offers, without the caller checks of {@link OfferService}: bidding checks a
 * bid's products, matching reads back what the index found. Reads only; every change goes through the
 * services, and the tables stay this package's.
 */
@Component
public class OfferLookup {

    private final LoanProducts loanProducts;
    private final GuaranteeProducts guaranteeProducts;
    private final InvestmentOffers investmentOffers;

    OfferLookup(LoanProducts loanProducts, GuaranteeProducts guaranteeProducts, InvestmentOffers investmentOffers) {
        this.loanProducts = loanProducts;
        this.guaranteeProducts = guaranteeProducts;
        this.investmentOffers = investmentOffers;
    }

    public Optional<LoanProduct> loanProduct(UUID id) {
        return loanProducts.find(id);
    }

    public List<LoanProduct> loanProducts(Collection<UUID> ids) {
        return loanProducts.findAll(ids);
    }

    public List<LoanProduct> activeLoanProducts() {
        return loanProducts.active();
    }

    /** See {@link LoanProducts#activeOfVerifiedBanksAdmitting}. */
    public List<LoanProduct> activeLoanProductsOfVerifiedBanksAdmitting(
            long amountFen, int termMonths, int maxAnnualRateBp) {
        return loanProducts.activeOfVerifiedBanksAdmitting(amountFen, termMonths, maxAnnualRateBp);
    }

    public Optional<GuaranteeProduct> guaranteeProduct(UUID id) {
        return guaranteeProducts.find(id);
    }

    public List<GuaranteeProduct> guaranteeProducts(Collection<UUID> ids) {
        return guaranteeProducts.findAll(ids);
    }

    public List<GuaranteeProduct> activeGuaranteeProducts() {
        return guaranteeProducts.active();
    }

    public Optional<InvestmentOffer> investmentOffer(UUID id) {
        return investmentOffers.find(id);
    }

    public List<InvestmentOffer> investmentOffers(Collection<UUID> ids) {
        return investmentOffers.findAll(ids);
    }

    public List<InvestmentOffer> activeInvestmentOffers() {
        return investmentOffers.active();
    }
}
