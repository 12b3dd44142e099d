package dev.duijie.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Reads a request's loan-product matches (in Chinese) until they show what a test waits for, or 15 s pass. */
final class LoanProductMatches {

    private LoanProductMatches() {
    }

    static List<JsonNode> eventually(Api api, String token, String requestId, Predicate<List<String>> done)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            Api.Response response = api.get("/financing-requests/" + requestId + "/matches/loan-products?limit=50")
                    .as(token).header("Accept-Language", "zh-CN").send();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            List<JsonNode> matches = new ArrayList<>();
            response.json().get("items").forEach(matches::add);
            List<String> ids = matches.stream().map(m -> m.at("/loanProduct/id").asString()).toList();
            if (done.test(ids) || Instant.now().isAfter(giveUp)) {
                return matches;
            }
            Thread.sleep(200);
        }
    }
}
