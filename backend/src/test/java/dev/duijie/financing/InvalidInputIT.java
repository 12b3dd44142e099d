package dev.duijie.financing;

import static dev.duijie.support.Requests.financingDraft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a 400 problem naming the field, in the caller's language, and changes nothing. */
class InvalidInputIT extends IntegrationTest {

    static Stream<Arguments> invalidDrafts() {
        return Stream.of(
                invalid("negative amount", "amountFen", d -> d.put("amountFen", -5)),
                invalid("zero amount", "amountFen", d -> d.put("amountFen", 0)),
                invalid("absurd amount", "amountFen", d -> d.put("amountFen", 10_000_000_000_000L)),
                invalid("fractional fen", "amountFen", d -> d.put("amountFen", 1.5)),
                invalid("amount as text", "amountFen", d -> d.put("amountFen", "三百万")),
                invalid("amount as numeric text", "amountFen", d -> d.put("amountFen", "300000000")),
                invalid("title as a number", "title", d -> d.put("title", 12345)),
                invalid("boolean as a number", "guaranteeWanted", d -> d.put("guaranteeWanted", 1)),
                invalid(
                        "overflowing amount",
                        "amountFen",
                        d -> d.put("amountFen", new java.math.BigInteger("99999999999999999999999"))),
                invalid("zero term", "termMonths", d -> d.put("termMonths", 0)),
                invalid("rate above the cap", "maxAnnualRateBp", d -> d.put("maxAnnualRateBp", 5000)),
                invalid("oversized title", "title", d -> d.put("title", "贷".repeat(101))),
                invalid("huge description", "description", d -> d.put("description", "x".repeat(100_000))),
                invalid("missing title", "title", d -> d.remove("title")),
                invalid("null purpose", "purpose", d -> d.put("purpose", null)),
                invalid("unknown collateral", "collateralOffered[0]", d -> d.put("collateralOffered", List.of("gold"))),
                invalid("no collateral listed", "collateralOffered", d -> d.put("collateralOffered", List.of())),
                invalid(
                        "none with real estate",
                        "collateralOffered",
                        d -> d.put("collateralOffered", List.of("none", "real_estate"))),
                invalid("unknown industry", "industry", d -> d.put("industry", "steel-mills")),
                invalid("malformed industry code", "industry", d -> d.put("industry", "DROP TABLE;")),
                invalid("unknown region", "region", d -> d.put("region", "atlantis")),
                invalid("field the client may not set", "status", d -> d.put("status", "open")),
                invalid("boolean as text", "guaranteeWanted", d -> d.put("guaranteeWanted", "maybe")),
                invalid(
                        "null collateral item",
                        "collateralOffered[1]",
                        d -> d.put("collateralOffered", java.util.Arrays.asList("equipment", null))),
                invalid("title of spaces", "title", d -> d.put("title", "     ")),
                invalid("NUL character in title", "title", d -> d.put("title", "腊肉\u0000贷款")),
                invalid("escape character in description", "description", d -> d.put("description", "正常\u001b[31m红色")));
    }

    private static Arguments invalid(String what, String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> draft = financingDraft("无效输入 " + what);
        breakIt.accept(draft);
        return Arguments.of(what, field, draft);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDrafts")
    void givenInvalidField_whenCreating_then400NamingItAndNothingStored(
            String what, String field, Map<String, Object> draft) {
        int before = storedRequests();

        Response response =
                api.post("/financing-requests", draft).as(token("enterprise")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://duijie.example.cn/problems/validation-failed");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
        assertThat(storedRequests()).isEqualTo(before);
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"title\": \"腊肉", "application/json", 400),
                Arguments.of("not an object", "[1, 2, 3]", "application/json", 400),
                Arguments.of("empty body", "", "application/json", 400),
                Arguments.of("plain text", "title=腊肉", "text/plain", 415),
                Arguments.of("form encoded", "title=x", "application/x-www-form-urlencoded", 415),
                Arguments.of("XML", "<draft/>", "application/xml", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void givenUnreadableBody_whenCreating_thenProblemAndNothingStored(
            String what, String body, String contentType, int status) {
        int before = storedRequests();

        Response response = api.call("POST", "/financing-requests", body)
                .contentType(contentType)
                .as(token("enterprise"))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(storedRequests()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void givenBadParameter_whenCalling_then400NamingIt(String what, String path, String parameter) {
        Response response = api.get(path).as(token("enterprise")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(parameter);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("id that is not a UUID", "/financing-requests/not-a-uuid", "requestId"),
                Arguments.of("page too large", "/financing-requests?limit=1000", "limit"),
                Arguments.of("limit not a number", "/financing-requests?limit=ten", "limit"),
                Arguments.of("unknown status", "/financing-requests?status=approved", "status"),
                Arguments.of("forged cursor", "/financing-requests?cursor=bm90LWEtY3Vyc29y", "cursor"),
                Arguments.of(
                        "cursor beyond year 9999",
                        "/financing-requests?cursor=OTQwMDAwMDAwMDAwMC4wLjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ",
                        "cursor"));
    }

    @org.junit.jupiter.api.Test
    void givenShortIdempotencyKey_whenCreating_then400NamingTheHeader() {
        int before = storedRequests();
        Response response = api.post("/financing-requests", financingDraft("短键"))
                .as(token("enterprise"))
                .header("Idempotency-Key", "abc")
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("Idempotency-Key");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void givenChineseAcceptLanguage_whenInputIsInvalid_thenTheProblemIsInChinese() {
        Map<String, Object> draft = financingDraft("中文错误信息");
        draft.put("amountFen", -1);

        Response response = api.post("/financing-requests", draft)
                .as(token("enterprise"))
                .header("Accept-Language", "zh-CN")
                .send();

        assertThat(response.json().get("title").asString()).isEqualTo("输入有误");
        assertThat(response.json().at("/errors/0/message").asString()).isEqualTo("不能小于 0.01 元");
    }

    static Stream<Arguments> acceptLanguages() {
        return Stream.of(
                Arguments.of(null, "输入有误", "需要登录"),
                Arguments.of("fr", "输入有误", "需要登录"),
                Arguments.of("de-DE, ja;q=0.5", "输入有误", "需要登录"),
                Arguments.of("zh-TW", "输入有误", "需要登录"),
                Arguments.of("en", "Invalid input", "Authentication required"),
                Arguments.of("en-US,en;q=0.9", "Invalid input", "Authentication required"),
                Arguments.of("fr, en;q=0.5", "Invalid input", "Authentication required"));
    }

    @ParameterizedTest(name = "Accept-Language: {0}")
    @MethodSource("acceptLanguages")
    void givenAnyOrNoAcceptLanguage_whenRefused_thenChineseUnlessEnglishIsAsked(
            String acceptLanguage, String invalidTitle, String unauthorizedTitle) {
        Map<String, Object> draft = financingDraft("语言 " + uniqueWord());
        draft.put("amountFen", -1);
        var invalid = api.post("/financing-requests", draft).as(token("enterprise"));
        var anonymous = api.get("/financing-requests");
        if (acceptLanguage != null) {
            invalid.header("Accept-Language", acceptLanguage);
            anonymous.header("Accept-Language", acceptLanguage);
        }

        // one answered by Spring MVC, one by the security filters before it
        assertThat(invalid.send().json().get("title").asString()).isEqualTo(invalidTitle);
        assertThat(anonymous.send().json().get("title").asString()).isEqualTo(unauthorizedTitle);
    }

    @org.junit.jupiter.api.Test
    void givenAcceptProblemJson_whenTheCallSucceeds_thenTheAnswerIsPlainJson() {
        Response created = api.post("/financing-requests", financingDraft("内容类型 " + uniqueWord()))
                .as(token("enterprise"))
                .header("Accept", "application/problem+json")
                .send();
        Response read = api.get(
                        "/financing-requests/" + created.json().get("id").asString())
                .as(token("enterprise"))
                .header("Accept", "application/problem+json")
                .send();
        Response refused = api.get("/financing-requests/" + java.util.UUID.randomUUID())
                .as(token("enterprise"))
                .header("Accept", "application/problem+json")
                .send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void givenBodyOverOneMebibyte_whenCreating_then413AndNothingStored() {
        int before = storedRequests();
        Map<String, Object> huge = financingDraft("超大请求");
        huge.put("description", "腊".repeat(400_000)); // 1.2 MB of UTF-8

        Response declared =
                api.post("/financing-requests", huge).as(token("enterprise")).send();
        Response chunked = api.post("/financing-requests", huge)
                .as(token("enterprise"))
                .chunked()
                .send();

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().get("type").asString())
                .isEqualTo("https://duijie.example.cn/problems/payload-too-large");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void givenUrlWithRawNonAsciiCharacters_whenCalling_then400ProblemFromTheServerItselfInChinese() throws Exception {
        // the server cannot read this request's headers, so it answers in the default language
        String raw =
                "GET /open-financing-requests?q=漆器 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en\r\nConnection: close\r\n\r\n";
        String answer = sentRaw(raw);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"type\":\"https://duijie.example.cn/problems/malformed-request\"");
        assertThat(answer).contains("百分号编码");
    }

    @org.junit.jupiter.api.Test
    void givenAHeaderTooLargeForTheServer_whenCallingWithoutALanguage_then400ProblemInChinese() throws Exception {
        String raw = "GET /open-financing-requests HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n";
        String answer = sentRaw(raw);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"title\":\"请求格式错误\"").contains("未做任何更改");
    }

    /** What the server answers to bytes written straight to its socket, past any HTTP client's checks. */
    private String sentRaw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @org.junit.jupiter.api.Test
    void givenPathTheFirewallRefuses_whenCalling_then400Problem() {
        for (String path : new String[] {"/financing-requests/a%2Fb", "/financing-requests;jsessionid=1"}) {
            Response response = api.get(path).as(token("enterprise")).send();

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @org.junit.jupiter.api.Test
    void givenUnsupportedMethod_whenCalling_then405Problem() {
        Response response = api.call("DELETE", "/financing-requests", null)
                .as(token("enterprise"))
                .send();

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private int storedRequests() {
        return jdbc.sql("select count(*) from financing_request")
                .query(Integer.class)
                .single();
    }
}
