package dev.duijie.talent;

import static dev.duijie.support.Requests.talentNeed;
import static dev.duijie.support.Requests.talentProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.AtOnce;
import dev.duijie.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The talent marketplace with real tokens: profiles and who sees contact data, needs through their
 * lifecycle, applications through the pipeline to a hire that fills the need, duplicates, referral credit.
 */
class TalentMarketplaceIT extends IntegrationTest {

    @Test
    void givenATalentReferredByAnother_whenAppliedAndHired_thenTheNeedFillsAndTheReferrerGetsTheCredit() {
        String referrer = saveProfile("talent", "王推荐", "13800000001", Map.of());
        saveProfile("talent-b", "李应聘", "13912345678", Map.of());
        saveProfile("talent-c", "赵隐名", "13700001111", Map.of());
        int hiresBefore = api.get("/talent-profiles/me/referrals")
                .as(token("talent"))
                .send()
                .json()
                .get("hires")
                .asInt();
        String needId = openNeed(1);

        Response applied = api.post(
                        "/talent-needs/" + needId + "/applications",
                        Map.of("coverLetter", "在深圳做了八年腊肉加工，想回县里。", "referrerProfileId", referrer))
                .as(token("talent-b"))
                .send();
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String applicationId = applied.json().get("id").asString();
        assertThat(applied.json().get("status").asString()).isEqualTo("applied");

        // one application per talent per need
        Response again = api.post("/talent-needs/" + needId + "/applications", Map.of())
                .as(token("talent-b"))
                .send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/duplicate");

        String enterprise = token("enterprise");
        for (String stage : List.of("shortlisted", "interview", "offered")) {
            Response moved = api.post("/talent-applications/" + applicationId + "/status", Map.of("status", stage))
                    .as(enterprise)
                    .send();
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().get("status").asString()).isEqualTo(stage);
        }
        Response backwards = api.post(
                        "/talent-applications/" + applicationId + "/status", Map.of("status", "shortlisted"))
                .as(enterprise)
                .send();
        assertThat(backwards.status()).isEqualTo(409);
        Response hired = api.post("/talent-applications/" + applicationId + "/status", Map.of("status", "hired"))
                .as(enterprise)
                .send();
        assertThat(hired.status()).as(hired.toString()).isEqualTo(200);
        assertThat(hired.json().has("decidedAt")).isTrue();

        JsonNode need = api.get("/talent-needs/" + needId).as(enterprise).send().json();
        assertThat(need.get("status").asString()).isEqualTo("filled");
        assertThat(need.get("openHeadcount").asInt()).isZero();
        // a filled need takes no more applications; a hired application cannot be withdrawn
        Response late = api.post("/talent-needs/" + needId + "/applications", Map.of())
                .as(token("talent-c"))
                .send();
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("未开放"); // Chinese by default
        assertThat(api.post("/talent-applications/" + applicationId + "/withdrawal", null)
                        .as(token("talent-b"))
                        .send()
                        .status())
                .isEqualTo(409);

        JsonNode referrals = api.get("/talent-profiles/me/referrals")
                .as(token("talent"))
                .send()
                .json();
        assertThat(referrals.get("items").findValuesAsString("applicationId")).contains(applicationId);
        assertThat(referrals.get("hires").asInt()).isEqualTo(hiresBefore + 1);
        JsonNode mine =
                api.get("/talent-applications").as(token("talent-b")).send().json();
        assertThat(mine.get("items").findValuesAsString("id")).contains(applicationId);
    }

    @Test
    void givenProfiles_whenOthersLook_thenContactDataOnlyForTheTalentAndTheEnterprisesTheyAppliedTo() {
        String applicant = saveProfile("talent-b", "李应聘", "13912345678", Map.of("visibility", "public"));
        String stranger = saveProfile("talent-c", "赵隐名", "13700001111", Map.of("visibility", "anonymous"));
        String needId = openNeed(2);
        assertThat(api.post("/talent-needs/" + needId + "/applications", Map.of())
                        .as(token("talent-b"))
                        .send()
                        .status())
                .isEqualTo(201);

        JsonNode own =
                api.get("/talent-profiles/me").as(token("talent-b")).send().json();
        assertThat(own.at("/contact/phone").asString()).isEqualTo("13912345678");
        assertThat(own.at("/contact/masked").asBoolean()).isFalse();

        JsonNode toEmployer = api.get("/talent-profiles/" + applicant)
                .as(token("enterprise"))
                .send()
                .json();
        assertThat(toEmployer.at("/contact/phone").asString()).isEqualTo("13912345678");
        JsonNode applicants = api.get("/talent-needs/" + needId + "/applications")
                .as(token("enterprise"))
                .send()
                .json();
        assertThat(applicants.get("items").findValuesAsString("phone")).contains("13912345678");

        for (String viewer : List.of("bureau", "regulator", "newfirm")) {
            Response seen =
                    api.get("/talent-profiles/" + applicant).as(token(viewer)).send();
            assertThat(seen.status()).as(viewer).isEqualTo(200);
            assertThat(seen.json().at("/contact/phone").asString()).as(viewer).isEqualTo("139****5678");
            assertThat(seen.json().at("/contact/email").asString()).as(viewer).isEqualTo("t***@demo.duijie.local");
            assertThat(seen.json().at("/contact/masked").asBoolean()).isTrue();
            assertThat(seen.body()).as(viewer).doesNotContain("13912345678");
        }
        JsonNode anonymous = api.get("/talent-profiles/" + stranger)
                .as(token("enterprise"))
                .send()
                .json();
        assertThat(anonymous.has("displayName")).isFalse();
        assertThat(anonymous.at("/contact/phone").asString()).isEqualTo("137****1111");
        // other talents and lenders do not browse profiles; the applicants list is the owner's only
        assertThat(api.get("/talent-profiles/" + applicant)
                        .as(token("talent-c"))
                        .send()
                        .status())
                .isEqualTo(404);
        for (String lender : List.of("bank-a", "bank-b", "guarantor", "investor")) {
            assertThat(api.get("/talent-profiles/" + applicant)
                            .as(token(lender))
                            .send()
                            .status())
                    .as(lender)
                    .isEqualTo(403);
            assertThat(api.get("/talent-needs/" + needId + "/applications")
                            .as(token(lender))
                            .send()
                            .status())
                    .as(lender)
                    .isEqualTo(403);
        }
        assertThat(api.get("/talent-needs/" + needId + "/applications")
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);

        saveProfile("talent-c", "赵隐名", "13700001111", Map.of("visibility", "hidden"));
        assertThat(api.get("/talent-profiles/" + stranger)
                        .as(token("bureau"))
                        .send()
                        .status())
                .isEqualTo(404);

        // the audit trail, which the regulator reads, records profile changes without contact data
        List<String> audited = jdbc.sql("select after_state::text from audit_event where entity_id = :id")
                .param("id", UUID.fromString(applicant))
                .query(String.class)
                .list();
        assertThat(audited)
                .isNotEmpty()
                .noneMatch(state -> state.contains("13912345678") || state.contains("@demo.duijie.local"));
    }

    @Test
    void givenNeeds_whenTheirLifecycleIsUsed_thenOnlyAllowedStepsAndViewersSucceed() {
        String enterprise = token("enterprise");
        Response created =
                api.post("/talent-needs", talentNeed(1)).as(enterprise).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String needId = created.json().get("id").asString();
        assertThat(api.get("/talent-needs/" + needId).as(token("talent")).send().status())
                .isEqualTo(404);
        saveProfile("talent", "王推荐", "13800000001", Map.of());
        assertThat(api.post("/talent-needs/" + needId + "/applications", Map.of())
                        .as(token("talent"))
                        .send()
                        .status())
                .isEqualTo(404);

        Response edited = api.put("/talent-needs/" + needId, talentNeed(3))
                .as(enterprise)
                .header("If-Match", created.header("ETag").orElseThrow())
                .send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("openHeadcount").asInt()).isEqualTo(3);
        assertThat(api.put("/talent-needs/" + needId, talentNeed(2))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(428);
        assertThat(api.put("/talent-needs/" + needId, talentNeed(2))
                        .as(enterprise)
                        .header("If-Match", created.header("ETag").orElseThrow())
                        .send()
                        .status())
                .isEqualTo(412);

        Response opened = api.post("/talent-needs/" + needId + "/status", Map.of("status", "open"))
                .as(enterprise)
                .send();
        assertThat(opened.status()).isEqualTo(200);
        assertThat(api.get("/talent-needs/" + needId).as(token("talent")).send().status())
                .isEqualTo(200);
        JsonNode forHerbs = api.get("/open-talent-needs?skill=food-technology&region=county&limit=100")
                .as(token("talent"))
                .send()
                .json();
        assertThat(forHerbs.get("items").findValuesAsString("id")).contains(needId);
        assertThat(api.get("/open-talent-needs?skill=lacquer-work&limit=100")
                        .as(token("talent"))
                        .send()
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .doesNotContain(needId);
        assertThat(api.put("/talent-needs/" + needId, talentNeed(2))
                        .as(enterprise)
                        .header("If-Match", "*")
                        .send()
                        .status())
                .isEqualTo(409);

        String unverifiedNeed = api.post("/talent-needs", talentNeed(1))
                .as(token("newfirm"))
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/talent-needs/" + unverifiedNeed + "/status", Map.of("status", "open"))
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/talent-needs", talentNeed(1))
                        .as(token("talent"))
                        .send()
                        .status())
                .isEqualTo(403);

        Response closed = api.post("/talent-needs/" + needId + "/status", Map.of("status", "closed"))
                .as(enterprise)
                .send();
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(api.post("/talent-needs/" + needId + "/applications", Map.of())
                        .as(token("talent"))
                        .send()
                        .status())
                .isEqualTo(409);
    }

    @Test
    void givenInvalidProfilesNeedsAndApplications_whenSent_thenAProblemNamingTheFieldAndNothingStored() {
        saveProfile("talent-c", "赵隐名", "13700001111", Map.of());
        JsonNode before =
                api.get("/talent-profiles/me").as(token("talent-c")).send().json();
        Map<String, Object> unknownSkill = talentProfile("坏技能", "13800000009");
        unknownSkill.put("skills", List.of("juggling"));
        assertField(
                api.put("/talent-profiles/me", unknownSkill)
                        .as(token("talent-c"))
                        .header("If-Match", "*")
                        .send(),
                "skills[0]");
        Map<String, Object> salary = talentProfile("工资倒挂", "13800000009");
        salary.put("salaryMinFen", 2_000_000L);
        salary.put("salaryMaxFen", 1_000_000L);
        assertField(
                api.put("/talent-profiles/me", salary)
                        .as(token("talent-c"))
                        .header("If-Match", "*")
                        .send(),
                "salaryMaxFen");
        Map<String, Object> phone = talentProfile("坏电话", "call me");
        assertField(
                api.put("/talent-profiles/me", phone)
                        .as(token("talent-c"))
                        .header("If-Match", "*")
                        .send(),
                "phone");

        assertThat(api.get("/talent-profiles/me").as(token("talent-c")).send().json())
                .isEqualTo(before);

        String title = "坏需求 " + uniqueWord();
        Map<String, Object> badNeed = talentNeed(1);
        badNeed.put("title", title);
        badNeed.put("requiredSkills", List.of("meat-curing", "sword-swallowing"));
        assertField(api.post("/talent-needs", badNeed).as(token("enterprise")).send(), "requiredSkills[1]");
        Map<String, Object> noPlaces = talentNeed(1);
        noPlaces.put("title", title);
        noPlaces.put("headcount", 0);
        assertField(api.post("/talent-needs", noPlaces).as(token("enterprise")).send(), "headcount");
        assertThat(jdbc.sql("select count(*) from talent_need where title = :title")
                        .param("title", title)
                        .query(Integer.class)
                        .single())
                .isZero();

        String self = saveProfile("talent", "王推荐", "13800000001", Map.of());
        String needId = openNeed(1);
        assertField(
                api.post("/talent-needs/" + needId + "/applications", Map.of("referrerProfileId", self))
                        .as(token("talent"))
                        .send(),
                "referrerProfileId");
        assertField(
                api.post(
                                "/talent-needs/" + needId + "/applications",
                                Map.of("referrerProfileId", UUID.randomUUID().toString()))
                        .as(token("talent"))
                        .send(),
                "referrerProfileId");
        assertThat(jdbc.sql("select count(*) from talent_application where need_id = :id")
                        .param("id", UUID.fromString(needId))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void givenOnePlaceLeftAndTwoOffers_whenBothAreHiredAtOnce_thenExactlyOneHireAndTheNeedIsFilled() throws Exception {
        saveProfile("talent", "王推荐", "13800000001", Map.of());
        saveProfile("talent-b", "李应聘", "13912345678", Map.of());
        String needId = openNeed(1);
        String enterprise = token("enterprise");
        String[] offered = new String[2];
        String[] talents = {"talent", "talent-b"};
        for (int i = 0; i < 2; i++) {
            offered[i] = api.post("/talent-needs/" + needId + "/applications", Map.of())
                    .as(token(talents[i]))
                    .send()
                    .json()
                    .get("id")
                    .asString();
            assertThat(api.post("/talent-applications/" + offered[i] + "/status", Map.of("status", "offered"))
                            .as(enterprise)
                            .send()
                            .status())
                    .isEqualTo(200);
        }
        List<Integer> statuses = AtOnce.send(
                        () -> api.post("/talent-applications/" + offered[0] + "/status", Map.of("status", "hired"))
                                .as(enterprise)
                                .send(),
                        () -> api.post("/talent-applications/" + offered[1] + "/status", Map.of("status", "hired"))
                                .as(enterprise)
                                .send())
                .stream()
                .map(Response::status)
                .sorted()
                .toList();

        assertThat(statuses).containsExactly(200, 409);
        assertThat(jdbc.sql("select count(*) from talent_application where need_id = :id and status = 'hired'")
                        .param("id", UUID.fromString(needId))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select status || '/' || open_headcount from talent_need where id = :id")
                        .param("id", UUID.fromString(needId))
                        .query(String.class)
                        .single())
                .isEqualTo("filled/0");
    }

    @Test
    void givenAPipeline_whenTalentsWithdrawAndTheEnterpriseRejectsRetriesAndHires_thenEachStepAnswersAsItShould() {
        saveProfile("talent", "王推荐", "13800000001", Map.of());
        saveProfile("talent-b", "李应聘", "13912345678", Map.of());
        saveProfile("talent-c", "赵隐名", "13700001111", Map.of("visibility", "hidden"));
        String needId = openNeed(2);
        String enterprise = token("enterprise");

        // a retry with the same Idempotency-Key is the same application; the same key with another body is a 422
        Response first = api.post("/talent-needs/" + needId + "/applications", Map.of("coverLetter", "第一次"))
                .as(token("talent"))
                .header("Idempotency-Key", "apply-" + needId)
                .send();
        Response retry = api.post("/talent-needs/" + needId + "/applications", Map.of("coverLetter", "第一次"))
                .as(token("talent"))
                .header("Idempotency-Key", "apply-" + needId)
                .send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(api.post("/talent-needs/" + needId + "/applications", Map.of("coverLetter", "改了"))
                        .as(token("talent"))
                        .header("Idempotency-Key", "apply-" + needId)
                        .send()
                        .status())
                .isEqualTo(422);
        String hiredOne = first.json().get("id").asString();

        // a withdrawn applicant's contact data and hidden profile are no longer the enterprise's to see
        String hiddenProfile = api.get("/talent-profiles/me")
                .as(token("talent-c"))
                .send()
                .json()
                .get("id")
                .asString();
        String withdrawn = api.post("/talent-needs/" + needId + "/applications", Map.of())
                .as(token("talent-c"))
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(api.get("/talent-profiles/" + hiddenProfile)
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(200);
        Response withdrawal = api.post("/talent-applications/" + withdrawn + "/withdrawal", null)
                .as(token("talent-c"))
                .send();
        assertThat(withdrawal.json().get("status").asString()).isEqualTo("withdrawn");
        assertThat(api.get("/talent-profiles/" + hiddenProfile)
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(404);
        JsonNode listed = api.get("/talent-needs/" + needId + "/applications")
                .as(enterprise)
                .send()
                .json();
        assertThat(listed.toString()).doesNotContain("13700001111");
        assertThat(api.post("/talent-applications/" + withdrawn + "/status", Map.of("status", "shortlisted"))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(409);

        // a stale If-Match changes nothing; a hire needs an offer first
        Response shortlisted = api.post("/talent-applications/" + hiredOne + "/status", Map.of("status", "shortlisted"))
                .as(enterprise)
                .send();
        assertThat(api.post("/talent-applications/" + hiredOne + "/status", Map.of("status", "interview"))
                        .as(enterprise)
                        .header("If-Match", "\"1\"")
                        .send()
                        .status())
                .isEqualTo(412);
        assertThat(api.post("/talent-applications/" + hiredOne + "/status", Map.of("status", "hired"))
                        .as(enterprise)
                        .header("If-Match", shortlisted.header("ETag").orElseThrow())
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/talent-applications/" + hiredOne + "/status", Map.of("status", "offered"))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/talent-applications/" + hiredOne + "/status", Map.of("status", "hired"))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(200);
        JsonNode afterOneHire =
                api.get("/talent-needs/" + needId).as(enterprise).send().json();
        assertThat(afterOneHire.get("openHeadcount").asInt()).isEqualTo(1);
        assertThat(afterOneHire.get("status").asString()).isEqualTo("open");

        // closing the need leaves open applications only to be turned down
        String pending = api.post("/talent-needs/" + needId + "/applications", Map.of())
                .as(token("talent-b"))
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/talent-needs/" + needId + "/status", Map.of("status", "closed"))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/talent-applications/" + pending + "/status", Map.of("status", "shortlisted"))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(409);
        Response rejected = api.post("/talent-applications/" + pending + "/status", Map.of("status", "rejected"))
                .as(enterprise)
                .send();
        assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
        assertThat(api.post("/talent-applications/" + pending + "/withdrawal", null)
                        .as(token("talent-b"))
                        .send()
                        .status())
                .isEqualTo(409);
        // nobody else sees an application
        assertThat(api.get("/talent-applications/" + pending)
                        .as(token("talent"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/talent-applications/" + pending)
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/talent-applications/" + pending)
                        .as(token("talent-b"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    private void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .as(response.toString())
                .contains(field);
    }

    /** Saves the user's profile (creating or replacing it) and returns its id. */
    private String saveProfile(String user, String name, String phone, Map<String, Object> changes) {
        Map<String, Object> body = talentProfile(name, phone);
        body.putAll(changes);
        Response saved = api.put("/talent-profiles/me", body)
                .as(token(user))
                .header("If-Match", "*")
                .send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().get("id").asString();
    }

    private String openNeed(int headcount) {
        String enterprise = token("enterprise");
        String id = api.post("/talent-needs", talentNeed(headcount))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        Response opened = api.post("/talent-needs/" + id + "/status", Map.of("status", "open"))
                .as(enterprise)
                .send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return id;
    }
}
