package dev.duijie.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code authorization-matrix.txt}: what every operation answers to every kind of caller. The header line
 * ({@code # operation anonymous regulator ...}) names the callers; each row is an operation (with an optional
 * {@code #variant}) and one status per caller.
 */
public final class AuthorizationMatrix {

    private final List<String> callers = new ArrayList<>();
    private final Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();

    public static AuthorizationMatrix read() {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream("/authorization-matrix.txt")) {
            if (in == null) {
                throw new IllegalStateException("authorization-matrix.txt is not on the test class path");
            }
            return new AuthorizationMatrix(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AuthorizationMatrix(String text) {
        for (String line : text.lines().toList()) {
            String[] cells = line.replaceFirst("^#", "").trim().split("\\s+");
            if (line.startsWith("# operation ")) {
                callers.addAll(List.of(cells).subList(1, cells.length));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                if (cells.length != callers.size() + 1) {
                    throw new IllegalStateException("not one status per caller in: " + line);
                }
                Map<String, Integer> statuses = new LinkedHashMap<>();
                for (int i = 0; i < callers.size(); i++) {
                    statuses.put(callers.get(i), Integer.parseInt(cells[i + 1]));
                }
                if (rows.put(cells[0], statuses) != null) {
                    throw new IllegalStateException("two rows for " + cells[0]);
                }
            }
        }
    }

    public List<String> callers() {
        return List.copyOf(callers);
    }

    /** Operation (with variant) → caller → expected status, in file order. */
    public Map<String, Map<String, Integer>> rows() {
        return rows;
    }

    /** The first caller the operation succeeds for, if any. */
    public Optional<String> anAllowedCaller(String operation) {
        return rows.get(operation).entrySet().stream()
                .filter(e -> e.getValue() < 300)
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
