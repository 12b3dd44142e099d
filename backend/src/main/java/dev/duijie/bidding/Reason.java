package dev.duijie.bidding;

import org.jspecify.annotations.Nullable;

/**
 * Why a bank passed on a request or a guarantor declined its part of a bid: a code from the contract's list
 * ({@code PassReason}, {@code GuarantorDeclineReason}) and a note, which the code {@code other} needs.
 */
public record Reason(String code, @Nullable String note) {}
