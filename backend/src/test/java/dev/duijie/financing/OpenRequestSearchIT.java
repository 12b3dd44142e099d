package dev.duijie.financing;

import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.publication;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.duijie.support.Api.Response;
import dev.duijie.support.Eventually;
import dev.duijie.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Publishing puts a request into Elasticsearch through the outbox; withdrawing takes it out. */
class OpenRequestSearchIT extends IntegrationTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Value("${duijie.search.index-prefix}")
    String indexPrefix;

    @Test
    void givenPublishedRequest_whenLendersSearch_thenItIsFoundAndAfterWithdrawalItIsGone() {
        String word = uniqueWord();
        String enterprise = token("enterprise");
        Map<String, Object> draft = financingDraft("老腊肉生产线 " + word);
        String id = api.post("/financing-requests", draft)
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        String path = "/financing-requests/" + id;

        // a draft is never in the index
        assertThat(inIndex(id)).isFalse();

        assertThat(api.post(path + "/publish", publication(14))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(Eventually.until("request " + id + " in the index", () -> inIndex(id), present -> present))
                .as("in the index")
                .isTrue();
        // searchable after the next index refresh (1 s)
        assertThat(Eventually.until(
                        "a search for " + word + " finding something",
                        () -> searchIds("q=" + word, "bank-a"),
                        ids -> !ids.isEmpty()))
                .containsExactly(id);
        assertThat(searchIds("q=" + enc("腊肉") + "&industry=cured-pork", "guarantor"))
                .contains(id);
        assertThat(searchIds("q=" + word + "&industry=lacquer-craft", "bank-b")).doesNotContain(id);
        assertThat(searchIds("q=" + word + "&minAmountFen=400000000", "bank-b")).doesNotContain(id);
        assertThat(searchIds("q=" + word + "&maxAmountFen=300000000", "bank-b")).contains(id);

        assertThat(api.post(path + "/withdrawal", null).as(enterprise).send().status())
                .isEqualTo(200);

        assertThat(searchIds("q=" + word, "bank-a")).doesNotContain(id);
        assertThat(Eventually.until("request " + id + " gone from the index", () -> inIndex(id), present -> !present))
                .as("removed from the index")
                .isFalse();
    }

    @Test
    void givenChineseQuery_whenSearching_thenWholeWordsMatch() {
        String word = uniqueWord();
        String enterprise = token("enterprise");
        Map<String, Object> draft = financingDraft("中药材烘干设备采购 " + word);
        draft.put("industry", "medicinal-herbs");
        draft.put("purpose", "采购中药材烘干设备");
        String id = api.post("/financing-requests", draft)
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/financing-requests/" + id + "/publish", publication(14))
                .as(enterprise)
                .send();

        assertThat(Eventually.until(
                        "a search for 中药材 finding request " + id,
                        () -> searchIds("q=" + enc("中药材") + "&industry=medicinal-herbs", "bank-a"),
                        ids -> ids.contains(id)))
                .contains(id);
        assertThat(searchIds("q=" + enc("烘干设备 " + word), "bank-a")).startsWith(id);
    }

    @Test
    void givenTheIndexIsLost_whenSearchedAgain_thenItIsRebuiltFromPostgres() throws Exception {
        String word = uniqueWord();
        String enterprise = token("enterprise");
        String id = api.post("/financing-requests", financingDraft("索引重建 " + word))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/financing-requests/" + id + "/publish", publication(14))
                .as(enterprise)
                .send();
        assertThat(Eventually.until(
                        "a search for " + word + " finding request " + id,
                        () -> searchIds("q=" + word, "bank-a"),
                        ids -> ids.contains(id)))
                .contains(id);

        for (String index : elasticsearch
                .indices()
                .getAlias(a -> a.name(indexPrefix + "-financing-requests"))
                .result()
                .keySet()) {
            elasticsearch.indices().delete(d -> d.index(index));
        }

        // the first search notices the loss (503 or empty); the index is recreated and refilled from PostgreSQL
        api.get("/open-financing-requests?q=" + word).as(token("bank-a")).send();
        List<String> found = Eventually.until(
                "the lost index rebuilt with request " + id,
                () -> {
                    Response response = api.get("/open-financing-requests?limit=100&q=" + word)
                            .as(token("bank-a"))
                            .send();
                    List<String> ids = new ArrayList<>();
                    if (response.status() == 200) {
                        response.json()
                                .get("items")
                                .forEach(item -> ids.add(item.get("id").asString()));
                    }
                    return ids;
                },
                ids -> ids.contains(id));
        assertThat(found).containsExactly(id);
        assertThat(searchIds("q=" + enc("漆器"), "bank-a"))
                .hasSizeGreaterThanOrEqualTo(2); // the demo requests are back too
    }

    @Test
    void givenAWholeWordAndScatteredCharacters_whenSearchingChinese_thenBothAreFoundWholeWordFirst() {
        String word = uniqueWord();
        String enterprise = token("enterprise");
        String whole = publishTitled("老腊肉加工扩产 " + word, enterprise);
        String scattered = publishTitled("腊月里的肉类加工 " + word, enterprise);

        List<String> found = Eventually.until(
                "a search for 腊肉 finding both requests",
                () -> searchIds("q=" + enc("腊肉 " + word), "bank-a"),
                ids -> ids.contains(whole) && ids.contains(scattered));

        assertThat(found).contains(whole, scattered);
        assertThat(found.indexOf(whole)).isLessThan(found.indexOf(scattered));
    }

    private String publishTitled(String title, String enterprise) {
        Map<String, Object> draft = financingDraft(title);
        draft.put("purpose", "扩大生产");
        draft.put("description", "");
        String id = api.post("/financing-requests", draft)
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/financing-requests/" + id + "/publish", publication(14))
                .as(enterprise)
                .send();
        return id;
    }

    @Test
    void givenRolesThatDoNotLend_whenSearching_thenForbidden() {
        assertThat(api.get("/open-financing-requests")
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/open-financing-requests")
                        .as(token("talent"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/open-financing-requests")
                        .as(token("bureau"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void givenCursorOfARankedSearch_whenUsedForAnUnrankedOne_then400NamingCursor() {
        Response ranked = api.get("/open-financing-requests?limit=1&q=" + enc("漆器"))
                .as(token("bank-a"))
                .send();
        assertThat(ranked.status()).isEqualTo(200);
        String cursor = ranked.json().get("nextCursor").asString();

        Response misused = api.get("/open-financing-requests?limit=1&cursor=" + cursor)
                .as(token("bank-a"))
                .send();

        assertThat(misused.status()).isEqualTo(400);
        assertThat(misused.json().at("/errors/0/field").asString()).isEqualTo("cursor");
    }

    @Test
    void givenMinAboveMax_whenSearching_then400() {
        Response response = api.get("/open-financing-requests?minAmountFen=500&maxAmountFen=100")
                .as(token("bank-a"))
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("minAmountFen");
    }

    private List<String> searchIds(String query, String user) {
        Response response = api.get("/open-financing-requests?limit=100&" + query)
                .as(token(user))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** Asks Elasticsearch itself, not the API (which also checks PostgreSQL). */
    private boolean inIndex(String id) {
        try {
            return elasticsearch
                    .exists(e -> e.index(indexPrefix + "-financing-requests").id(id))
                    .value();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
