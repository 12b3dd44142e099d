package dev.duijie.financing;

import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import java.time.Duration;
import java.time.Instant;

/**
 * The financing request's lifecycle on plain values: draft → open (for a bidding period of one hour to 90
 * days) → awarded, withdrawn or expired. Only a draft is edited or published; a draft or an open request is
 * withdrawn; only an open request before its deadline is awarded. Each refusal is the problem the API answers.
 */
final class FinancingRequestRules {

    static final Duration SHORTEST_BIDDING = Duration.ofHours(1);
    static final Duration LONGEST_BIDDING = Duration.ofDays(90);

    private FinancingRequestRules() {}

    /** What an enterprise may write: "none" as collateral stands alone. */
    static void checkContent(RequestContent content) {
        if (content.collateralOffered().contains("none")
                && content.collateralOffered().size() > 1) {
            throw DomainProblem.invalidField("collateralOffered", "field.collateral.none-with-others");
        }
    }

    static void requireEditable(FinancingRequest request) {
        requireDraft(request, "problem.detail.only-drafts-editable");
    }

    static void requirePublishable(FinancingRequest request) {
        requireDraft(request, "problem.detail.only-drafts-publishable");
    }

    /** Bids are taken for at least {@link #SHORTEST_BIDDING} and at most {@link #LONGEST_BIDDING}. */
    static void checkBidDeadline(Instant bidDeadline, Instant now) {
        if (bidDeadline.isBefore(now.plus(SHORTEST_BIDDING)) || bidDeadline.isAfter(now.plus(LONGEST_BIDDING))) {
            throw DomainProblem.invalidField("bidDeadline", "field.bid-deadline.range");
        }
    }

    static boolean withdrawable(FinancingRequestStatus status) {
        return status == FinancingRequestStatus.DRAFT || status == FinancingRequestStatus.OPEN;
    }

    static void requireWithdrawable(FinancingRequest request) {
        if (!withdrawable(request.status())) {
            throw notWithdrawable();
        }
    }

    static DomainProblem notWithdrawable() {
        return new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.not-withdrawable");
    }

    /** Open, and its bid deadline not yet passed. */
    static void requireOpenForAward(FinancingRequest request, Instant now) {
        Instant deadline = request.bidDeadline(); // none while a draft
        if (request.status() != FinancingRequestStatus.OPEN || deadline == null || !deadline.isAfter(now)) {
            throw notOpenForAward();
        }
    }

    static DomainProblem notOpenForAward() {
        return new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.not-open-for-award");
    }

    /** Lenders bid only on a request on the market: open, of a verified firm, before its deadline. */
    static void requireOnTheMarket(FinancingRequest request, Instant now) {
        if (!request.onTheMarket(now)) {
            throw new DomainProblem(ProblemType.BIDDING_CLOSED, "problem.detail.bidding-closed");
        }
    }

    private static void requireDraft(FinancingRequest request, String detailKey) {
        if (request.status() != FinancingRequestStatus.DRAFT) {
            throw new DomainProblem(ProblemType.INVALID_STATE, detailKey);
        }
    }
}
