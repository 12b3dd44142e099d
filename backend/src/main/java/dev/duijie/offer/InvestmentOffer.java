package dev.duijie.offer;

public record InvestmentOffer(OfferState state, InvestmentTerms terms) implements Offer<InvestmentTerms> {}
