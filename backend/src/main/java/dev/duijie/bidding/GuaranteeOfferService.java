package dev.duijie.bidding;

import dev.duijie.audit.AuditTrail;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestClosed;
import dev.duijie.financing.FinancingRequestService;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.organization.Organization;
import dev.duijie.organization.OrganizationService;
import dev.duijie.organization.OrganizationType;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Fingerprint;
import dev.duijie.shared.IdempotencyKeys;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A guarantor's own bid on a request that wants a guarantee: which of its products, the coverage and the
 * fee it offers, until when. Sealed: only the requesting enterprise and the guarantor see it. The enterprise
 * accepts at most one per request (the others are declined); banks' bids with that guarantor and product,
 * made before or after, have the guarantee confirmed on the offer's terms (see {@link BiddingService}). Offers still open when the
 * request closes are declined.
 */
@Service
public class GuaranteeOfferService {

    private final GuaranteeOffers offers;
    private final BiddingService bidding;
    private final FinancingRequestService requests;
    private final OrganizationService organizations;
    private final GuaranteeProductCheck guaranteeProductCheck;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final Clock clock;

    GuaranteeOfferService(
            GuaranteeOffers offers,
            BiddingService bidding,
            FinancingRequestService requests,
            OrganizationService organizations,
            GuaranteeProductCheck guaranteeProductCheck,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            Clock clock) {
        this.offers = offers;
        this.bidding = bidding;
        this.requests = requests;
        this.organizations = organizations;
        this.guaranteeProductCheck = guaranteeProductCheck;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A verified guarantor offers to guarantee an open request that wants a guarantee. */
    @Transactional
    public GuaranteeOffer submit(
            Caller caller, UUID requestId, GuaranteeOffer.Terms terms, @Nullable String idempotencyKey) {
        caller.requireAnyRole(Role.GUARANTOR);
        Organization guarantor = organizations.requireVerified(caller, OrganizationType.GUARANTOR);
        FinancingRequest request = requests.openToLenders(requestId);
        if (!request.content().guaranteeWanted()) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.guarantee-not-wanted");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        var earlier = idempotencyKeys.claim(
                caller, "submit-guarantee-offer:" + requestId, idempotencyKey, Fingerprint.of(terms), id);
        if (earlier.isPresent()) {
            return offers.find(earlier.get()).orElseThrow();
        }
        checkTerms(terms, request, guarantor, now);
        try {
            offers.insert(id, requestId, guarantor.id(), terms, now, caller.subject());
        } catch (DuplicateKeyException alreadyLive) {
            throw new DomainProblem(ProblemType.DUPLICATE, "problem.detail.guarantee-offer-already-live");
        }
        return changed(caller, "submitted", null, id);
    }

    /** Every offer on the caller's own request (the enterprise), or the caller's own on it (a guarantor). */
    public Page<GuaranteeOffer> onRequest(Caller caller, UUID requestId, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.ENTERPRISE, Role.GUARANTOR);
        UUID guarantor = null;
        if (caller.has(Role.ENTERPRISE)) {
            if (!requests.ownerOf(requestId).map(caller::belongsTo).orElse(false)) {
                throw new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.financing-request-not-found");
            }
        } else {
            guarantor = caller.organizationId();
            if (guarantor == null) {
                return Page.of(List.of(), limit, GuaranteeOfferService::cursor);
            }
        }
        return Page.of(
                offers.newestFirst(requestId, guarantor, PageCursor.decode(cursor), limit + 1),
                limit,
                GuaranteeOfferService::cursor);
    }

    /** The calling guarantor's own offers on every request. */
    public Page<GuaranteeOffer> mine(Caller caller, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.GUARANTOR);
        if (caller.organizationId() == null) {
            return Page.of(List.of(), limit, GuaranteeOfferService::cursor);
        }
        return Page.of(
                offers.newestFirst(null, caller.organizationId(), PageCursor.decode(cursor), limit + 1),
                limit,
                GuaranteeOfferService::cursor);
    }

    public GuaranteeOffer get(Caller caller, UUID offerId) {
        return offers.find(offerId)
                .filter(offer -> visibleTo(caller, offer))
                .orElseThrow(GuaranteeOfferService::notFound);
    }

    /** The guarantor takes back an offer not yet accepted. */
    @Transactional
    public GuaranteeOffer withdraw(Caller caller, UUID offerId) {
        caller.requireAnyRole(Role.GUARANTOR);
        GuaranteeOffer offer = offers.lock(offerId)
                .filter(o -> caller.belongsTo(o.guarantorOrganizationId()))
                .orElseThrow(GuaranteeOfferService::notFound);
        if (!offers.settle(offerId, GuaranteeOffer.Status.WITHDRAWN, clock.instant())) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.guarantee-offer-not-submitted");
        }
        return changed(caller, "withdrawn", offer, offerId);
    }

    /**
     * The requesting enterprise accepts one offer for its open request; every other open offer on it is
     * declined in the same transaction. The request row is locked first, as for a bid's award.
     */
    @Transactional
    public GuaranteeOffer accept(Caller caller, UUID offerId) {
        caller.requireAnyRole(Role.ENTERPRISE);
        GuaranteeOffer seen =
                offers.find(offerId).filter(o -> ownsRequestOf(caller, o)).orElseThrow(GuaranteeOfferService::notFound);
        requests.lockForAward(caller, seen.financingRequestId());
        GuaranteeOffer offer = offers.lock(offerId).orElseThrow();
        Instant now = clock.instant();
        if (offer.status() != GuaranteeOffer.Status.SUBMITTED) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.guarantee-offer-not-submitted");
        }
        if (!offer.validUntil().isAfter(now)) {
            throw new DomainProblem(ProblemType.BID_NOT_ELIGIBLE, "problem.detail.bid-not-eligible", "offer_expired");
        }
        if (!organizations.isVerified(offer.guarantorOrganizationId(), OrganizationType.GUARANTOR)) {
            throw new DomainProblem(
                    ProblemType.BID_NOT_ELIGIBLE, "problem.detail.bid-not-eligible", "bidder_not_verified");
        }
        offers.settle(offerId, GuaranteeOffer.Status.ACCEPTED, now);
        GuaranteeOffer accepted = changed(caller, "accepted", offer, offerId);
        declineOpenOffers(caller, offer.financingRequestId(), now);
        bidding.bindToAcceptedGuarantee(caller, accepted, now);
        return accepted;
    }

    /** A request closed: its offers still open are declined, in the same transaction. */
    @EventListener
    void requestClosed(FinancingRequestClosed closed) {
        declineOpenOffers(closed.closedBy(), closed.requestId(), clock.instant());
    }

    private void declineOpenOffers(Caller caller, UUID requestId, Instant now) {
        for (UUID id : offers.submittedOn(requestId)) {
            GuaranteeOffer before = offers.find(id).orElseThrow();
            // the audit trail records only a decline that happened
            if (offers.settle(id, GuaranteeOffer.Status.DECLINED, now)) {
                changed(caller, "declined", before, id);
            }
        }
    }

    private void checkTerms(GuaranteeOffer.Terms terms, FinancingRequest request, Organization guarantor, Instant now) {
        GuaranteeProduct product = guaranteeProductCheck.fitting(
                guarantor.id(),
                terms.guaranteeProductId(),
                request,
                request.content().amountFen(),
                "guaranteeProductId",
                "guaranteeProductId");
        BidRules.checkGuaranteeOffer(terms, product.terms(), request.organizationTier(), now);
    }

    private boolean visibleTo(Caller caller, GuaranteeOffer offer) {
        return caller.belongsTo(offer.guarantorOrganizationId()) || ownsRequestOf(caller, offer);
    }

    private boolean ownsRequestOf(Caller caller, GuaranteeOffer offer) {
        return caller.has(Role.ENTERPRISE)
                && requests.ownerOf(offer.financingRequestId())
                        .map(caller::belongsTo)
                        .orElse(false);
    }

    private GuaranteeOffer changed(Caller caller, String action, @Nullable GuaranteeOffer before, UUID id) {
        GuaranteeOffer after = offers.find(id).orElseThrow();
        audit.record(caller, "guarantee-offer." + action, "guarantee-offer", id, before, after);
        return after;
    }

    private static PageCursor cursor(GuaranteeOffer offer) {
        return new PageCursor(offer.createdAt(), offer.id());
    }

    private static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.guarantee-offer-not-found");
    }
}
