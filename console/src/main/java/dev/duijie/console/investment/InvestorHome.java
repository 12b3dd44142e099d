package dev.duijie.console.investment;

import dev.duijie.console.backend.api.MatchingApi;
import dev.duijie.console.backend.model.InvestmentOffer;
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

/** A returning-hometown investor's home: new projects that fit its live offers, best first, and its latest interests. */
@Component
class InvestorHome implements RoleHome {

    private final InvestorInboxController inbox;
    private final MatchingApi matching;

    InvestorHome(InvestorInboxController inbox, MatchingApi matching) {
        this.inbox = inbox;
        this.matching = matching;
    }

    @Override
    public String role() {
        return "investor";
    }

    @Override
    public String show(Person person, Model model) {
        List<InvestmentOffer> active = inbox.activeOffers();
        Map<UUID, Match> best = new LinkedHashMap<>();
        for (InvestmentOffer offer : active) {
            Objects.requireNonNull(matching.matchOpenRequestsForInvestment(offer.getId(), 5)
                            .getBody())
                    .getItems()
                    .forEach(match ->
                            best.putIfAbsent(match.getFinancingRequest().getId(), Match.of(match, offer.getName())));
        }
        List<Match> matches = new ArrayList<>(best.values());
        matches.sort(Comparator.comparing(Match::score).reversed());
        model.addAttribute("matches", matches.stream().limit(5).toList());
        model.addAttribute("activeOffers", active);
        model.addAttribute("recentInterests", inbox.myInterests(null, 3).getItems());
        return "investor/home";
    }
}
