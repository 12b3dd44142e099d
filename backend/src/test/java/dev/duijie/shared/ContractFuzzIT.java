package dev.duijie.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api;
import dev.duijie.support.Api.Response;
import dev.duijie.support.AuthorizationMatrix;
import dev.duijie.support.Contract;
import dev.duijie.support.ContractCalls;
import dev.duijie.support.DatabaseState;
import dev.duijie.support.IntegrationTest;
import dev.duijie.support.Scene;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad input driven by the contract, to every operation: each field of each request body with the wrong type,
 * null, missing, empty, huge, negative or overflowing, odd Unicode and injection strings; extra fields,
 * malformed and non-UTF-8 JSON, bodies that are not objects, deeply nested and huge bodies; wrong content
 * types, methods and Accept headers; path ids that are not ids; every query parameter with values of the
 * wrong kind. Each mutation starts from a request the matrix says succeeds (a well-formed request by a caller
 * allowed to make it), so the refusal comes from the bad part alone.
 *
 * <p>The oracle: never a 5xx; every refusal is problem+json; a refused write changed nothing in PostgreSQL;
 * every answer's status and content type are ones its operation declares in the contract (a success included,
 * whatever the Accept header asked). A mutation that is still valid input (an emoji in a title) may succeed.
 */
class ContractFuzzIT extends IntegrationTest {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final List<String> ODD_TEXT = List.of(
            "",
            "   ",
            "\u0000",
            "腊肉\u0007贷款",
            "\u202Eevil\u202C",
            "\u200B\u200B",
            "😀👨‍👩‍👧",
            "Ｆｕｌｌｗｉｄｔｈ",
            "e\u0301\u0301\u0301",
            "' OR '1'='1' --",
            "'; DROP TABLE financing_request; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}",
            "../../../../etc/passwd",
            "%00%0d%0a",
            "\\u0000",
            "x".repeat(100_000));

    private static final List<Object> ODD_NUMBERS = List.of(
            -1,
            Integer.MIN_VALUE,
            new BigInteger("9223372036854775808"),
            new BigInteger("-99999999999999999999999"),
            new BigDecimal("1e400"),
            1.5,
            "十二",
            "12",
            true);

    private static final List<String> ODD_PARAMETERS = List.of(
            "abc", "-1", "0", "99999999999999999999", "", "%00", "' OR 1=1 --", "x".repeat(3000), "2026-13", "😀");

    /**
     * One bad request made from a good one. A mutation that changes the method leaves the operation: the
     * contract has no operation to declare its 405, so its answer is not compared with the contract.
     */
    private record Mutation(String what, UnaryOperator<Attempt> apply, boolean sameOperation) {

        Mutation(String what, UnaryOperator<Attempt> apply) {
            this(what, apply, true);
        }
    }

    /** A request about to be sent: everything a mutation may change. */
    private record Attempt(String method, String path, Object body, String contentType, String accept) {

        Attempt withBody(Object newBody) {
            return new Attempt(method, path, newBody, contentType, accept);
        }
    }

    @Test
    void badInputToEveryOperationIsRefusedCleanlyAndChangesNothing() {
        Contract contract = new Contract(api);
        AuthorizationMatrix matrix = AuthorizationMatrix.read();
        DatabaseState database = new DatabaseState(jdbc);
        List<Scene> scenes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> answers = new TreeMap<>();
        // a mutation that is still valid input really changes the fund's policy, which other tests rely on
        Map<String, Object> fundPolicy = new Scene(api, this::token).riskFundPolicy();
        try {
            fuzz(contract, matrix, database, scenes, failures, answers);
        } finally {
            scenes.forEach(Scene::takeOffTheMarket);
            Response restored = api.put("/risk-fund", fundPolicy)
                    .as(token("regulator"))
                    .header("If-Match", "*")
                    .send();
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
        int sent = answers.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("ContractFuzzIT: " + sent + " bad requests to "
                + contract.operations().size() + " operations, answered " + answers);
        assertThat(failures).as(sent + " bad requests, answered " + answers).isEmpty();
        assertThat(answers.keySet())
                .as("the mutations really are refused: " + answers)
                .contains(400, 404, 405, 406, 413, 415);
    }

    private void fuzz(
            Contract contract,
            AuthorizationMatrix matrix,
            DatabaseState database,
            List<Scene> scenes,
            List<String> failures,
            Map<Integer, Integer> answers) {
        Scene scene = new Scene(api, this::token);
        scenes.add(scene);
        for (Contract.Operation operation : contract.operations()) {
            String caller = matrix.anAllowedCaller(operation.id())
                    .orElseThrow(() -> new AssertionError("nobody may call " + operation.id() + " in the matrix"));
            for (Mutation mutation : mutations(operation, contract)) {
                ContractCalls.Call valid = ContractCalls.of(operation.id(), scene, caller);
                Attempt attempt = mutation.apply()
                        .apply(new Attempt(
                                valid.method(), valid.path(), valid.body(), "application/json", "application/json"));
                boolean mayWrite =
                        !valid.method().equals("GET") || !attempt.method().equals("GET");
                List<String> before = mayWrite ? database.now() : List.of();
                Response response = send(attempt, caller);
                answers.merge(response.status(), 1, Integer::sum);
                String where = operation.id() + " as " + caller + ", " + mutation.what() + " (" + attempt.method() + " "
                        + abbreviated(attempt.path()) + ")";
                if (mutation.sameOperation()) {
                    operation
                            .undeclared(response.status(), response.contentType())
                            .ifPresent(undeclared -> failures.add(where + ": " + undeclared));
                }
                if (response.status() >= 500) {
                    failures.add(where + ": " + abbreviated(response.toString()));
                } else if (response.status() >= 400) {
                    if (!response.contentType().startsWith("application/problem+json")) {
                        failures.add(where + ": " + response.status() + " is not problem+json but "
                                + response.contentType());
                    }
                    if (mayWrite && !database.now().equals(before)) {
                        failures.add(where + ": refused with " + response.status() + " but PostgreSQL changed");
                    }
                } else if (mayWrite && ID.matcher(attempt.path()).find()) {
                    // it was still valid input and acted on one of the scene's objects, which may have moved on
                    scene = new Scene(api, this::token);
                    scenes.add(scene);
                }
            }
        }
    }

    private List<Mutation> mutations(Contract.Operation operation, Contract contract) {
        List<Mutation> mutations = new ArrayList<>();
        mutations.add(new Mutation(
                "method PATCH", a -> new Attempt("PATCH", a.path(), a.body(), a.contentType(), a.accept()), false));
        for (String accept : List.of("application/xml", "text/html", "application/problem+json")) {
            mutations.add(new Mutation(
                    "Accept: " + accept, a -> new Attempt(a.method(), a.path(), a.body(), a.contentType(), accept)));
        }
        if (operation.path().contains("Id}")) { // the {…Id} path parameters are UUIDs
            for (String badId :
                    List.of("not-an-id", "' OR '1'='1", "..", UUID.randomUUID().toString(), "%00", "9".repeat(400))) {
                mutations.add(new Mutation(
                        "path id " + abbreviated(badId),
                        a -> new Attempt(
                                a.method(),
                                ID.matcher(a.path())
                                        .replaceFirst(java.util.regex.Matcher.quoteReplacement(encoded(badId))),
                                a.body(),
                                a.contentType(),
                                a.accept())));
            }
        }
        for (String parameter : operation.queryParameters().keySet()) {
            for (String value : ODD_PARAMETERS) {
                mutations.add(new Mutation(
                        "query " + parameter + "=" + abbreviated(value),
                        a -> new Attempt(
                                a.method(),
                                withQuery(a.path(), parameter, value),
                                a.body(),
                                a.contentType(),
                                a.accept())));
            }
        }
        if (operation.body() != null) {
            mutations.addAll(bodyMutations(operation.body(), contract));
        }
        return mutations;
    }

    private List<Mutation> bodyMutations(Map<String, Object> schema, Contract contract) {
        List<Mutation> mutations = new ArrayList<>();
        for (String raw : List.of(
                "",
                "{",
                "{\"a\":",
                "[]",
                "\"text\"",
                "null",
                "42",
                "{}x",
                "{\"a\":1,\"a\":2}",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":" + "{\"b\":".repeat(3000) + "1" + "}".repeat(3001))) {
            mutations.add(new Mutation("body " + abbreviated(raw), a -> a.withBody(raw.isEmpty() ? new byte[0] : raw)));
        }
        mutations.add(new Mutation(
                "body not UTF-8",
                a -> a.withBody(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})));
        mutations.add(new Mutation(
                "body in GBK", a -> a.withBody(Api.json(a.body()).getBytes(java.nio.charset.Charset.forName("GBK")))));
        mutations.add(new Mutation(
                "body of 2 MiB", a -> a.withBody(with(a.body(), "padding", "x".repeat(2 * 1024 * 1024)))));
        mutations.add(new Mutation("extra field", a -> a.withBody(with(a.body(), "unexpectedField", "x"))));
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "application/json; charset=latin1")) {
            mutations.add(new Mutation(
                    "Content-Type " + type, a -> new Attempt(a.method(), a.path(), a.body(), type, a.accept())));
        }
        Map<String, Object> properties = Contract.map(schema.get("properties"));
        List<?> required = schema.get("required") instanceof List<?> list ? list : List.of();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            String field = property.getKey();
            Map<String, Object> fieldSchema = contract.resolve(Contract.map(property.getValue()));
            String type = String.valueOf(fieldSchema.get("type"));
            mutations.add(new Mutation(field + " null", a -> a.withBody(with(a.body(), field, null))));
            if (required.contains(field)) {
                mutations.add(new Mutation(field + " missing", a -> a.withBody(without(a.body(), field))));
            }
            List<Object> values = new ArrayList<>();
            switch (type) {
                case "string" -> {
                    values.addAll(ODD_TEXT);
                    values.addAll(List.of(12345, false, List.of("x"), Map.of("x", 1)));
                }
                case "integer", "number" -> values.addAll(ODD_NUMBERS);
                case "boolean" -> values.addAll(List.of("yes", 1, "true", List.of(true)));
                case "array" -> {
                    values.addAll(List.of(
                            "x",
                            1,
                            Map.of(),
                            Collections.nCopies(10_000, "x"),
                            Collections.singletonList(null),
                            List.of(12345),
                            List.of(List.of("nested"))));
                    values.addAll(ODD_TEXT.subList(0, 6).stream().map(List::of).toList());
                }
                case "object" -> values.addAll(List.of("x", 1, List.of(), Map.of("unexpected", 1)));
                default -> values.addAll(List.of("x", 1));
            }
            for (Object value : values) {
                mutations.add(new Mutation(
                        field + "=" + abbreviated(String.valueOf(value)),
                        a -> a.withBody(with(a.body(), field, value))));
            }
        }
        return mutations;
    }

    private Response send(Attempt attempt, String caller) {
        Object body = attempt.body();
        if (body == null && !attempt.method().equals("GET")) {
            body = new byte[0];
        }
        Api.Call call = api.call(attempt.method(), attempt.path(), body)
                .as(token(caller))
                .contentType(attempt.contentType())
                .header("Accept", attempt.accept())
                .header("If-Match", "*");
        return call.send();
    }

    @SuppressWarnings("unchecked")
    private static Object with(Object body, String field, Object value) {
        if (!(body instanceof Map<?, ?> map)) {
            return body;
        }
        Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) map);
        changed.put(field, value);
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Object without(Object body, String field) {
        if (!(body instanceof Map<?, ?> map)) {
            return body;
        }
        Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) map);
        changed.remove(field);
        return changed;
    }

    private static String withQuery(String path, String parameter, String value) {
        return path + (path.contains("?") ? "&" : "?") + parameter + "=" + encoded(value);
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…(" + text.length() + " chars)";
    }
}
