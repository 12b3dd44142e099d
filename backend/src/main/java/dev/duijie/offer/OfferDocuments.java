package dev.duijie.offer;

import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How an offer looks in its matching index: only while active. Empty lists (meaning any) are left out of
 * the document, so "any" is "field missing" in queries.
 */
abstract class OfferDocuments<O extends Offer<T>, T extends Record> implements IndexedDocuments {

    private final OfferTable<O, T> offers;
    private final ChineseWords chineseWords;
    private final String name;

    OfferDocuments(OfferTable<O, T> offers, ChineseWords chineseWords, String name) {
        this.offers = offers;
        this.chineseWords = chineseWords;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int mappingVersion() {
        return 1;
    }

    @Override
    public Map<UUID, Current> current(Collection<UUID> ids) {
        return offers.findAll(ids).stream()
                .collect(Collectors.toMap(
                        offer -> offer.state().id(),
                        offer -> new Current(
                                offer.state().version(),
                                offer.state().status() == OfferStatus.ACTIVE ? document(offer) : null)));
    }

    @Override
    public List<UUID> candidateIds() {
        return offers.active().stream().map(offer -> offer.state().id()).toList();
    }

    private Map<String, Object> document(O offer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", offer.state().id().toString());
        document.put("organizationId", offer.state().organizationId().toString());
        addTerms(document, offer.terms());
        document.put("version", offer.state().version());
        return document;
    }

    /** The kind's own fields. */
    abstract void addTerms(Map<String, Object> document, T terms);

    String words(@Nullable String text) {
        return chineseWords.segmented(text);
    }

    static void putUnlessEmpty(Map<String, Object> document, String field, List<String> values) {
        if (!values.isEmpty()) {
            document.put(field, values);
        }
    }
}
