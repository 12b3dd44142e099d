package dev.duijie.ratelimit;

import static dev.duijie.support.Requests.financingDraft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The request budgets for real, in a backend of its own with tiny budgets: 5 requests at once then one every
 * 2 s, and 2 matches or searches at once, counted in PostgreSQL (the default store). Each test spends the budget
 * of its own demo users, so the tests do not depend on each other's order; the unauthenticated ones share the
 * loopback address and live in one test.
 */
class RateLimitIT extends IntegrationTest {

    private static final int BURST = 5;
    private static final int EXPENSIVE_BURST = 2;
    private static final String TOO_MANY = "https://duijie.example.cn/problems/too-many-requests";

    @Autowired
    RateLimitCleanup cleanup;

    // dynamic properties outrank the generous budgets IntegrationTest gives every other test
    @DynamicPropertySource
    static void tinyBudgets(DynamicPropertyRegistry registry) {
        registry.add("duijie.rate-limit.general.per-second", () -> "0.5");
        registry.add("duijie.rate-limit.general.burst", () -> BURST);
        registry.add("duijie.rate-limit.expensive.per-second", () -> "0.5");
        registry.add("duijie.rate-limit.expensive.burst", () -> EXPENSIVE_BURST);
    }

    @Test
    void givenABurstOfCreatesOverTheBudget_whenSent_thenTheRestAre429AndStoredNothing() {
        String title = "限流 " + uniqueWord();
        // in English and Chinese by turns, until both have been refused (a refill may let a few more through)
        List<Response> english = new ArrayList<>();
        List<Response> chinese = new ArrayList<>();
        for (int i = 0; i < 40 && !(refusedAny(english) && refusedAny(chinese)); i++) {
            List<Response> answers = i % 2 == 0 ? english : chinese;
            answers.add(api.post("/financing-requests", financingDraft(title))
                    .as(token("enterprise"))
                    .header("Accept-Language", answers == english ? "en" : "zh-CN")
                    .send());
        }
        List<Response> answers = new ArrayList<>(english);
        answers.addAll(chinese);

        assertThat(answers).extracting(Response::status).containsOnly(201, 429);
        assertThat(english.subList(0, 3))
                .as("the burst of 5 was sent en, zh, en, zh, en")
                .extracting(Response::status)
                .containsOnly(201);
        assertThat(chinese.subList(0, 2)).extracting(Response::status).containsOnly(201);
        assertThat(refusedAny(english) && refusedAny(chinese))
                .as("refused in both languages")
                .isTrue();
        long created = answers.stream().filter(answer -> answer.status() == 201).count();
        assertThat(rowsTitled(title)).as("a row for each 201, none for a 429").isEqualTo(created);

        assertThat(english.getFirst().header("RateLimit-Policy")).hasValue("\"general\";q=5;w=10");
        assertThat(english.getFirst().header("RateLimit"))
                .as("a new caller's first request: 4 left, full in 2 s")
                .hasValue("\"general\";r=4;t=2");
        Response tooMany = english.stream()
                .filter(answer -> answer.status() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(tooMany.json().get("type").asString()).isEqualTo(TOO_MANY);
        assertThat(tooMany.json().get("status").asInt()).isEqualTo(429);
        assertThat(tooMany.json().get("detail").asString()).contains("0.5 a second", "up to 5", "Nothing was changed");
        assertThat(tooMany.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(tooMany.header("RateLimit"))
                .hasValueSatisfying(value -> assertThat(value).matches("\"general\";r=0;t=[1-9][0-9]*"));
        assertThat(tooMany.header("RateLimit-Policy")).hasValue("\"general\";q=5;w=10");

        Response inChinese = chinese.stream()
                .filter(answer -> answer.status() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(inChinese.json().get("detail").asString()).contains("每秒 0.5 次", "未做任何更改");

        // a refused change without a body does nothing either: the draft is not withdrawn
        List<String> drafts = answers.stream()
                .filter(answer -> answer.status() == 201)
                .map(answer -> answer.json().get("id").asString())
                .toList();
        String refusedDraft = null;
        for (int i = 0; i < drafts.size() && refusedDraft == null; i++) {
            Response withdrawal = api.post("/financing-requests/" + drafts.get(i) + "/withdrawal", null)
                    .as(token("enterprise"))
                    .send();
            refusedDraft = withdrawal.status() == 429 ? drafts.get(i) : null;
        }
        assertThat(refusedDraft).as("a withdrawal refused").isNotNull();
        assertThat(jdbc.sql("select status from financing_request where id = cast(:id as uuid)")
                        .param("id", refusedDraft)
                        .query(String.class)
                        .single())
                .isEqualTo("draft");

        Response anotherUser = api.get("/organizations/me").as(token("bank-a")).send();
        assertThat(anotherUser.status())
                .as("another user's budget is untouched")
                .isEqualTo(200);
        assertThat(anotherUser.header("RateLimit")).hasValue("\"general\";r=4;t=2");
    }

    @Test
    void givenTheExpensiveBudgetSpent_whenSearchingAgain_then429WhileOtherOperationsAreStillServed() {
        List<Response> searches = new ArrayList<>();
        for (int i = 0; i < 20 && !refusedAny(searches); i++) {
            searches.add(api.get("/open-financing-requests?q=" + uniqueWord())
                    .as(token("bank-b"))
                    .send());
        }

        assertThat(searches.getFirst().status()).isEqualTo(200);
        assertThat(searches.getFirst().header("RateLimit-Policy")).hasValue("\"expensive\";q=2;w=4");
        assertThat(searches.getFirst().header("RateLimit")).hasValue("\"expensive\";r=1;t=2");
        assertThat(searches).extracting(Response::status).containsOnly(200, 429).contains(429);
        Response refused = searches.stream()
                .filter(search -> search.status() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(refused.json().get("type").asString()).isEqualTo(TOO_MANY);
        assertThat(refused.header("RateLimit"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("\"expensive\";r=0;"));

        Response ordinary = api.get("/organizations/me").as(token("bank-b")).send();
        assertThat(ordinary.status()).as("the general budget is separate").isEqualTo(200);
        assertThat(ordinary.header("RateLimit")).hasValue("\"general\";r=4;t=2");
    }

    @Test
    void givenASpentBudget_whenWaitingRetryAfter_thenServedAgain() throws InterruptedException {
        Flood flood = untilRefused(
                () -> api.get("/organizations/me").as(token("guarantor")).send(), 200);
        assertThat(flood.admitted()).isGreaterThanOrEqualTo(BURST);
        Response refused = flood.refused();
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());

        Thread.sleep(retryAfter * 1000);

        Response again = api.get("/organizations/me").as(token("guarantor")).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("RateLimit"))
                .hasValueSatisfying(value -> assertThat(value).matches("\"general\";r=[0-4];t=[0-9]+"));
    }

    @Test
    void givenMissingOrForgedTokens_whenFlooding_thenLimitedByAddressWhileHealthAndUsersAreNot()
            throws InterruptedException {
        Flood noTokens = untilRefused(() -> api.get("/financing-requests").send(), 401);
        assertThat(noTokens.admitted())
                .as("the whole burst answered 401 first: each charged once, not twice")
                .isGreaterThanOrEqualTo(BURST);
        Response noToken = noTokens.refused();
        assertThat(noToken.contentType()).startsWith("application/problem+json");
        assertThat(noToken.json().get("type").asString()).isEqualTo(TOO_MANY);
        assertThat(noToken.header("Retry-After")).isPresent();
        assertThat(noToken.header("RateLimit"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("\"general\";r=0;"));

        for (int i = 0; i < 3 * BURST; i++) {
            Response health = api.get(i % 2 == 0 ? "/actuator/health" : "/actuator/health/liveness")
                    .send();
            assertThat(health.status()).as("health is never limited").isEqualTo(200);
            assertThat(health.header("RateLimit")).isEmpty();
        }
        assertThat(api.get("/organizations/me").as(token("investor")).send().status())
                .as("a user calling from the same address has a budget of their own")
                .isEqualTo(200);

        // a token that fails its checks is answered 401 by the entry point, not the filter: it is charged too
        Thread.sleep(Long.parseLong(noToken.header("Retry-After").orElseThrow()) * 1000);
        String forged = token("investor").substring(0, token("investor").length() - 4) + "AAAA";
        Flood forgedTokens =
                untilRefused(() -> api.get("/organizations/me").as(forged).send(), 401);
        assertThat(forgedTokens.admitted())
                .as("the refilled token went to a 401")
                .isGreaterThanOrEqualTo(1);
        Response forgedRefused = forgedTokens.refused();
        assertThat(forgedRefused.json().get("type").asString()).isEqualTo(TOO_MANY);
        assertThat(forgedRefused.header("WWW-Authenticate"))
                .as("a 429, not a challenge")
                .isEmpty();
    }

    @Test
    void givenBucketsInPostgreSql_whenTheCleanupRuns_thenOnlyThoseFullForAMinuteAreDeleted() {
        long before = System.currentTimeMillis();
        String caller = token("bureau");
        assertThat(api.get("/organizations/me").as(caller).send().header("RateLimit"))
                .hasValue("\"general\";r=4;t=2");
        String bucket = "general:5/0.5:user:" + subjectOf(caller);
        assertThat(expiresAt(bucket))
                .as("full again in 2 s, then kept a minute")
                .isBetween(before + 62_000, System.currentTimeMillis() + 62_000);
        String longGone = "general:5/0.5:user:" + uniqueWord();
        jdbc.sql("insert into rate_limit_bucket (id, state, expires_at) values (:id, null, :expiresAt)")
                .param("id", longGone)
                .param("expiresAt", before - 1)
                .update();

        cleanup.removeExpiredBuckets();

        assertThat(jdbc.sql("select count(*) from rate_limit_bucket where id = :id")
                        .param("id", longGone)
                        .query(Long.class)
                        .single())
                .as("a bucket full for a minute is deleted")
                .isZero();
        assertThat(expiresAt(bucket)).as("a recent caller's bucket is kept").isPositive();
    }

    private long expiresAt(String bucket) {
        return jdbc.sql("select expires_at from rate_limit_bucket where id = :id")
                .param("id", bucket)
                .query(Long.class)
                .single();
    }

    /** The {@code sub} claim of a JWT. */
    private static String subjectOf(String accessToken) {
        String claims = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher subject = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(claims);
        assertThat(subject.find()).as("a sub claim in " + claims).isTrue();
        return subject.group(1);
    }

    /** How many requests were admitted before the first refusal, and that refusal. */
    private record Flood(int admitted, Response refused) {}

    /**
     * Sends until the first 429 (at most 50 times; a budget refilling at 0.5 a second cannot keep up), checking
     * every earlier answer has {@code admittedStatus}.
     */
    private static Flood untilRefused(Supplier<Response> request, int admittedStatus) {
        int admitted = 0;
        for (int i = 0; i < 50; i++) {
            Response response = request.get();
            if (response.status() == 429) {
                return new Flood(admitted, response);
            }
            assertThat(response.status()).isEqualTo(admittedStatus);
            admitted++;
        }
        throw new AssertionError("50 requests and never a 429");
    }

    private static boolean refusedAny(List<Response> answers) {
        return answers.stream().anyMatch(answer -> answer.status() == 429);
    }

    private long rowsTitled(String title) {
        return jdbc.sql("select count(*) from financing_request where title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }
}
