package dev.duijie.console.guarantee;

import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.GuaranteeOffersApi;
import dev.duijie.console.backend.api.MatchingApi;
import dev.duijie.console.backend.model.GuaranteeOffer;
import dev.duijie.console.backend.model.GuaranteeProduct;
import dev.duijie.console.home.RoleHome;
import dev.duijie.console.offers.Match;
import dev.duijie.console.signin.Person;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A guarantee company's home: bids naming it that wait for its decision (longest waiting first), new requests that
 * fit its products, and where its own guarantee offers stand.
 */
@Component
class GuarantorHome implements RoleHome {

    private final BidsApi bids;
    private final GuaranteesController guarantees;
    private final GuarantorInboxController inbox;
    private final MatchingApi matching;
    private final GuaranteeOffersApi offers;

    GuarantorHome(
            BidsApi bids,
            GuaranteesController guarantees,
            GuarantorInboxController inbox,
            MatchingApi matching,
            GuaranteeOffersApi offers) {
        this.bids = bids;
        this.guarantees = guarantees;
        this.inbox = inbox;
        this.matching = matching;
        this.offers = offers;
    }

    @Override
    public String role() {
        return "guarantor";
    }

    @Override
    public String show(Person person, Model model) {
        List<BidRow> waiting =
                guarantees
                        .rows(Objects.requireNonNull(bids.listMyBids(null, 50).getBody())
                                .getItems())
                        .stream()
                        .filter(BidRow::waiting)
                        .sorted(Comparator.comparing(row -> row.bid().getCreatedAt()))
                        .toList();
        model.addAttribute("waiting", waiting);

        List<GuaranteeProduct> active = inbox.activeProducts();
        Map<UUID, Match> best = new LinkedHashMap<>();
        for (GuaranteeProduct product : active) {
            Objects.requireNonNull(matching.matchOpenRequestsForGuarantee(product.getId(), 5)
                            .getBody())
                    .getItems()
                    .forEach(match ->
                            best.putIfAbsent(match.getFinancingRequest().getId(), Match.of(match, product.getName())));
        }
        List<Match> matches = new ArrayList<>(best.values());
        matches.sort(Comparator.comparing(Match::score).reversed());
        model.addAttribute("matches", matches.stream().limit(5).toList());
        model.addAttribute("activeProducts", active);

        List<GuaranteeOffer> mine = Objects.requireNonNull(
                        offers.listMyGuaranteeOffers(null, 50).getBody())
                .getItems();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (GuaranteeOffer.StatusEnum status : GuaranteeOffer.StatusEnum.values()) {
            byStatus.put(
                    status.getValue(),
                    mine.stream().filter(offer -> offer.getStatus() == status).count());
        }
        model.addAttribute("offerCounts", byStatus);
        model.addAttribute("offerTotal", mine.size());
        return "guarantor/home";
    }
}
