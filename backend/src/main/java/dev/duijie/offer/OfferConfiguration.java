package dev.duijie.offer;

import dev.duijie.audit.AuditTrail;
import dev.duijie.organization.OrganizationService;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.SearchOutbox;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.IdempotencyKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One {@link OfferService} per kind of offer, each with the checks its terms need. */
@Configuration(proxyBeanMethods = false)
class OfferConfiguration {

    @Bean
    OfferService<LoanProduct, LoanTerms> loanProductService(
            LoanProducts store,
            LoanProductDocuments documents,
            SearchOutbox outbox,
            ReferenceData referenceData,
            OrganizationService organizations,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        return new OfferService<>(
                store,
                documents,
                outbox,
                terms -> {
                    requireOrdered("amountMinFen", terms.amountMinFen(), terms.amountMaxFen());
                    requireOrdered("termMinMonths", terms.termMinMonths(), terms.termMaxMonths());
                    requireOrdered("rateMinBp", terms.rateMinBp(), terms.rateMaxBp());
                    referenceData.requireIndustries("industries", terms.industries());
                    referenceData.requireRegions("regions", terms.regions());
                },
                organizations,
                idempotencyKeys,
                audit,
                jdbc,
                clock);
    }

    @Bean
    OfferService<GuaranteeProduct, GuaranteeTerms> guaranteeProductService(
            GuaranteeProducts store,
            GuaranteeProductDocuments documents,
            ReferenceData referenceData,
            OrganizationService organizations,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock,
            SearchOutbox outbox) {
        return new OfferService<>(
                store,
                documents,
                outbox,
                terms -> referenceData.requireIndustries("industries", terms.industries()),
                organizations,
                idempotencyKeys,
                audit,
                jdbc,
                clock);
    }

    @Bean
    OfferService<InvestmentOffer, InvestmentTerms> investmentOfferService(
            InvestmentOffers store,
            InvestmentOfferDocuments documents,
            ReferenceData referenceData,
            OrganizationService organizations,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock,
            SearchOutbox outbox) {
        return new OfferService<>(
                store,
                documents,
                outbox,
                terms -> {
                    requireOrdered("ticketMinFen", terms.ticketMinFen(), terms.ticketMaxFen());
                    referenceData.requireIndustries("industries", terms.industries());
                },
                organizations,
                idempotencyKeys,
                audit,
                jdbc,
                clock);
    }

    /** A range's minimum must not exceed its maximum: a 400 naming the minimum. */
    private static void requireOrdered(String minField, long min, long max) {
        if (min > max) {
            throw DomainProblem.invalidField(minField, "field.range.min-above-max");
        }
    }
}
