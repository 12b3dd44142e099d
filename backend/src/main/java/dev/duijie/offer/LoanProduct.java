package dev.duijie.offer;

public record LoanProduct(OfferState state, LoanTerms terms) implements Offer<LoanTerms> {}
