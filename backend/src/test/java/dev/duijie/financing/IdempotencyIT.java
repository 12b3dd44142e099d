package dev.duijie.financing;

import static dev.duijie.support.Requests.financingDraft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.AtOnce;
import dev.duijie.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends IntegrationTest {

    @Test
    void givenSameKey_whenCreatingTwice_thenTheFirstResultAndOneRow() {
        String key = "create-" + UUID.randomUUID();
        String title = "幂等重试 " + uniqueWord();

        Response first = create(financingDraft(title), key);
        Response retry = create(financingDraft(title), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(rowsTitled(title)).isEqualTo(1);
    }

    @Test
    void givenSameKeyWithAnotherBody_whenCreating_then422AndNothingNew() {
        String key = "create-" + UUID.randomUUID();
        String title = "幂等冲突 " + uniqueWord();
        assertThat(create(financingDraft(title), key).status()).isEqualTo(201);

        Map<String, Object> different = financingDraft(title);
        different.put("amountFen", 1_000_000L);
        Response reused = create(different, key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString())
                .isEqualTo("https://duijie.example.cn/problems/idempotency-key-reused");
        assertThat(rowsTitled(title)).isEqualTo(1);
    }

    @Test
    void givenParallelRetries_whenCreatingWithOneKey_thenExactlyOneRowAndAllAnswersAgree() throws Exception {
        String key = "parallel-" + UUID.randomUUID();
        String title = "并发重试 " + uniqueWord();
        List<String> ids = new ArrayList<>();
        for (Response answer : AtOnce.send(8, () -> create(financingDraft(title), key))) {
            assertThat(answer.status()).isEqualTo(201);
            ids.add(answer.json().get("id").asString());
        }

        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(rowsTitled(title)).isEqualTo(1);
    }

    @Test
    void givenSameKeyFromAnotherUser_whenCreating_thenItIsTheirOwnKey() {
        String key = "shared-" + UUID.randomUUID();
        Response mine = create(financingDraft("键不共享 " + uniqueWord()), key);
        Response theirs = api.post("/financing-requests", financingDraft("键不共享 " + uniqueWord()))
                .as(token("newfirm"))
                .header("Idempotency-Key", key)
                .send();

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("id").asString())
                .isNotEqualTo(mine.json().get("id").asString());
    }

    private Response create(Map<String, Object> body, String key) {
        return api.post("/financing-requests", body)
                .as(token("enterprise"))
                .header("Idempotency-Key", key)
                .send();
    }

    private int rowsTitled(String title) {
        return jdbc.sql("select count(*) from financing_request where title = :title")
                .param("title", title)
                .query(Integer.class)
                .single();
    }
}
