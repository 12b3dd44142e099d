package dev.duijie.security;

import static dev.duijie.support.Requests.financingDraft;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every token check for real: Keycloak issues, the backend validates. */
class SecurityIT extends IntegrationTest {

    @Test
    void givenNoToken_whenCallingTheApi_thenUnauthorizedWithBearerChallengeAndProblem() {
        Response response = api.get("/financing-requests").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://duijie.example.cn/problems/unauthenticated");
    }

    @Test
    void givenHealthAndContract_whenCalledWithoutToken_thenServed() {
        Response health = api.get("/actuator/health").send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/elasticsearch/status").asString())
                .isEqualTo("UP");

        Response contract = api.get("/openapi.yaml").header("Accept", "*/*").send();
        assertThat(contract.status()).isEqualTo(200);
        assertThat(contract.body()).contains("operationId: createFinancingRequest");
    }

    @Test
    void givenMetrics_whenReadByAnotherRoleThanTheRegulator_thenForbidden() {
        assertThat(api.get("/actuator/metrics").as(token("bank-a")).send().status())
                .isEqualTo(403);
        assertThat(api.get("/actuator/metrics/duijie.search.outbox.lag")
                        .as(token("regulator"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenTamperedPayload_whenCalling_thenUnauthorized() {
        String[] parts = token("bank-b").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("00000000-0000-4000-8000-000000000202", "00000000-0000-4000-8000-000000000101");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertThat(api.get("/organizations/me").as(forged).send().status()).isEqualTo(401);
    }

    @Test
    void givenTokenSignedByAnotherKey_whenCalling_thenUnauthorized() throws Exception {
        RSAKey attackerKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuerUri)
                .subject("attacker")
                .audience("duijie-api")
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .issueTime(new Date())
                .claim("realm_access", Map.of("roles", List.of("regulator")))
                .claim("organization", "00000000-0000-4000-8000-000000000001")
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(attackerKey.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(attackerKey));

        assertThat(api.get("/organizations").as(jwt.serialize()).send().status())
                .isEqualTo(401);
    }

    @Test
    void givenTokenForAnotherAudience_whenCalling_thenUnauthorized() {
        String otherAudience = tokens.fresh("duijie-other", "enterprise");

        Response response = api.get("/organizations/me").as(otherAudience).send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void givenExpiredToken_whenCalling_thenUnauthorized() throws InterruptedException {
        String shortLived = tokens.fresh("duijie-short-lived", "enterprise");
        assertThat(api.get("/organizations/me").as(shortLived).send().status()).isEqualTo(200);

        Thread.sleep(4_000); // lifespan 2 s + skew 1 s

        assertThat(api.get("/organizations/me").as(shortLived).send().status()).isEqualTo(401);
    }

    @Test
    void givenWrongRole_whenCreatingFinancingRequest_thenForbidden() {
        Response response = api.post("/financing-requests", financingDraft("银行不能发需求"))
                .as(token("bank-a"))
                .send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("https://duijie.example.cn/problems/forbidden");
    }

    @Test
    void givenWrongRole_whenListingOrganizations_thenForbidden() {
        assertThat(api.get("/organizations").as(token("talent")).send().status())
                .isEqualTo(403);
        assertThat(api.get("/organizations").as(token("enterprise")).send().status())
                .isEqualTo(403);
    }

    @Test
    void givenRealmRoles_whenReadingOwnOrganization_thenTheOrganizationClaimDecides() {
        Response mine = api.get("/organizations/me").as(token("bank-a")).send();

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("id").asString()).isEqualTo(BANK_A_ORG.toString());
        assertThat(mine.json().get("type").asString()).isEqualTo("bank");
        assertThat(api.get("/organizations/me").as(token("talent")).send().status())
                .isEqualTo(404);
    }
}
