package dev.duijie.offer;

public record GuaranteeProduct(OfferState state, GuaranteeTerms terms) implements Offer<GuaranteeTerms> {}
