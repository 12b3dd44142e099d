package dev.duijie.offer;

/** A loan or guarantee product: its state and its terms. */
public interface Offer<T extends Record> {

    OfferState state();

    T terms();
}
