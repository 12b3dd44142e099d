package dev.duijie.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api;
import dev.duijie.support.Api.Response;
import dev.duijie.support.AuthorizationMatrix;
import dev.duijie.support.Contract;
import dev.duijie.support.ContractCalls;
import dev.duijie.support.DatabaseState;
import dev.duijie.support.IntegrationTest;
import dev.duijie.support.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the contract, called by every kind of caller — nobody, each role, and for each role
 * the owner of the object and another organization (or person) — against the expected statuses in
 * {@code authorization-matrix.txt}. Besides the status, every answer is checked for leaks: the texts of
 * drafts, sealed bids and offers, investors' notes, cover letters and talents' phone numbers carry secret
 * words (see {@link Scene}) that only their readers may get back. A refused write must change nothing in
 * PostgreSQL; every refusal is problem+json.
 */
class AuthorizationMatrixIT extends IntegrationTest {

    @Test
    void everyOperationAnswersEveryCallerAsTheMatrixSaysAndLeaksNothing() {
        AuthorizationMatrix matrix = AuthorizationMatrix.read();
        List<String> callers = matrix.callers();
        Map<String, Map<String, Integer>> expected = matrix.rows();
        assertThat(expected.keySet().stream()
                        .map(key -> key.split("#")[0])
                        .distinct()
                        .toList())
                .as("the matrix has a row for every operation of the contract, and no other")
                .containsExactlyInAnyOrderElementsOf(new Contract(api)
                        .operations().stream().map(Contract.Operation::id).toList())
                .hasSizeGreaterThan(80);

        DatabaseState database = new DatabaseState(jdbc);
        List<Scene> scenes = new ArrayList<>();
        try {
            walk(expected, callers, database, scenes);
        } finally {
            scenes.forEach(Scene::takeOffTheMarket);
        }
    }

    private void walk(
            Map<String, Map<String, Integer>> expected,
            List<String> callers,
            DatabaseState database,
            List<Scene> scenes) {
        Map<String, Contract.Operation> contract =
                new Contract(api).operations().stream().collect(Collectors.toMap(Contract.Operation::id, o -> o));
        Scene scene = newScene(scenes);
        List<String> differences = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Map<String, Integer>> row : expected.entrySet()) {
            String operation = row.getKey();
            for (String caller : callers) {
                ContractCalls.Call call = ContractCalls.of(operation, scene, caller);
                List<String> before = call.writes() ? database.now() : List.of();
                Response response = send(call, caller);
                calls++;
                String where = operation + " as " + caller + " (" + call.method() + " " + call.path() + ")";
                int status = row.getValue().get(caller);
                if (response.status() != status) {
                    differences.add(where + ": expected " + status + ", got " + response);
                }
                contract.get(operation.split("#")[0])
                        .undeclared(response.status(), response.contentType())
                        .ifPresent(undeclared -> differences.add(where + ": " + undeclared));
                if (response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    differences.add(where + ": an error that is not problem+json: " + response.contentType());
                }
                boolean auditedForTheRegulator = operation.equals("listAuditEvents") && caller.equals("regulator");
                for (Scene.Secret secret : scene.secrets()) {
                    if (response.body().contains(secret.word())
                            && !secret.readers().contains(caller)
                            && !auditedForTheRegulator) {
                        differences.add(where + ": leaked " + secret.what() + " (only for " + secret.readers() + ")");
                    }
                }
                if (call.writes() && response.status() >= 400) {
                    List<String> after = database.now();
                    if (!after.equals(before)) {
                        differences.add(where + ": refused with " + response.status() + " but changed "
                                + changedTables(before, after));
                    }
                }
                if (call.writes() && response.status() < 300) {
                    scene = newScene(scenes); // the objects it acted on have moved on; the next caller gets fresh ones
                }
            }
        }
        assertThat(differences)
                .as(calls + " calls; differences from the matrix")
                .isEmpty();
    }

    private Scene newScene(List<Scene> scenes) {
        Scene scene = new Scene(api, this::token);
        scenes.add(scene);
        // both talents have a profile, so "my profile" and applying mean the same for each
        scene.talentProfile("talent");
        scene.talentProfile("talent-b");
        return scene;
    }

    private Response send(ContractCalls.Call call, String caller) {
        Api.Call request = api.call(call.method(), call.path(), call.body());
        if (!caller.equals("anonymous")) {
            request.as(token(caller));
        }
        if (call.writes()) {
            request.header("If-Match", "*");
        }
        return request.send();
    }

    private static List<String> changedTables(List<String> before, List<String> after) {
        List<String> changed = new ArrayList<>(after);
        changed.removeAll(before);
        return changed;
    }
}
