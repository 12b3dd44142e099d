package dev.duijie.offer;

import dev.duijie.financing.FinancingRequest;
import org.jspecify.annotations.Nullable;

/**
 * An interest the caller's investor organization expressed, with its request as the caller may read it now.
 *
 * @param request null once the caller may no longer read the request (it left the market)
 */
public record MyInterest(Interest interest, @Nullable FinancingRequest request) {}
