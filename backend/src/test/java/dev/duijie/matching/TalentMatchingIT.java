package dev.duijie.matching;

import static dev.duijie.support.Requests.talentNeed;
import static dev.duijie.support.Requests.talentProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.duijie.support.Api.Response;
import dev.duijie.support.Eventually;
import dev.duijie.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** Talent need → talents and talent → needs: eligible only, never hidden, explained, no contact data in the index. */
class TalentMatchingIT extends IntegrationTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Value("${duijie.search.index-prefix}")
    String indexPrefix;

    @Test
    void givenTalentsThatFitAndTalentsThatDoNot_whenMatchingANeed_thenOnlyEligibleOnesWithWhyAndMissingSkills()
            throws Exception {
        String fits = saveProfile("talent", Map.of());
        String underEducated = saveProfile("talent-b", Map.of("education", "secondary"));
        String hidden = saveProfile("talent-c", Map.of("visibility", "hidden"));
        String otherTrade = saveProfile("talent-d", Map.of("skills", List.of("lacquer-work")));
        Map<String, Object> need = talentNeed(1);
        need.put("title", uniqueWord() + " " + uniqueWord()); // no words shared with any résumé: no text part
        need.put("description", uniqueWord());
        need.put("requiredSkills", List.of("meat-curing", "cold-chain"));
        need.put("minEducation", "associate");
        String needId = openNeed(need);

        List<JsonNode> matches = eventually(
                "/talent-needs/" + needId + "/matches/talent-profiles?limit=50",
                token("bureau"),
                ids -> ids.contains(fits));
        List<String> ids =
                matches.stream().map(m -> m.at("/profile/id").asString()).toList();
        assertThat(ids).contains(fits).doesNotContain(underEducated, hidden, otherTrade);

        JsonNode match = matches.get(ids.indexOf(fits));
        assertThat(match.get("missingSkills")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("cold-chain");
        assertThat(match.get("why").findValuesAsString("explanation")).contains("具备2项必需技能中的1项", "家乡是本县东河镇");
        double explained = 0;
        for (JsonNode factor : match.get("why")) {
            explained += factor.get("contribution").asDouble();
        }
        // half the required skills (1.5), the preferred one (1), hometown (1), return, experience, salary (0.5 each)
        assertThat(match.get("score").asDouble()).isCloseTo(5.0, offset(0.001));
        assertThat(explained).isCloseTo(match.get("score").asDouble(), offset(0.001));
        assertThat(match.at("/profile/contact/masked").asBoolean()).isTrue();

        // the index holds no name and no contact data
        @SuppressWarnings("unchecked")
        Map<String, Object> indexed = elasticsearch
                .get(g -> g.index(indexPrefix + "-talent-profiles").id(fits), Map.class)
                .source();
        assertThat(indexed).isNotNull().doesNotContainKeys("displayName", "phone", "email", "contact");
        assertThat(indexed.toString()).doesNotContain("13800000001", "@demo.duijie.local");

        assertThat(api.get("/talent-needs/" + needId + "/matches/talent-profiles")
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/talent-needs/" + needId + "/matches/talent-profiles")
                        .as(token("talent"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/talent-needs/" + needId + "/matches/talent-profiles")
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenOpenNeeds_whenATalentAsksForMatches_thenOnlyNeedsTheyQualifyForBestFirst() throws Exception {
        String word = uniqueWord();
        saveProfile("talent-e", Map.of("resume", "冷链 " + word, "skills", List.of("meat-curing", "food-safety")));
        Map<String, Object> fitting = talentNeed(1);
        fitting.put("title", "腊肉车间主管 " + word);
        String fits = openNeed(fitting);
        Map<String, Object> lacquer = talentNeed(1);
        lacquer.put("title", "漆器技师 " + word);
        lacquer.put("requiredSkills", List.of("lacquer-work"));
        String otherTrade = openNeed(lacquer);
        Map<String, Object> doctors = talentNeed(1);
        doctors.put("title", "首席科学家 " + word);
        doctors.put("minEducation", "doctorate");
        String overQualified = openNeed(doctors);

        List<JsonNode> matches = eventually(
                "/talent-profiles/me/matches/talent-needs?limit=50", token("talent-e"), ids -> ids.contains(fits));
        List<String> ids =
                matches.stream().map(m -> m.at("/need/id").asString()).toList();
        assertThat(ids).contains(fits).doesNotContain(otherTrade, overQualified);
        JsonNode match = matches.get(ids.indexOf(fits));
        assertThat(match.get("why").findValuesAsString("factor"))
                .contains("required-skills", "preferred-skills", "text");
        assertThat(match.get("missingSkills")).isEmpty();

        // a closed need leaves the matches
        api.post("/talent-needs/" + fits + "/status", Map.of("status", "closed"))
                .as(token("enterprise"))
                .send();
        List<JsonNode> after = eventually(
                "/talent-profiles/me/matches/talent-needs?limit=50", token("talent-e"), found -> !found.contains(fits));
        assertThat(after.stream().map(m -> m.at("/need/id").asString()).toList())
                .doesNotContain(fits);
        assertThat(api.get("/talent-profiles/me/matches/talent-needs")
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    private List<JsonNode> eventually(String path, String token, Predicate<List<String>> done) {
        return Eventually.until(
                "the matches at " + path,
                () -> {
                    Response response = api.get(path)
                            .as(token)
                            .header("Accept-Language", "zh-CN")
                            .send();
                    assertThat(response.status()).as(response.toString()).isEqualTo(200);
                    List<JsonNode> matches = new ArrayList<>();
                    response.json().get("items").forEach(matches::add);
                    return matches;
                },
                matches -> done.test(matches.stream()
                        .map(m -> m.has("profile")
                                ? m.at("/profile/id").asString()
                                : m.at("/need/id").asString())
                        .toList()));
    }

    private String saveProfile(String user, Map<String, Object> changes) {
        Map<String, Object> profile = talentProfile(user + " 候选人", "13800000001");
        profile.putAll(changes);
        Response saved = api.put("/talent-profiles/me", profile)
                .as(token(user))
                .header("If-Match", "*")
                .send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().get("id").asString();
    }

    private String openNeed(Map<String, Object> need) {
        String enterprise = token("enterprise");
        String id = api.post("/talent-needs", need)
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/talent-needs/" + id + "/status", Map.of("status", "open"))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(200);
        return id;
    }
}
