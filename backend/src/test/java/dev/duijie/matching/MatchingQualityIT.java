package dev.duijie.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.GuaranteeProductDocuments;
import dev.duijie.offer.InvestmentOffer;
import dev.duijie.offer.InvestmentOfferDocuments;
import dev.duijie.offer.LoanProductDocuments;
import dev.duijie.offer.OfferLookup;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.SearchIndexes;
import dev.duijie.search.SearchOutbox;
import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import dev.duijie.support.Api;
import dev.duijie.support.IntegrationTest;
import dev.duijie.talent.TalentNeedDocuments;
import dev.duijie.talent.TalentProfileDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The small version of the matching benchmark's quality check, run with every test run: a seeded synthetic
 * county, every request (and talent need) matched through the endpoints, judged against the exact
 * brute-force scorer. No
 * hard-constraint violation in any top 10, and nDCG@10 at least the 0.95. The county is taken off
 * the market afterwards so other tests do not meet it.
 */
class MatchingQualityIT extends IntegrationTest {

    private static final double NDCG_FLOOR = 0.95;

    @Autowired
    SearchIndexes indexes;

    @Autowired
    SearchOutbox outbox;

    @Autowired
    LoanProductDocuments loanDocuments;

    @Autowired
    OfferLookup offers;

    @Autowired
    OffersForRequest matching;

    @Autowired
    LenderResponseTimes lenderResponseTimes;

    @Autowired
    TalentProfileDocuments talentDocuments;

    @Autowired
    TalentNeedDocuments needDocuments;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    GuaranteeProductDocuments guaranteeDocuments;

    @Autowired
    InvestmentOfferDocuments investmentDocuments;

    @Test
    void givenASyntheticCounty_whenMatchingEachRequest_thenNoIneligibleProductAndNdcgAtLeastTheFloor() {
        SyntheticCounty county = new SyntheticCounty(jdbc, 20261125L);
        List<UUID> banks = county.organizations("bank", 8);
        List<UUID> firms = county.organizations("enterprise", 40);
        List<SyntheticCounty.Product> products = county.loanProducts(banks, 600);
        List<SyntheticCounty.Request> requests = county.openRequests(firms, 40);
        county.responseHistories(banks, requests);
        try {
            indexes.rebuild(loanDocuments);
            List<SyntheticCounty.Product> everyActive = offers.activeLoanProducts().stream()
                    .map(p -> new SyntheticCounty.Product(
                            p.state().id(), p.state().organizationId(), p.terms()))
                    .toList();
            Caller regulator = new Caller("quality-check", Set.of(Role.REGULATOR), null);
            String token = token("regulator");
            int violations = 0;
            double ndcg = 0;
            for (SyntheticCounty.Request request : requests) {
                Api.Response response = api.get(
                                "/financing-requests/" + request.id() + "/matches/loan-products?limit=10")
                        .as(token)
                        .send();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                List<UUID> ours = new ArrayList<>();
                response.json()
                        .get("items")
                        .forEach(item -> ours.add(
                                UUID.fromString(item.at("/loanProduct/id").asString())));
                Map<UUID, Double> ideal = SyntheticCounty.bruteForce(
                        everyActive, request, matching.target(regulator, request.id()), lenderResponseTimes.current());
                violations +=
                        (int) ours.stream().filter(id -> !ideal.containsKey(id)).count();
                ndcg += SyntheticCounty.ndcgAt10(ours, ideal);
            }
            assertThat(violations)
                    .as("hard-constraint violations in the top 10")
                    .isZero();
            assertThat(ndcg / requests.size())
                    .as("mean nDCG@10 against the brute force")
                    .isGreaterThanOrEqualTo(NDCG_FLOOR);
        } finally {
            outbox.changedAll(loanDocuments, county.retire("loan_product"));
            county.withdrawRequests();
        }
    }

    @Test
    void givenSyntheticGuaranteesAndInvestments_whenMatchingEachRequest_thenNoIneligibleOfferAndNdcgAtLeastTheFloor() {
        SyntheticCounty county = new SyntheticCounty(jdbc, 20261127L);
        List<UUID> firms = county.organizations("enterprise", 20);
        county.guaranteeProducts(county.organizations("guarantor", 4), 300);
        county.investmentOffers(county.organizations("investor_group", 4), 300);
        List<SyntheticCounty.Request> requests = county.openRequests(firms, 30);
        try {
            indexes.rebuild(guaranteeDocuments);
            indexes.rebuild(investmentDocuments);
            // the brute force sees every active offer in PostgreSQL, not only the synthetic ones
            List<GuaranteeProduct> guarantees = offers.activeGuaranteeProducts();
            List<InvestmentOffer> investments = offers.activeInvestmentOffers();
            Caller regulator = new Caller("quality-check", Set.of(Role.REGULATOR), null);
            String token = token("regulator");
            int violations = 0;
            double ndcg = 0;
            int queries = 0;
            for (SyntheticCounty.Request request : requests) {
                OffersForRequest.Target target = matching.target(regulator, request.id());
                Map<String, Map<UUID, Double>> ideals = new LinkedHashMap<>();
                ideals.put("investment-offers", SyntheticCounty.bruteForceInvestments(investments, target));
                if (request.content().guaranteeWanted()) {
                    ideals.put("guarantee-products", SyntheticCounty.bruteForceGuarantees(guarantees, target));
                }
                for (var kind : ideals.entrySet()) {
                    Api.Response response = api.get(
                                    "/financing-requests/" + request.id() + "/matches/" + kind.getKey() + "?limit=10")
                            .as(token)
                            .send();
                    assertThat(response.status()).as(response.toString()).isEqualTo(200);
                    String field =
                            kind.getKey().equals("guarantee-products") ? "/guaranteeProduct/id" : "/investmentOffer/id";
                    List<UUID> ours = new ArrayList<>();
                    response.json()
                            .get("items")
                            .forEach(item ->
                                    ours.add(UUID.fromString(item.at(field).asString())));
                    violations += (int) ours.stream()
                            .filter(id -> !kind.getValue().containsKey(id))
                            .count();
                    ndcg += SyntheticCounty.ndcgAt10(ours, kind.getValue());
                    queries++;
                }
            }
            assertThat(violations).as("ineligible offers in the top 10").isZero();
            assertThat(ndcg / queries)
                    .as("mean nDCG@10 against the brute force")
                    .isGreaterThanOrEqualTo(NDCG_FLOOR);
        } finally {
            outbox.changedAll(guaranteeDocuments, county.retire("guarantee_product"));
            outbox.changedAll(investmentDocuments, county.retire("investment_offer"));
            county.withdrawRequests();
        }
    }

    @Test
    void givenSyntheticTalents_whenMatchingEachNeed_thenNoIneligibleOrHiddenTalentAndNdcgAtLeastTheFloor() {
        SyntheticCounty county = new SyntheticCounty(jdbc, 20261126L);
        List<UUID> firms = county.organizations("enterprise", 10);
        county.talentProfiles(800);
        List<SyntheticCounty.Need> needs = county.talentNeeds(firms, 30);
        try {
            indexes.rebuild(talentDocuments);
            // the brute force sees every profile in PostgreSQL, not only the synthetic ones
            List<SyntheticCounty.Talent> everyone = SyntheticCounty.allTalents(jdbc);
            Set<String> countyRegions =
                    Set.copyOf(referenceData.withDescendants(ReferenceData.Vocabulary.REGION, List.of("county")));
            String token = token("bureau");
            int violations = 0;
            double ndcg = 0;
            for (SyntheticCounty.Need need : needs) {
                Api.Response response = api.get("/talent-needs/" + need.id() + "/matches/talent-profiles?limit=10")
                        .as(token)
                        .send();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                List<UUID> ours = new ArrayList<>();
                response.json()
                        .get("items")
                        .forEach(item ->
                                ours.add(UUID.fromString(item.at("/profile/id").asString())));
                Map<UUID, Double> ideal = SyntheticCounty.bruteForce(
                        everyone, need.content(), talentDocuments::skillsWithGroups, countyRegions);
                violations +=
                        (int) ours.stream().filter(id -> !ideal.containsKey(id)).count();
                ndcg += SyntheticCounty.ndcgAt10(ours, ideal);
            }
            assertThat(violations)
                    .as("ineligible or hidden talents in the top 10")
                    .isZero();
            assertThat(ndcg / needs.size())
                    .as("mean nDCG@10 against the brute force")
                    .isGreaterThanOrEqualTo(NDCG_FLOOR);
        } finally {
            outbox.changedAll(talentDocuments, county.removeTalents());
            outbox.changedAll(needDocuments, county.closeNeeds());
        }
    }
}
