package dev.duijie.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class OrganizationsIT extends IntegrationTest {

    @Test
    void givenRegulator_whenRegisteringAndVerifying_thenTheOrganizationBecomesVerified() {
        String code = freshCreditCode();
        Response registered = api.post("/organizations", registration(code))
                .as(token("regulator"))
                .send();

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().get("verified").asBoolean()).isFalse();
        assertThat(registered.json().get("creditCode").asString()).isEqualTo(code);
        String id = registered.json().get("id").asString();
        assertThat(registered.header("Location")).hasValue("/organizations/" + id);

        Response verified = api.post(
                        "/organizations/" + id + "/verification", Map.of("licenceChecked", true, "note", "营业执照已核验"))
                .as(token("regulator"))
                .send();

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("verified").asBoolean()).isTrue();
        assertThat(verified.json().get("verifiedAt").isNull()).isFalse();
        assertThat(api.get("/organizations/" + id)
                        .as(token("regulator"))
                        .send()
                        .json()
                        .get("verified")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void givenBadCheckCharacter_whenRegistering_then400NamingCreditCodeAndNothingStored() {
        String good = freshCreditCode();
        char last = good.charAt(17);
        String bad = good.substring(0, 17) + (last == '0' ? '1' : '0');

        Response response = api.post("/organizations", registration(bad))
                .as(token("regulator"))
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("creditCode");
        assertThat(countWithCode(bad)).isZero();
    }

    @Test
    void givenCodeWithForbiddenLetters_whenRegistering_then400() {
        Response response = api.post("/organizations", registration("91610900MA0000I01O"))
                .as(token("regulator"))
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("creditCode");
    }

    @Test
    void givenCodeAlreadyRegistered_whenRegisteringAgain_thenConflict() {
        String code = freshCreditCode();
        assertThat(api.post("/organizations", registration(code))
                        .as(token("regulator"))
                        .send()
                        .status())
                .isEqualTo(201);

        Response again = api.post("/organizations", registration(code))
                .as(token("regulator"))
                .send();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("https://duijie.example.cn/problems/duplicate");
        assertThat(countWithCode(code)).isEqualTo(1);
    }

    @Test
    void givenRetryWithSameIdempotencyKey_whenRegistering_thenTheFirstResultAndOneRow() {
        String code = freshCreditCode();
        String key = "reg-" + UUID.randomUUID();

        Response first = api.post("/organizations", registration(code))
                .as(token("regulator"))
                .header("Idempotency-Key", key)
                .send();
        Response retry = api.post("/organizations", registration(code))
                .as(token("regulator"))
                .header("Idempotency-Key", key)
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(countWithCode(code)).isEqualTo(1);
    }

    @Test
    void givenNonRegulator_whenRegisteringOrVerifying_thenForbidden() {
        assertThat(api.post("/organizations", registration(freshCreditCode()))
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/organizations/" + NEWFIRM_ORG + "/verification", Map.of("licenceChecked", true))
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void givenMember_whenReadingOrganizations_thenOwnVisibleAndOthersNotFound() {
        assertThat(api.get("/organizations/" + ENTERPRISE_ORG)
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/organizations/" + ENTERPRISE_ORG)
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/organizations/" + UUID.randomUUID())
                        .as(token("regulator"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void givenManyOrganizations_whenListingPageByPage_thenEveryOneOnceNewestFirst() {
        for (int i = 0; i < 3; i++) {
            api.post("/organizations", registration(freshCreditCode()))
                    .as(token("regulator"))
                    .send();
        }
        List<String> seen = new java.util.ArrayList<>();
        List<java.time.Instant> created = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get("/organizations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .as(token("regulator"))
                    .send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                seen.add(item.get("id").asString());
                created.add(java.time.Instant.parse(item.get("createdAt").asString()));
            });
            cursor = page.json().has("nextCursor")
                    ? page.json().get("nextCursor").asString()
                    : null;
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(seen)
                .hasSize(jdbc.sql("select count(*) from organization")
                        .query(Integer.class)
                        .single());
    }

    @Test
    void givenVerifiedAndWaitingOrganizations_whenListingByVerified_thenEachListHasExactlyItsOwnAcrossPages() {
        String waiting = api.post("/organizations", registration(freshCreditCode()))
                .as(token("regulator"))
                .send()
                .json()
                .get("id")
                .asString();

        List<String> waitingIds = allIds("verified=false");
        List<String> verifiedIds = allIds("verified=true");

        assertThat(waitingIds).contains(waiting, NEWFIRM_ORG.toString()).doesNotContain(ENTERPRISE_ORG.toString());
        assertThat(verifiedIds).contains(ENTERPRISE_ORG.toString()).doesNotContain(waiting);
        assertThat(waitingIds)
                .hasSize(jdbc.sql("select count(*) from organization where verified_at is null")
                        .query(Integer.class)
                        .single());
        assertThat(verifiedIds)
                .hasSize(jdbc.sql("select count(*) from organization where verified_at is not null")
                        .query(Integer.class)
                        .single());
        assertThat(api.get("/organizations?verified=maybe")
                        .as(token("regulator"))
                        .send()
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("verified");
    }

    private List<String> allIds(String filter) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get("/organizations?limit=3&" + filter + (cursor == null ? "" : "&cursor=" + cursor))
                    .as(token("regulator"))
                    .send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = page.json().has("nextCursor")
                    ? page.json().get("nextCursor").asString()
                    : null;
        } while (cursor != null);
        assertThat(ids).doesNotHaveDuplicates();
        return ids;
    }

    @Test
    void givenNameOfSpacesOrNullListItems_whenRegistering_then400NamingTheFieldAndNothingStored() {
        String code = freshCreditCode();
        Map<String, Object> blankName = registration(code);
        blankName.put("name", "   ");
        Map<String, Object> nullIndustry = registration(code);
        nullIndustry.put("industries", java.util.Arrays.asList("medicinal-herbs", null));
        Map<String, Object> nullFlags = registration(code);
        nullFlags.put("flags", null);

        Response blank =
                api.post("/organizations", blankName).as(token("regulator")).send();
        Response nullItem =
                api.post("/organizations", nullIndustry).as(token("regulator")).send();

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().at("/errors/0/field").asString()).isEqualTo("name");
        assertThat(nullItem.status()).isEqualTo(400);
        assertThat(nullItem.json().at("/errors/0/field").asString()).isEqualTo("industries[1]");
        assertThat(countWithCode(code)).isZero();
        // an explicit null for an optional list means none
        assertThat(api.post("/organizations", nullFlags)
                        .as(token("regulator"))
                        .send()
                        .status())
                .isEqualTo(201);
    }

    private int countWithCode(String code) {
        return jdbc.sql("select count(*) from organization where credit_code = :code")
                .param("code", code)
                .query(Integer.class)
                .single();
    }

    private static Map<String, Object> registration(String creditCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "enterprise");
        body.put("name", "南山中药材种植合作社");
        body.put("creditCode", creditCode);
        body.put("region", "nanshan");
        body.put("industries", List.of("medicinal-herbs"));
        body.put("tier", "micro");
        body.put("flags", List.of());
        return body;
    }

    /** A random, valid unified social credit code. */
    static String freshCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91610900");
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString() + CreditCode.checkCharacter(code.toString());
    }
}
