package dev.duijie.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/** The contract as the backend serves it ({@code GET /openapi.yaml}): its operations, their parameters and bodies. */
public final class Contract {

    /**
     * One operation: its id, method, path template, query parameters (name → schema), JSON body schema and
     * declared responses (status code or {@code default} → media types).
     */
    public record Operation(
            String id,
            String method,
            String path,
            Map<String, Map<String, Object>> queryParameters,
            @Nullable Map<String, Object> body,
            Map<String, Set<String>> responses) {

        /**
         * What in an answer the operation does not declare, or empty when it declares both the status and the
         * content type. {@code default} stands only for 5xx (every operation's default is the server error), so a
         * 4xx must be declared by its own code.
         */
        public Optional<String> undeclared(int status, String contentType) {
            Set<String> mediaTypes = responses.get(String.valueOf(status));
            if (mediaTypes == null && status >= 500) {
                mediaTypes = responses.get("default");
            }
            if (mediaTypes == null) {
                return Optional.of(
                        id + " does not declare status " + status + " (it declares " + responses.keySet() + ")");
            }
            String mediaType = contentType.split(";")[0].strip();
            if (mediaTypes.isEmpty() ? !mediaType.isEmpty() : !mediaTypes.contains(mediaType)) {
                return Optional.of(id + " declares " + (mediaTypes.isEmpty() ? "no body" : mediaTypes) + " for "
                        + status + ", answered " + (mediaType.isEmpty() ? "no content type" : mediaType));
            }
            return Optional.empty();
        }
    }

    private final Map<String, Object> document;

    public Contract(Api api) {
        Api.Response served = api.get("/openapi.yaml").send();
        if (served.status() != 200) {
            throw new AssertionError("the backend does not serve its contract: " + served);
        }
        this.document = new Yaml().load(served.body());
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : map(document.get("paths")).entrySet()) {
            Map<String, Object> item = map(path.getValue());
            List<Object> shared = list(item.get("parameters"));
            for (Map.Entry<String, Object> entry : item.entrySet()) {
                if (entry.getValue() instanceof Map<?, ?>
                        && map(entry.getValue()).get("operationId") instanceof String id) {
                    Map<String, Object> operation = map(entry.getValue());
                    Map<String, Map<String, Object>> query = new LinkedHashMap<>();
                    List<Object> parameters = new ArrayList<>(shared);
                    parameters.addAll(list(operation.get("parameters")));
                    for (Object parameter : parameters) {
                        Map<String, Object> resolved = resolve(map(parameter));
                        if ("query".equals(resolved.get("in"))) {
                            query.put((String) resolved.get("name"), resolve(map(resolved.get("schema"))));
                        }
                    }
                    Map<String, Object> body = null;
                    if (operation.get("requestBody") instanceof Map<?, ?> requestBody) {
                        Map<String, Object> json =
                                map(map(map(requestBody).get("content")).get("application/json"));
                        body = resolve(map(json.get("schema")));
                    }
                    Map<String, Set<String>> responses = new LinkedHashMap<>();
                    for (Map.Entry<String, Object> response :
                            map(operation.get("responses")).entrySet()) {
                        responses.put(
                                String.valueOf(response.getKey()),
                                new TreeSet<>(
                                        map(resolve(map(response.getValue())).get("content"))
                                                .keySet()));
                    }
                    operations.add(
                            new Operation(id, entry.getKey().toUpperCase(), path.getKey(), query, body, responses));
                }
            }
        }
        return operations;
    }

    /** A schema or parameter with its {@code $ref} followed (to the end of a chain). */
    public Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        while (current.get("$ref") instanceof String ref) {
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = map(target).get(part);
            }
            current = map(target);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(@Nullable Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(@Nullable Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
