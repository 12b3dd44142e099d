package dev.duijie.support;

import static dev.duijie.support.Requests.bid;
import static dev.duijie.support.Requests.campaign;
import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.guaranteeProduct;
import static dev.duijie.support.Requests.investmentOffer;
import static dev.duijie.support.Requests.loanProduct;
import static dev.duijie.support.Requests.publication;
import static dev.duijie.support.Requests.talentNeed;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A well-formed request for every operation of the contract, on the objects of a {@link Scene}, as the given
 * caller would send it (a body naming the caller's own product where the operation takes one). Keys are
 * operation ids, with {@code #variant} for a second object of interest (e.g. a draft instead of an open one).
 * Writes carry {@code If-Match: *}, which the operations that need a version accept and the others ignore.
 */
public final class ContractCalls {

    /** One request: method, path with its parameters filled in, and body (null for none). */
    public record Call(String method, String path, @Nullable Object body) {

        public boolean writes() {
            return !method.equals("GET");
        }
    }

    private ContractCalls() {}

    public static Call of(String operation, Scene scene, String caller) {
        return switch (operation) {
            case "listOrganizations" -> get("/organizations");
            case "registerOrganization" -> post("/organizations", Scene.registration());
            case "getMyOrganization" -> get("/organizations/me");
            case "getOrganization" -> get("/organizations/" + IntegrationTest.ENTERPRISE_ORG);
            case "verifyOrganization" ->
                post(
                        "/organizations/" + scene.unverifiedOrganization() + "/verification",
                        Map.of("licenceChecked", true, "note", "营业执照已核验"));

            case "listMyFinancingRequests" -> get("/financing-requests");
            case "createFinancingRequest" ->
                post("/financing-requests", financingDraft("新建融资需求 " + Requests.uniqueWord()));
            case "getFinancingRequest" -> get("/financing-requests/" + scene.openRequest());
            case "getFinancingRequest#draft" -> get("/financing-requests/" + scene.draftRequest());
            case "updateFinancingRequest" ->
                put("/financing-requests/" + scene.draftRequest(), financingDraft("改过的草稿"));
            case "publishFinancingRequest" ->
                post("/financing-requests/" + scene.draftRequest() + "/publish", publication(14));
            case "withdrawFinancingRequest" ->
                post("/financing-requests/" + scene.untouchedOpenRequest() + "/withdrawal", null);
            case "listFinancingRequestHistory" -> get("/financing-requests/" + withEverything(scene) + "/history");
            case "listFinancingRequestHistory#draft" -> get("/financing-requests/" + scene.draftRequest() + "/history");
            case "searchOpenFinancingRequests" -> get("/open-financing-requests");

            case "listLoanProducts" -> get("/loan-products");
            case "listLoanProducts#mine" -> get("/loan-products?mine=true");
            case "createLoanProduct" -> post("/loan-products", loanProduct("新贷款产品 " + Requests.uniqueWord()));
            case "getLoanProduct" -> get("/loan-products/" + scene.loanProduct("bank-a"));
            case "getLoanProduct#draft" -> get("/loan-products/" + scene.draftLoanProduct());
            case "updateLoanProduct" -> put("/loan-products/" + scene.loanProduct("bank-a"), loanProduct("改过的贷款产品"));
            case "changeLoanProductStatus" ->
                post("/loan-products/" + scene.loanProduct("bank-a") + "/status", Map.of("status", "paused"));

            case "listInvestmentOffers" -> get("/investment-offers");
            case "createInvestmentOffer" ->
                post("/investment-offers", investmentOffer("新投资意向 " + Requests.uniqueWord()));
            case "getInvestmentOffer" -> get("/investment-offers/" + scene.investmentOffer("investor"));
            case "updateInvestmentOffer" ->
                put("/investment-offers/" + scene.investmentOffer("investor"), investmentOffer("改过的投资意向"));
            case "changeInvestmentOfferStatus" ->
                post("/investment-offers/" + scene.investmentOffer("investor") + "/status", Map.of("status", "paused"));

            case "listGuaranteeProducts" -> get("/guarantee-products");
            case "createGuaranteeProduct" ->
                post("/guarantee-products", guaranteeProduct("新担保产品 " + Requests.uniqueWord()));
            case "getGuaranteeProduct" -> get("/guarantee-products/" + scene.guaranteeProduct("guarantor"));
            case "updateGuaranteeProduct" ->
                put("/guarantee-products/" + scene.guaranteeProduct("guarantor"), guaranteeProduct("改过的担保产品"));
            case "changeGuaranteeProductStatus" ->
                post(
                        "/guarantee-products/" + scene.guaranteeProduct("guarantor") + "/status",
                        Map.of("status", "paused"));

            case "listBidsOnRequest" -> get("/financing-requests/" + withBid(scene) + "/bids");
            case "submitBid" -> post("/financing-requests/" + scene.untouchedOpenRequest() + "/bids", bid(470));
            case "quoteBid" -> post("/financing-requests/" + scene.openRequest() + "/bid-quotes", bid(450));
            case "compareBids" -> get("/financing-requests/" + withBid(scene) + "/bid-comparison");
            case "listAnswersOnMyRequests" -> get("/financing-request-answers");
            case "getMyBankResponse" -> get("/financing-requests/" + withBid(scene) + "/bank-response");
            case "passOnRequest" ->
                post(
                        "/financing-requests/" + scene.untouchedOpenRequest() + "/pass",
                        Map.of("reason", "other", "note", "本行今年该类贷款额度已满"));
            case "listMyBids" -> get("/bids");
            case "getBid" -> get("/bids/" + scene.bid());
            case "getBid#declined" -> get("/bids/" + scene.declinedBid());
            case "decideGuarantee" ->
                post(
                        "/bids/" + scene.guaranteedBid() + "/guarantor-decision",
                        Map.of("decision", "declined", "reason", "exposure_too_high", "note", "对该行业敞口已到上限"));
            case "withdrawBid" -> post("/bids/" + scene.bid() + "/withdrawal", null);
            case "acceptBid" -> post("/bids/" + scene.bid() + "/acceptance", null);

            case "listGuaranteeOffersOnRequest" ->
                get("/financing-requests/" + withGuaranteeOffer(scene) + "/guarantee-offers");
            case "submitGuaranteeOffer" ->
                post(
                        "/financing-requests/" + scene.untouchedOpenRequest() + "/guarantee-offers",
                        scene.guaranteeOfferOf(caller, "按年收取担保费"));
            case "listMyGuaranteeOffers" -> get("/guarantee-offers");
            case "getGuaranteeOffer" -> get("/guarantee-offers/" + scene.guaranteeOffer());
            case "withdrawGuaranteeOffer" -> post("/guarantee-offers/" + scene.guaranteeOffer() + "/withdrawal", null);
            case "acceptGuaranteeOffer" -> post("/guarantee-offers/" + scene.guaranteeOffer() + "/acceptance", null);

            case "getRiskFund" -> get("/risk-fund");
            // the policy as it stands, written back: other tests rely on it
            case "updateRiskFund" -> put("/risk-fund", scene.riskFundPolicy());
            case "listInterests" -> get("/financing-requests/" + scene.interest() + "/interests");
            case "listMyInterests" -> {
                scene.interest();
                yield get("/interests");
            }
            case "expressInterest" ->
                put("/financing-requests/" + scene.untouchedOpenRequest() + "/interests", Map.of("note", "愿意了解项目"));

            case "matchLoanProducts" -> get("/financing-requests/" + scene.openRequest() + "/matches/loan-products");
            case "matchGuaranteeProducts" ->
                get("/financing-requests/" + scene.openRequest() + "/matches/guarantee-products");
            case "matchInvestmentOffers" ->
                get("/financing-requests/" + scene.openRequest() + "/matches/investment-offers");
            case "matchOpenRequests" ->
                get("/loan-products/" + scene.loanProduct("bank-a") + "/matches/financing-requests");
            case "matchOpenRequestsForGuarantee" ->
                get("/guarantee-products/" + scene.guaranteeProduct("guarantor") + "/matches/financing-requests");
            case "matchOpenRequestsForInvestment" ->
                get("/investment-offers/" + scene.investmentOffer("investor") + "/matches/financing-requests");
            // the smallest index: a rebuild is real work
            case "rebuildSearchIndex" -> post("/search-indexes/investment-offers/rebuild", null);

            case "getReferenceData" -> get("/reference-data");
            case "listAuditEvents" -> get("/audit-events");
            case "getFinancingDashboard" -> get("/dashboards/financing?fromMonth=2026-01&toMonth=2026-12");
            case "getTalentDashboard" -> get("/dashboards/talent?fromMonth=2026-01&toMonth=2026-12");

            case "getMyTalentProfile" -> get("/talent-profiles/me");
            case "saveMyTalentProfile" -> put("/talent-profiles/me", scene.profileBody(caller));
            case "listMyReferrals" -> get("/talent-profiles/me/referrals");
            case "getTalentProfile" -> get("/talent-profiles/" + scene.talentProfile("talent"));
            case "matchTalentNeeds" -> get("/talent-profiles/me/matches/talent-needs");

            case "listMyTalentNeeds" -> get("/talent-needs");
            case "createTalentNeed" -> post("/talent-needs", talentNeed(1));
            case "getTalentNeed" -> get("/talent-needs/" + scene.openNeed());
            case "getTalentNeed#draft" -> get("/talent-needs/" + scene.draftNeed());
            case "updateTalentNeed" -> put("/talent-needs/" + scene.draftNeed(), talentNeed(4));
            case "changeTalentNeedStatus" ->
                post("/talent-needs/" + scene.draftNeed() + "/status", Map.of("status", "open"));
            case "listOpenTalentNeeds" -> get("/open-talent-needs");
            case "matchTalentProfiles" -> get("/talent-needs/" + scene.openNeed() + "/matches/talent-profiles");

            case "listApplicationsToNeed" -> get("/talent-needs/" + withApplication(scene) + "/applications");
            case "applyToTalentNeed" ->
                post("/talent-needs/" + scene.untouchedOpenNeed() + "/applications", Map.of("coverLetter", "我想回乡工作"));
            case "listMyApplications" -> get("/talent-applications");
            case "getApplication" -> get("/talent-applications/" + scene.application());
            case "moveApplication" ->
                post("/talent-applications/" + scene.application() + "/status", Map.of("status", "shortlisted"));
            case "withdrawApplication" -> post("/talent-applications/" + scene.application() + "/withdrawal", null);

            case "listCampaigns" -> get("/campaigns");
            case "createCampaign" -> post("/campaigns", campaign("新一期返乡招聘 " + Requests.uniqueWord()));
            case "getCampaign" -> get("/campaigns/" + scene.campaign());
            case "addCampaignNeed" ->
                put("/campaigns/" + scene.campaign() + "/needs/" + scene.untouchedOpenNeed(), null);
            case "removeCampaignNeed" ->
                new Call("DELETE", "/campaigns/" + scene.campaign() + "/needs/" + scene.campaignNeed(), null);
            case "listCampaignCandidates" ->
                get("/campaigns/" + scene.campaign() + "/needs/" + scene.campaignNeed() + "/candidates");
            case "inviteToCampaign" ->
                post(
                        "/campaigns/" + scene.campaign() + "/invitations",
                        Map.of(
                                "needId",
                                scene.campaignNeed(),
                                "talentProfileIds",
                                List.of(scene.talentProfile("talent"))));
            case "closeCampaign" -> post("/campaigns/" + scene.campaign() + "/closure", null);
            case "getCampaignResults" -> get("/campaigns/" + scene.campaign() + "/results");
            case "listMyInvitations" -> get("/campaign-invitations");
            case "respondToInvitation" ->
                post("/campaign-invitations/" + scene.invitation() + "/response", Map.of("decision", "accepted"));
            case "listReferrals" -> get("/referrals");

            default ->
                throw new IllegalArgumentException("no request written for operation " + operation
                        + "; add one here and its row to the authorization matrix");
        };
    }

    /** The request that carries bank A's bid (made first). */
    private static String withBid(Scene scene) {
        scene.bid();
        return scene.openRequest();
    }

    /** The request with bank A's bid, the guarantor's offer and the investor's interest on it. */
    private static String withEverything(Scene scene) {
        scene.bid();
        scene.guaranteeOffer();
        return scene.interest();
    }

    private static String withGuaranteeOffer(Scene scene) {
        scene.guaranteeOffer();
        return scene.openRequest();
    }

    private static String withApplication(Scene scene) {
        scene.application();
        return scene.openNeed();
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call post(String path, @Nullable Object body) {
        return new Call("POST", path, body);
    }

    private static Call put(String path, @Nullable Object body) {
        return new Call("PUT", path, body);
    }
}
