package dev.duijie.financing;

import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.publication;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** draft → open → withdrawn, with who sees what at each step. */
class FinancingRequestLifecycleIT extends IntegrationTest {

    @Test
    void givenEnterprise_whenGoingThroughTheLifecycle_thenEachStepIsEnforcedAndVisibleToTheRightPeople() {
        String enterprise = token("enterprise");

        Response created = api.post("/financing-requests", financingDraft("腊肉车间扩建贷款"))
                .as(enterprise)
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        assertThat(created.json().get("amountFen").asLong()).isEqualTo(300_000_000L);
        assertThat(created.json().get("organizationId").asString()).isEqualTo(ENTERPRISE_ORG.toString());
        String path = "/financing-requests/" + created.json().get("id").asString();

        // a draft is its owner's alone
        assertThat(api.get(path).as(enterprise).send().status()).isEqualTo(200);
        assertThat(api.get(path).as(token("bank-a")).send().status()).isEqualTo(404);
        assertThat(api.get(path).as(token("newfirm")).send().status()).isEqualTo(404);
        assertThat(api.get(path).as(token("regulator")).send().status()).isEqualTo(404);

        Response published =
                api.post(path + "/publish", publication(14)).as(enterprise).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("open");
        assertThat(published.json().get("bidDeadline").isNull()).isFalse();

        // open: verified lenders and the regulator see it; another enterprise and a talent do not
        assertThat(api.get(path).as(token("bank-a")).send().status()).isEqualTo(200);
        assertThat(api.get(path).as(token("bank-b")).send().status()).isEqualTo(200);
        assertThat(api.get(path).as(token("guarantor")).send().status()).isEqualTo(200);
        assertThat(api.get(path).as(token("investor")).send().status()).isEqualTo(200);
        assertThat(api.get(path).as(token("regulator")).send().status()).isEqualTo(200);
        assertThat(api.get(path).as(token("newfirm")).send().status()).isEqualTo(404);
        assertThat(api.get(path).as(token("talent")).send().status()).isEqualTo(404);

        // an open request is no longer edited or published
        String etag = published.header("ETag").orElseThrow();
        assertThat(api.put(path, financingDraft("改标题"))
                        .as(enterprise)
                        .header("If-Match", etag)
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post(path + "/publish", publication(10))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(409);

        // another organization cannot withdraw it, and learns nothing
        assertThat(api.post(path + "/withdrawal", null)
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);

        Response withdrawn = api.post(path + "/withdrawal", null).as(enterprise).send();
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("withdrawn");
        assertThat(api.get(path).as(token("bank-a")).send().status()).isEqualTo(404);
        assertThat(api.post(path + "/withdrawal", null).as(enterprise).send().status())
                .isEqualTo(409);
    }

    @Test
    void givenIfMatch_whenUpdatingADraft_thenCurrentVersionWinsAndStaleOrMissingIsRefused() {
        String enterprise = token("enterprise");
        Response created = api.post("/financing-requests", financingDraft("设备更新贷款"))
                .as(enterprise)
                .send();
        String path = "/financing-requests/" + created.json().get("id").asString();
        String firstEtag = created.header("ETag").orElseThrow();

        Map<String, Object> changed = financingDraft("设备更新贷款（修订）");
        changed.put("amountFen", 450_000_000L);
        Response updated = api.put(path, changed)
                .as(enterprise)
                .header("If-Match", firstEtag)
                .send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("amountFen").asLong()).isEqualTo(450_000_000L);
        assertThat(updated.header("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(firstEtag));

        // someone who read before that update is refused, and changes nothing
        Map<String, Object> stale = financingDraft("过期的修改");
        Response refused = api.put(path, stale)
                .as(enterprise)
                .header("If-Match", firstEtag)
                .send();
        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.json().get("type").asString()).isEqualTo("https://duijie.example.cn/problems/stale-version");
        assertThat(api.get(path).as(enterprise).send().json().get("title").asString())
                .isEqualTo("设备更新贷款（修订）");

        Response missing = api.put(path, stale).as(enterprise).send();
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void givenStaleIfMatch_whenPublishingOrWithdrawing_then412AndNothingChanges() {
        String enterprise = token("enterprise");
        Response created = api.post("/financing-requests", financingDraft("带版本的发布"))
                .as(enterprise)
                .send();
        String path = "/financing-requests/" + created.json().get("id").asString();
        String firstEtag = created.header("ETag").orElseThrow();
        Response edited = api.put(path, financingDraft("带版本的发布（改）"))
                .as(enterprise)
                .header("If-Match", firstEtag)
                .send();
        assertThat(edited.status()).isEqualTo(200);

        assertThat(api.post(path + "/publish", publication(7))
                        .as(enterprise)
                        .header("If-Match", firstEtag)
                        .send()
                        .status())
                .isEqualTo(412);
        assertThat(api.post(path + "/withdrawal", null)
                        .as(enterprise)
                        .header("If-Match", firstEtag)
                        .send()
                        .status())
                .isEqualTo(412);
        assertThat(api.get(path).as(enterprise).send().json().get("status").asString())
                .isEqualTo("draft");

        Response published = api.post(path + "/publish", publication(7))
                .as(enterprise)
                .header("If-Match", edited.header("ETag").orElseThrow())
                .send();
        assertThat(published.status()).isEqualTo(200);
    }

    @Test
    void givenUnverifiedEnterprise_whenPublishing_thenForbiddenUntilTheRegulatorVerifies() {
        Response created = api.post("/financing-requests", financingDraft("新办企业的首贷"))
                .as(token("newfirm"))
                .send();
        assertThat(created.status()).isEqualTo(201);
        String path = "/financing-requests/" + created.json().get("id").asString();

        Response refused =
                api.post(path + "/publish", publication(7)).as(token("newfirm")).send();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString())
                .isEqualTo("https://duijie.example.cn/problems/organization-not-verified");
        assertThat(api.get(path)
                        .as(token("newfirm"))
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("draft");
    }

    @Test
    void givenDeadlineTooSoonOrTooFar_whenPublishing_then400NamingBidDeadline() {
        String enterprise = token("enterprise");
        String path = "/financing-requests/"
                + api.post("/financing-requests", financingDraft("期限校验"))
                        .as(enterprise)
                        .send()
                        .json()
                        .get("id")
                        .asString();

        for (int days : new int[] {0, 91, -3}) {
            Response response = api.post(path + "/publish", publication(days))
                    .as(enterprise)
                    .send();
            assertThat(response.status()).as("%d days ahead", days).isEqualTo(400);
            assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("bidDeadline");
        }
        assertThat(api.get(path).as(enterprise).send().json().get("status").asString())
                .isEqualTo("draft");
    }

    @Test
    void givenSeveralRequests_whenListingOwnPageByPage_thenEachOnceAndOnlyOwn() {
        String newfirm = token("newfirm");
        for (int i = 0; i < 5; i++) {
            api.post("/financing-requests", financingDraft("分页测试 " + i))
                    .as(newfirm)
                    .send();
        }
        Set<String> seen = new HashSet<>();
        int pages = 0;
        String cursor = null;
        do {
            Response page = api.get("/financing-requests?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .as(newfirm)
                    .send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                assertThat(item.get("organizationId").asString()).isEqualTo(NEWFIRM_ORG.toString());
                assertThat(seen.add(item.get("id").asString())).isTrue();
            });
            cursor = page.json().has("nextCursor")
                    ? page.json().get("nextCursor").asString()
                    : null;
            pages++;
        } while (cursor != null);

        int stored = jdbc.sql("select count(*) from financing_request where organization_id = :org")
                .param("org", NEWFIRM_ORG)
                .query(Integer.class)
                .single();
        assertThat(seen).hasSize(stored);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void givenStatusFilter_whenListingOwn_thenOnlyThatStatus() {
        Response drafts = api.get("/financing-requests?status=draft&limit=100")
                .as(token("enterprise"))
                .send();

        assertThat(drafts.status()).isEqualTo(200);
        assertThat(drafts.json().get("items").size()).isPositive();
        drafts.json()
                .get("items")
                .forEach(item -> assertThat(item.get("status").asString()).isEqualTo("draft"));
    }
}
