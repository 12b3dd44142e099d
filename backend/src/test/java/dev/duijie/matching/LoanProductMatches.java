package dev.duijie.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api;
import dev.duijie.support.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Reads a request's loan-product matches (in Chinese) until they show what a test waits for. */
final class LoanProductMatches {

    private LoanProductMatches() {}

    /** @param done the products' ids in the order matched → whether they show it */
    static List<JsonNode> eventually(Api api, String token, String requestId, Predicate<List<String>> done) {
        return Eventually.until(
                "the loan-product matches of request " + requestId,
                () -> {
                    Api.Response response = api.get(
                                    "/financing-requests/" + requestId + "/matches/loan-products?limit=50")
                            .as(token)
                            .header("Accept-Language", "zh-CN")
                            .send();
                    assertThat(response.status()).as(response.toString()).isEqualTo(200);
                    List<JsonNode> matches = new ArrayList<>();
                    response.json().get("items").forEach(matches::add);
                    return matches;
                },
                matches -> done.test(matches.stream()
                        .map(m -> m.at("/loanProduct/id").asString())
                        .toList()));
    }
}
