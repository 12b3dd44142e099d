package dev.duijie.audit;

import static dev.duijie.support.Requests.financingDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditTrailIT extends IntegrationTest {

    @Test
    void givenARequestsLifecycle_whenTheRegulatorReadsTheTrail_thenEveryChangeIsThereWithBeforeAndAfter() {
        String enterprise = token("enterprise");
        String id = publishedRequest("审计跟踪", 10);
        api.post("/financing-requests/" + id + "/withdrawal", null)
                .as(enterprise)
                .send();

        Response trail = api.get("/audit-events?entityType=financing-request&entityId=" + id)
                .as(token("regulator"))
                .send();

        assertThat(trail.status()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        trail.json().get("items").forEach(events::add);
        assertThat(events)
                .extracting(e -> e.get("action").asString())
                .containsExactly(
                        "financing-request.withdrawn", "financing-request.published", "financing-request.created");
        JsonNode published = events.get(1);
        assertThat(published.at("/before/status").asString()).isEqualTo("DRAFT");
        assertThat(published.at("/after/status").asString()).isEqualTo("OPEN");
        assertThat(published.get("actorOrganizationId").asString()).isEqualTo(ENTERPRISE_ORG.toString());
        assertThat(events.get(2).has("before")).isFalse();
    }

    @Test
    void givenFilters_whenTheRegulatorReadsTheTrail_thenOnlyEventsInTheHalfOpenRangeByThatActorAndActionCome() {
        String id = publishedRequest("审计筛选", 10);
        String regulator = token("regulator");
        String published = "/audit-events?entityId=" + id + "&action=financing-request.published";
        JsonNode event =
                api.get(published).as(regulator).send().json().get("items").get(0);
        Instant at = Instant.parse(event.get("occurredAt").asString());

        assertThat(actions("/audit-events?entityId=" + id, regulator))
                .containsExactly("financing-request.published", "financing-request.created");
        assertThat(actions(published, regulator)).containsExactly("financing-request.published");
        assertThat(actions(published + "&from=" + at + "&to=" + at.plusMillis(1), regulator))
                .as("from is included")
                .containsExactly("financing-request.published");
        assertThat(actions(published + "&from=" + at.minusSeconds(60) + "&to=" + at, regulator))
                .as("to is not")
                .isEmpty();
        assertThat(actions(published + "&from=" + at.plusMillis(1), regulator)).isEmpty();
        assertThat(actions(published + "&to=" + at.plusMillis(1), regulator)).hasSize(1);
        assertThat(actions("/audit-events?entityId=" + id + "&actorOrganizationId=" + ENTERPRISE_ORG, regulator))
                .hasSize(2);
        assertThat(actions("/audit-events?entityId=" + id + "&actorOrganizationId=" + BANK_A_ORG, regulator))
                .isEmpty();
        assertThat(actions("/audit-events?action=financing-request.published&limit=100", regulator))
                .isNotEmpty()
                .containsOnly("financing-request.published");
    }

    @Test
    void givenARangeThatEndsBeforeItStarts_whenReadingTheTrail_then400NamingTo() {
        Instant now = Instant.now();
        for (String range : List.of("from=" + now + "&to=" + now.minusSeconds(3600), "from=" + now + "&to=" + now)) {
            Response refused = api.get("/audit-events?" + range)
                    .as(token("regulator"))
                    .header("Accept-Language", "zh-CN")
                    .send();
            assertThat(refused.status()).as(range).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("to");
            assertThat(refused.json().get("errors").findValuesAsString("message"))
                    .containsExactly("必须晚于开始时间 from（时间段包含开始时间，不含结束时间 to）");
        }
        for (String bad : List.of("from=yesterday", "to=2026-13-01T00:00:00Z", "action=DROP%20TABLE", "action=bid")) {
            Response refused =
                    api.get("/audit-events?" + bad).as(token("regulator")).send();
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field"))
                    .as(bad)
                    .containsExactly(bad.substring(0, bad.indexOf('=')));
        }
    }

    private List<String> actions(String path, String token) {
        Response read = api.get(path).as(token).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        read.json().get("items").forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    @Test
    void givenOtherRoles_whenReadingTheTrail_thenForbidden() {
        assertThat(api.get("/audit-events").as(token("enterprise")).send().status())
                .isEqualTo(403);
        assertThat(api.get("/audit-events").as(token("bank-a")).send().status()).isEqualTo(403);
    }

    @Test
    void givenTheTrail_whenSomeoneTriesToEditOrDeleteIt_thenTheDatabaseRefuses() {
        String enterprise = token("enterprise");
        api.post("/financing-requests", financingDraft("不可篡改")).as(enterprise).send();

        assertThatThrownBy(() ->
                        jdbc.sql("update audit_event set action = 'forged'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
    }
}
