package dev.duijie.support;

import dev.duijie.organization.CreditCode;
import dev.duijie.support.Api.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One of everything in the marketplace, made through the API by the demo users who own it, each object on
 * first use: drafts and open financing requests of {@code enterprise}, a sealed bid of {@code bank-a} (and one the
 * guarantor declined, saying why), the guarantor's offer, the investor's interest, talents' profiles, an application, a campaign with an
 * invitation. The texts only their owners (and the parties the product lets in) may read carry a secret
 * word, a {@link Secret}; a response to anybody else containing it is a leak.
 */
public final class Scene {

    /** A word only {@code readers} may ever get back from the API. */
    public record Secret(String word, String what, Set<String> readers) {}

    private final Api api;
    private final Function<String, String> tokens;
    private final Map<String, String> made = new HashMap<>();
    private final List<Secret> secrets = new ArrayList<>();
    /** Owner → call, each sent with a token fetched when it is sent (the scene may outlive the first token). */
    private final List<Map.Entry<String, Api.Call>> takingOffTheMarket = new ArrayList<>();

    public Scene(Api api, Function<String, String> tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /**
     * Takes what this scene put on the market off it again (products retired, requests withdrawn, needs and
     * campaigns closed), so that tests running later see the market they expect. Whatever moved on already
     * answers 409, which is fine.
     */
    public void takeOffTheMarket() {
        takingOffTheMarket.forEach(
                entry -> entry.getValue().as(tokens.apply(entry.getKey())).send());
        takingOffTheMarket.clear();
    }

    /** The secrets of the objects made so far. */
    public List<Secret> secrets() {
        return List.copyOf(secrets);
    }

    public String draftRequest() {
        return once("draftRequest", () -> {
            Map<String, Object> draft = Requests.financingDraft("扩建车间 " + Requests.uniqueWord());
            draft.put("description", secret("a draft financing request", "enterprise"));
            return created(api.post("/financing-requests", draft), "enterprise");
        });
    }

    /** An open request wanting a guarantee, on which bids, guarantee offers and interests are made. */
    public String openRequest() {
        return once("openRequest", () -> openRequestOfEnterprise("技改贷款 "));
    }

    /** An open request nobody has acted on yet. */
    public String untouchedOpenRequest() {
        return once("untouchedOpenRequest", () -> openRequestOfEnterprise("流动资金 "));
    }

    public String loanProduct(String bank) {
        return once(
                "loanProduct:" + bank,
                () -> active("/loan-products", Requests.loanProduct("特色产业贷 " + Requests.uniqueWord()), bank));
    }

    public String draftLoanProduct() {
        return once("draftLoanProduct", () -> {
            Map<String, Object> product = Requests.loanProduct("新产品 " + Requests.uniqueWord());
            product.put("description", secret("a draft loan product", "bank-a"));
            return created(api.post("/loan-products", product), "bank-a");
        });
    }

    /** An active guarantee product of a guarantor ({@code guarantor} for anyone else, whose bodies name it). */
    public String guaranteeProduct(String caller) {
        String guarantor = caller.startsWith("guarantor") ? caller : "guarantor";
        return once(
                "guaranteeProduct:" + guarantor,
                () -> active(
                        "/guarantee-products", Requests.guaranteeProduct("助企担保 " + Requests.uniqueWord()), guarantor));
    }

    public String investmentOffer(String investor) {
        return once(
                "investmentOffer:" + investor,
                () -> active(
                        "/investment-offers", Requests.investmentOffer("乡贤基金 " + Requests.uniqueWord()), investor));
    }

    /** Bank A's sealed bid on {@link #openRequest()}, without a guarantor. */
    public String bid() {
        return once("bid", () -> {
            Map<String, Object> bid = Requests.bid(450);
            bid.put("conditions", secret("a sealed bid", "bank-a", "enterprise"));
            return created(api.post("/financing-requests/" + openRequest() + "/bids", bid), "bank-a");
        });
    }

    /** Bank A's bid naming the guarantor, on a request of its own (a bank bids once per request). */
    public String guaranteedBid() {
        return once("guaranteedBid", () -> {
            Map<String, Object> bid = Requests.bid(460);
            bid.put("conditions", secret("a sealed bid naming a guarantor", "bank-a", "enterprise", "guarantor"));
            namingTheGuarantor(bid);
            String request = openRequestOfEnterprise("担保贷款 ");
            return created(api.post("/financing-requests/" + request + "/bids", bid), "bank-a");
        });
    }

    /**
     * Bank A's bid naming the guarantor, on a request of its own, which the guarantor declined with a note only
     * the parties to the bid may read.
     */
    public String declinedBid() {
        return once("declinedBid", () -> {
            Map<String, Object> bid = Requests.bid(465);
            namingTheGuarantor(bid);
            String request = openRequestOfEnterprise("担保被拒 ");
            String id = created(api.post("/financing-requests/" + request + "/bids", bid), "bank-a");
            Map<String, Object> decline = new LinkedHashMap<>();
            decline.put("decision", "declined");
            decline.put("reason", "other");
            decline.put("note", secret("a guarantor's reason for declining", "guarantor", "bank-a", "enterprise"));
            expect(
                    api.post("/bids/" + id + "/guarantor-decision", decline)
                            .as(tokens.apply("guarantor"))
                            .send(),
                    200);
            return id;
        });
    }

    /** A bid's guarantee from the guarantor's product, with the bank, the guarantor and the fund sharing 40/30/30. */
    private void namingTheGuarantor(Map<String, Object> bid) {
        bid.put(
                "guarantee",
                Map.of(
                        "guarantorOrganizationId",
                        IntegrationTest.GUARANTOR_ORG.toString(),
                        "guaranteeProductId",
                        guaranteeProduct("guarantor")));
        bid.put("riskSplit", Requests.split(4000, 3000, 3000));
    }

    /** The guarantor's sealed offer on {@link #openRequest()}. */
    public String guaranteeOffer() {
        return once(
                "guaranteeOffer",
                () -> created(
                        api.post(
                                "/financing-requests/" + openRequest() + "/guarantee-offers",
                                guaranteeOfferOf(
                                        "guarantor", secret("a sealed guarantee offer", "guarantor", "enterprise"))),
                        "guarantor"));
    }

    /** A guarantee offer from {@code caller}'s own product (the guarantor's for anyone who has none). */
    public Map<String, Object> guaranteeOfferOf(String caller, String conditions) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("guaranteeProductId", guaranteeProduct(caller));
        offer.put("coverageRatioBp", 8000);
        offer.put("annualFeeRateBp", 100);
        offer.put("conditions", conditions);
        offer.put(
                "validUntil",
                Instant.now()
                        .plus(30, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        return offer;
    }

    /** The investor's interest in {@link #openRequest()}. */
    public String interest() {
        return once("interest", () -> {
            Response response = api.put(
                            "/financing-requests/" + openRequest() + "/interests",
                            Map.of("note", secret("an investor's note", "investor", "enterprise")))
                    .as(tokens.apply("investor"))
                    .send();
            expect(response, 200);
            return openRequest();
        });
    }

    /** The talent's own profile, saved by {@code talent} (any talent user) with a phone number only it may read. */
    public String talentProfile(String talent) {
        return once("talentProfile:" + talent, () -> {
            Response response = api.put("/talent-profiles/me", profileBody(talent))
                    .as(tokens.apply(talent))
                    .header("If-Match", "*")
                    .send();
            expect(response, 200);
            return response.json().get("id").asString();
        });
    }

    /**
     * A profile as the talent saves it. Its phone number is readable by the talent and by enterprise, whose
     * needs the demo talents apply to (this scene's and the other tests'), never by anyone else.
     */
    public Map<String, Object> profileBody(String talent) {
        String phone = once("phone:" + talent, () -> {
            String number =
                    "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            secrets.add(new Secret(number, talent + "'s phone", Set.copyOf(List.of(talent, "enterprise"))));
            return number;
        });
        Map<String, Object> profile = Requests.talentProfile(talent + " 返乡人才", phone);
        profile.put("email", talent + "@demo.duijie.local");
        return profile;
    }

    public String draftNeed() {
        return once("draftNeed", () -> {
            Map<String, Object> need = Requests.talentNeed(2);
            need.put("description", secret("a draft talent need", "enterprise"));
            return created(api.post("/talent-needs", need), "enterprise");
        });
    }

    /** An open need of enterprise, which the talent has applied to. */
    public String openNeed() {
        return once("openNeed", this::openNeedOfEnterprise);
    }

    /** An open need nobody has applied to or curated yet. */
    public String untouchedOpenNeed() {
        return once("untouchedOpenNeed", this::openNeedOfEnterprise);
    }

    /** The talent's application to {@link #openNeed()}. */
    public String application() {
        return once("application", () -> {
            talentProfile("talent");
            return created(
                    api.post(
                            "/talent-needs/" + openNeed() + "/applications",
                            Map.of("coverLetter", secret("a cover letter", "talent", "enterprise"))),
                    "talent");
        });
    }

    /** The bureau's active campaign with one curated need and nobody invited yet. */
    public String campaign() {
        return once("campaign", () -> {
            String id = campaignOfTheBureau("春季返乡招聘 ");
            expect(
                    api.put("/campaigns/" + id + "/needs/" + campaignNeed(), null)
                            .as(tokens.apply("bureau"))
                            .send(),
                    200);
            return id;
        });
    }

    public String campaignNeed() {
        return once("campaignNeed", this::openNeedOfEnterprise);
    }

    /** The bureau's invitation of the talent, to a campaign of its own. */
    public String invitation() {
        return once("invitation", () -> {
            String bureau = tokens.apply("bureau");
            String campaign = campaignOfTheBureau("邀请返乡 ");
            String need = openNeedOfEnterprise();
            expect(
                    api.put("/campaigns/" + campaign + "/needs/" + need, null)
                            .as(bureau)
                            .send(),
                    200);
            expect(
                    api.post(
                                    "/campaigns/" + campaign + "/invitations",
                                    Map.of("needId", need, "talentProfileIds", List.of(talentProfile("talent"))))
                            .as(bureau)
                            .send(),
                    200);
            for (JsonNode invitation : api.get("/campaign-invitations?limit=100")
                    .as(tokens.apply("talent"))
                    .send()
                    .json()
                    .get("items")) {
                if (invitation.get("campaignId").asString().equals(campaign)) {
                    return invitation.get("id").asString();
                }
            }
            throw new AssertionError("the talent got no invitation to campaign " + campaign);
        });
    }

    /** The risk fund's policy as it stands (read by the regulator), to be written back unchanged. */
    public Map<String, Object> riskFundPolicy() {
        JsonNode fund =
                api.get("/risk-fund").as(tokens.apply("regulator")).send().json();
        Map<String, Object> policy = new LinkedHashMap<>();
        for (String field :
                List.of("maxFundShareBp", "minBankShareBp", "firstLoanBonusBp", "ipPledgeBonusBp", "capacityFen")) {
            policy.put(field, fund.get(field).asLong());
        }
        return policy;
    }

    /** An organization the regulator has registered and not yet verified. */
    public String unverifiedOrganization() {
        return once("unverifiedOrganization", () -> created(api.post("/organizations", registration()), "regulator"));
    }

    /** A new enterprise's registration, with a valid credit code no other organization has. */
    public static Map<String, Object> registration() {
        String first17 =
                "91610900MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("type", "enterprise");
        registration.put("name", "新注册企业 " + Requests.uniqueWord());
        registration.put("creditCode", CreditCode.completing(first17).value());
        registration.put("region", "chengguan");
        registration.put("industries", List.of("lacquer-craft"));
        registration.put("tier", "small");
        return registration;
    }

    private String openRequestOfEnterprise(String title) {
        String id = created(
                api.post("/financing-requests", Requests.financingDraft(title + Requests.uniqueWord())), "enterprise");
        expect(
                api.post("/financing-requests/" + id + "/publish", Requests.publication(14))
                        .as(tokens.apply("enterprise"))
                        .send(),
                200);
        laterAs("enterprise", api.post("/financing-requests/" + id + "/withdrawal", null));
        return id;
    }

    private String openNeedOfEnterprise() {
        String id = created(api.post("/talent-needs", Requests.talentNeed(3)), "enterprise");
        expect(
                api.post("/talent-needs/" + id + "/status", Map.of("status", "open"))
                        .as(tokens.apply("enterprise"))
                        .send(),
                200);
        laterAs("enterprise", api.post("/talent-needs/" + id + "/status", Map.of("status", "closed")));
        return id;
    }

    private String campaignOfTheBureau(String theme) {
        String id = created(api.post("/campaigns", Requests.campaign(theme + Requests.uniqueWord())), "bureau");
        laterAs("bureau", api.post("/campaigns/" + id + "/closure", null));
        return id;
    }

    private String active(String collection, Map<String, Object> body, String owner) {
        String id = IntegrationTest.activeOffer(api, tokens.apply(owner), collection, body);
        laterAs(owner, api.post(collection + "/" + id + "/status", Map.of("status", "retired")));
        return id;
    }

    private void laterAs(String owner, Api.Call call) {
        takingOffTheMarket.add(Map.entry(owner, call.header("If-Match", "*")));
    }

    private String created(Api.Call call, String owner) {
        Response response = call.as(tokens.apply(owner)).send();
        expect(response, 201);
        return response.json().get("id").asString();
    }

    private String secret(String what, String... readers) {
        String word = "secret" + Requests.uniqueWord();
        secrets.add(new Secret(word, what, Set.of(readers)));
        return word;
    }

    private String once(String name, Supplier<String> make) {
        String existing = made.get(name);
        if (existing == null) {
            existing = make.get();
            made.put(name, existing);
        }
        return existing;
    }

    private static void expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("setting the scene failed: expected " + status + ", got " + response);
        }
    }
}
