package dev.duijie.matching;

import java.time.Duration;

/**
 * How a loan product's fit to a request is scored: Elasticsearch's Gaussian decay functions, with the
 * weights and scales kept here so the query and the explanation ({@code why}) compute the same numbers.
 * A Gaussian decay gives {@code 0.5^((distance/scale)^2)}: 1 at the origin, 0.5 at one scale away.
 */
final class LoanProductScoring {

    /** Closeness of the product's sweet spot (the middle of its range) to the amount asked. */
    static final double AMOUNT_WEIGHT = 3.0;
    /** Closeness of the product's middle term to the term asked. */
    static final double TERM_WEIGHT = 2.0;

    static final double TERM_SCALE_MONTHS = 12.0;
    /** Lowest rate against the firm's maximum: 1 for a 0 % rate, 0.5 at the firm's maximum. */
    static final double RATE_WEIGHT = 2.0;
    /** Newer requests first in a bank's inbox: a request a week old scores half. */
    static final double FRESHNESS_WEIGHT = 1.0;

    static final long FRESHNESS_SCALE_DAYS = 7;
    /** The lender's median response time: answering within hours scores near 1, a day scores half. */
    static final double RESPONSE_WEIGHT = 1.0;

    static final double RESPONSE_SCALE_HOURS = 24.0;
    /** Words of the request in the product's name and description (BM25, as Elasticsearch scores it). */
    static final float TEXT_BOOST = 0.2f;

    private LoanProductScoring() {}

    /** Half the amount asked: a sweet spot that far off scores half. */
    static double amountScale(long requestedFen) {
        return Math.max(1.0, requestedFen / 2.0);
    }

    /** The middle of a product's amount range: its sweet spot. */
    static long middle(long min, long max) {
        return min + (max - min) / 2;
    }

    static double rateScale(int maxAnnualRateBp) {
        return Math.max(1.0, maxAnnualRateBp);
    }

    /**
     * The response-time factor for a lender ranked by this time. Never quite 0: Elasticsearch takes a
     * function's weight only when it is positive.
     */
    static double responseFit(Duration responseTime) {
        return RESPONSE_WEIGHT * Math.max(1e-6, gauss(responseTime.toMillis() / 3_600_000.0, 0, RESPONSE_SCALE_HOURS));
    }

    static double gauss(double value, double origin, double scale) {
        double distance = Math.abs(value - origin) / scale;
        return Math.pow(0.5, distance * distance);
    }
}
