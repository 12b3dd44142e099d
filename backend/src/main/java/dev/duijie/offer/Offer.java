package dev.duijie.offer;

/** A loan product, guarantee product or investment offer: its state and its terms. */
public interface Offer<T extends Record> {

    OfferState state();

    T terms();
}
