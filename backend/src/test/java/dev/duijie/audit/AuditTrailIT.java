package dev.duijie.audit;

import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.publication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditTrailIT extends IntegrationTest {

    @Test
    void givenARequestsLifecycle_whenTheRegulatorReadsTheTrail_thenEveryChangeIsThereWithBeforeAndAfter() {
        String enterprise = token("enterprise");
        String id = api.post("/financing-requests", financingDraft("审计跟踪"))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/financing-requests/" + id + "/publish", publication(10))
                .as(enterprise)
                .send();
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
