package dev.duijie.campaign;

import static dev.duijie.support.Requests.campaign;
import static dev.duijie.support.Requests.talentNeed;
import static dev.duijie.support.Requests.talentProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A hometown-recruitment campaign from creation through curation, candidates, invitations, acceptances,
 * applications and hires to results frozen at closing, checked against direct counts of the records.
 */
class CampaignIT extends IntegrationTest {

    @Test
    void givenACampaign_whenRunFromInvitationsToHiresAndClosed_thenResultsMatchTheRecordsAndStayFrozen() {
        String bureau = token("bureau");
        String enterprise = token("enterprise");
        // talents of their own (talent-d, -e, -f), so what other tests did with talent … talent-c does not matter here
        String home = saveProfile("talent-d", Map.of("hometownRegion", "donghe", "willingToReturn", false));
        String returning = saveProfile("talent-e", Map.of("skills", List.of("meat-curing"), "willingToReturn", true));
        String hidden = saveProfile("talent-f", Map.of("visibility", "hidden"));
        jdbc.sql("update talent_profile set hometown_region = null where id = :id")
                .param("id", UUID.fromString(returning))
                .update();
        String needId = openNeed();

        Response created =
                api.post("/campaigns", campaign("2027春节返乡人才对接会")).as(bureau).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String campaignId = created.json().get("id").asString();
        assertThat(api.post("/campaigns", campaign("企业不能办活动"))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(403);
        Response added = api.put("/campaigns/" + campaignId + "/needs/" + needId, null)
                .as(bureau)
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("needs").findValuesAsString("id")).containsExactly(needId);
        // everyone signed in sees the active campaign and its needs
        assertThat(api.get("/campaigns/" + campaignId)
                        .as(token("talent"))
                        .send()
                        .json()
                        .get("needs")
                        .findValuesAsString("id"))
                .containsExactly(needId);
        // views: talents who opened it, each once (talent twice, talent-d once); the bureau's looks do not count
        api.get("/campaigns/" + campaignId).as(token("talent")).send();
        api.get("/campaigns/" + campaignId).as(token("talent-d")).send();
        api.get("/campaigns/" + campaignId).as(bureau).send();

        // candidates: from the target town or willing to return, never hidden, best first, with why
        Response candidates = api.get("/campaigns/" + campaignId + "/needs/" + needId + "/candidates")
                .as(bureau)
                .header("Accept-Language", "zh-CN")
                .send();
        assertThat(candidates.status()).as(candidates.toString()).isEqualTo(200);
        List<String> ranked = candidates.json().get("items").findValuesAsString("id");
        assertThat(ranked).containsSubsequence(home, returning).doesNotContain(hidden);
        JsonNode best = candidates.json().get("items").get(0);
        assertThat(best.get("why").findValuesAsString("explanation")).contains("家乡东河镇是本次活动的目标地区");
        assertThat(best.at("/profile/contact/masked").asBoolean()).isTrue();
        JsonNode second = candidates.json().get("items").get(ranked.indexOf(returning));
        assertThat(second.get("why").findValuesAsString("factor"))
                .contains("return")
                .doesNotContain("hometown");
        assertThat(best.get("score").asDouble())
                .isGreaterThan(second.get("score").asDouble());

        // invitations: hidden profiles cannot be invited; inviting again changes nothing
        Map<String, Object> invite = Map.of("needId", needId, "talentProfileIds", List.of(home, returning));
        Response invited = api.post("/campaigns/" + campaignId + "/invitations", invite)
                .as(bureau)
                .send();
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
        assertThat(api.post("/campaigns/" + campaignId + "/invitations", invite)
                        .as(bureau)
                        .send()
                        .json()
                        .get("items"))
                .hasSize(2);
        Response hiddenInvite = api.post(
                        "/campaigns/" + campaignId + "/invitations",
                        Map.of("needId", needId, "talentProfileIds", List.of(hidden)))
                .as(bureau)
                .send();
        assertThat(hiddenInvite.status()).isEqualTo(400);
        assertThat(hiddenInvite.json().get("errors").findValuesAsString("field"))
                .contains("talentProfileIds[0]");

        // accepting lets the need's enterprise see the contact data, which it could not before
        assertThat(api.get("/talent-profiles/" + returning)
                        .as(enterprise)
                        .send()
                        .json()
                        .at("/contact/masked")
                        .asBoolean())
                .as("precondition: talent-e has no standing application to this enterprise")
                .isTrue();
        String returningInvitation = invitationFor("talent-e", campaignId);
        Response accepted = api.post(
                        "/campaign-invitations/" + returningInvitation + "/response", Map.of("decision", "accepted"))
                .as(token("talent-e"))
                .send();
        assertThat(accepted.json().get("status").asString()).isEqualTo("accepted");
        assertThat(api.post(
                                "/campaign-invitations/" + returningInvitation + "/response",
                                Map.of("decision", "declined"))
                        .as(token("talent-e"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                "/campaign-invitations/" + returningInvitation + "/response",
                                Map.of("decision", "declined"))
                        .as(token("talent-d"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/talent-profiles/" + returning)
                        .as(enterprise)
                        .send()
                        .json()
                        .at("/contact/masked")
                        .asBoolean())
                .isFalse();
        assertThat(api.post(
                                "/campaign-invitations/" + invitationFor("talent-d", campaignId) + "/response",
                                Map.of("decision", "declined"))
                        .as(token("talent-d"))
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("declined");

        // applications through the campaign; one hired before closing, one offered
        Response badCampaign = api.post(
                        "/talent-needs/" + needId + "/applications",
                        Map.of("campaignId", UUID.randomUUID().toString()))
                .as(token("talent-e"))
                .send();
        assertThat(badCampaign.status()).isEqualTo(400);
        String hiredBeforeClosing = apply("talent-e", needId, campaignId);
        String hiredAfterClosing = apply("talent-d", needId, campaignId);
        for (String stage : List.of("offered", "hired")) {
            assertThat(move(hiredBeforeClosing, stage)).isEqualTo(200);
        }
        assertThat(move(hiredAfterClosing, "offered")).isEqualTo(200);

        JsonNode live = api.get("/campaigns/" + campaignId + "/results")
                .as(bureau)
                .send()
                .json();
        assertThat(live.get("frozen").asBoolean()).isFalse();
        assertThat(live.get("views").asInt()).isEqualTo(2);
        assertFigures(live.get("total"), 2, 1, 2, 1);
        assertFigures(live.get("byNeed").get(0).get("figures"), 2, 1, 2, 1);
        assertThat(live.get("byIndustry").findValuesAsString("industry")).containsExactly("cured-pork");
        assertThat(live.get("total")).isEqualTo(countedDirectly(campaignId));
        assertThat(api.get("/campaigns/" + campaignId + "/results")
                        .as(token("regulator"))
                        .send()
                        .status())
                .isEqualTo(200);
        // a need with invitations and applications stays curated
        assertThat(api.delete("/campaigns/" + campaignId + "/needs/" + needId)
                        .as(bureau)
                        .send()
                        .status())
                .isEqualTo(409);
        // one invitation still pending when the campaign closes: it can no longer be answered
        String lateNeed = openNeed();
        api.put("/campaigns/" + campaignId + "/needs/" + lateNeed, null)
                .as(bureau)
                .send();
        assertThat(api.post(
                                "/campaigns/" + campaignId + "/invitations",
                                Map.of("needId", lateNeed, "talentProfileIds", List.of(home)))
                        .as(bureau)
                        .send()
                        .status())
                .isEqualTo(200);
        live = api.get("/campaigns/" + campaignId + "/results")
                .as(bureau)
                .send()
                .json();
        assertThat(api.get("/campaigns/" + campaignId + "/results")
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(403);

        Response closed = api.post("/campaigns/" + campaignId + "/closure", null)
                .as(bureau)
                .send();
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(api.post("/campaigns/" + campaignId + "/closure", null)
                        .as(bureau)
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/campaigns/" + campaignId + "/invitations", invite)
                        .as(bureau)
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/talent-needs/" + needId + "/applications", Map.of("campaignId", campaignId))
                        .as(token("talent-f"))
                        .send()
                        .status())
                .isEqualTo(409);
        // a hire after closing counts in the records, not in the frozen results
        assertThat(move(hiredAfterClosing, "hired")).isEqualTo(200);
        JsonNode frozen = api.get("/campaigns/" + campaignId + "/results")
                .as(bureau)
                .send()
                .json();
        assertThat(frozen.get("frozen").asBoolean()).isTrue();
        assertFigures(frozen.get("total"), 3, 1, 2, 1);
        // a talent who never opened it cannot open it once closed, so views stay as they were
        assertThat(api.get("/campaigns/" + campaignId)
                        .as(token("talent-f"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(frozen.get("views").asInt()).isEqualTo(2);
        assertThat(api.get("/campaigns/" + campaignId + "/results")
                        .as(bureau)
                        .send()
                        .json()
                        .get("views")
                        .asInt())
                .isEqualTo(2);
        assertThat(frozen.get("byNeed")).isEqualTo(live.get("byNeed"));
        assertThat(frozen.get("byIndustry")).isEqualTo(live.get("byIndustry"));
        String pending = null;
        for (JsonNode invitation : api.get("/campaign-invitations?limit=100")
                .as(token("talent-d"))
                .send()
                .json()
                .get("items")) {
            if (invitation.get("needId").asString().equals(lateNeed)) {
                pending = invitation.get("id").asString();
            }
        }
        assertThat(api.post("/campaign-invitations/" + pending + "/response", Map.of("decision", "accepted"))
                        .as(token("talent-d"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(countedDirectly(campaignId).get("hires").asInt()).isEqualTo(2);
        // a closed campaign is the bureau's and the regulator's to read
        assertThat(api.get("/campaigns/" + campaignId)
                        .as(token("talent-d"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/campaigns/" + campaignId)
                        .as(token("regulator"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenInvalidCampaigns_whenCreatedOrCurated_thenAProblemNamingTheFieldOrState() {
        String bureau = token("bureau");
        Map<String, Object> backwards = campaign("结束早于开始");
        backwards.put("endsOn", "2027-01-01");
        assertField(api.post("/campaigns", backwards).as(bureau).send(), "endsOn");
        Map<String, Object> nowhere = campaign("未知地区");
        nowhere.put("targetRegions", List.of("atlantis"));
        assertField(api.post("/campaigns", nowhere).as(bureau).send(), "targetRegions[0]");

        String campaignId = api.post("/campaigns", campaign("策展检查"))
                .as(bureau)
                .send()
                .json()
                .get("id")
                .asString();
        String draft = api.post("/talent-needs", talentNeed(2))
                .as(token("enterprise"))
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(api.put("/campaigns/" + campaignId + "/needs/" + draft, null)
                        .as(bureau)
                        .send()
                        .status())
                .isEqualTo(404);
        String open = openNeed();
        assertThat(api.put("/campaigns/" + campaignId + "/needs/" + open, null)
                        .as(bureau)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.delete("/campaigns/" + campaignId + "/needs/" + open)
                        .as(bureau)
                        .send()
                        .json()
                        .get("needs"))
                .isEmpty();
        assertThat(api.get("/campaigns/" + campaignId + "/needs/" + open + "/candidates")
                        .as(bureau)
                        .send()
                        .status())
                .isEqualTo(404);
        // the bureau sees referral chains, but not the id of a profile hidden since
        String referrer = saveProfile("talent-e", Map.of());
        String referred = saveProfile("talent-d", Map.of());
        String referral = api.post("/talent-needs/" + open + "/applications", Map.of("referrerProfileId", referrer))
                .as(token("talent-d"))
                .send()
                .json()
                .get("id")
                .asString();
        saveProfile("talent-e", Map.of("visibility", "hidden"));
        JsonNode referrals = api.get("/referrals?limit=100").as(bureau).send().json();
        JsonNode link = null;
        for (JsonNode item : referrals.get("items")) {
            if (item.get("applicationId").asString().equals(referral)) {
                link = item;
            }
        }
        assertThat(link).isNotNull();
        assertThat(link.has("referrerProfileId")).isFalse();
        assertThat(link.get("referredProfileId").asString()).isEqualTo(referred);
        for (JsonNode item : referrals.get("items")) {
            for (String side : List.of("referrerProfileId", "referredProfileId")) {
                if (item.has(side)) {
                    assertThat(jdbc.sql("select visibility from talent_profile where id = cast(:id as uuid)")
                                    .param("id", item.get(side).asString())
                                    .query(String.class)
                                    .single())
                            .as("no hidden profile's id among the referrals")
                            .isNotEqualTo("hidden");
                }
            }
        }
        saveProfile("talent-e", Map.of());
        assertThat(api.get("/referrals").as(token("talent")).send().status()).isEqualTo(403);
    }

    /** The figures counted straight from the tables, independently of the service. */
    private JsonNode countedDirectly(String campaignId) {
        Map<String, Object> row =
                jdbc.sql("""
                select (select count(*) from campaign_invitation where campaign_id = :c) as invitations,
                       (select count(*) from campaign_invitation where campaign_id = :c and status = 'accepted') as acceptances,
                       (select count(*) from talent_application where campaign_id = :c) as applications,
                       (select count(*) from talent_application where campaign_id = :c and status = 'hired') as hires""").param("c", UUID.fromString(campaignId)).query().singleRow();
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .valueToTree(Map.of(
                        "invitations", ((Number) row.get("invitations")).intValue(),
                        "acceptances", ((Number) row.get("acceptances")).intValue(),
                        "applications", ((Number) row.get("applications")).intValue(),
                        "hires", ((Number) row.get("hires")).intValue()));
    }

    private static void assertFigures(JsonNode figures, int invitations, int acceptances, int applications, int hires) {
        assertThat(figures.get("invitations").asInt()).as("invitations").isEqualTo(invitations);
        assertThat(figures.get("acceptances").asInt()).as("acceptances").isEqualTo(acceptances);
        assertThat(figures.get("applications").asInt()).as("applications").isEqualTo(applications);
        assertThat(figures.get("hires").asInt()).as("hires").isEqualTo(hires);
    }

    private void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    private String invitationFor(String user, String campaignId) {
        for (JsonNode invitation : api.get("/campaign-invitations?limit=100")
                .as(token(user))
                .send()
                .json()
                .get("items")) {
            if (invitation.get("campaignId").asString().equals(campaignId)) {
                return invitation.get("id").asString();
            }
        }
        throw new AssertionError(user + " has no invitation to " + campaignId);
    }

    private String apply(String user, String needId, String campaignId) {
        Response applied = api.post("/talent-needs/" + needId + "/applications", Map.of("campaignId", campaignId))
                .as(token(user))
                .send();
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.json().get("campaignId").asString()).isEqualTo(campaignId);
        return applied.json().get("id").asString();
    }

    private int move(String applicationId, String status) {
        return api.post("/talent-applications/" + applicationId + "/status", Map.of("status", status))
                .as(token("enterprise"))
                .send()
                .status();
    }

    private String saveProfile(String user, Map<String, Object> changes) {
        Map<String, Object> profile = talentProfile(user + " 返乡人才", "13600000000");
        profile.put("email", user + "@demo.duijie.local");
        profile.putAll(changes);
        Response saved = api.put("/talent-profiles/me", profile)
                .as(token(user))
                .header("If-Match", "*")
                .send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().get("id").asString();
    }

    private String openNeed() {
        String enterprise = token("enterprise");
        String id = api.post("/talent-needs", talentNeed(2))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/talent-needs/" + id + "/status", Map.of("status", "open"))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(200);
        return id;
    }
}
