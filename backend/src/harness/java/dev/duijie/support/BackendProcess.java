package dev.duijie.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged backend ({@code backend/target/duijie-backend.jar}) as a child process on a fixed port, so a test
 * can SIGKILL it and start it again as an operator would. It reads its settings (database, Elasticsearch,
 * Keycloak) from the environment it inherits, plus the given arguments. Its pid goes to a pid file, so
 * {@code ./duijie} can stop it if the test JVM itself dies.
 */
public final class BackendProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final Path jar;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private final Path pidFile;
    private Process process;

    public BackendProcess(Path jar, List<String> arguments, Path log, Path pidFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the backend first (./mvnw package)");
        }
        this.jar = jar;
        this.port = freePort();
        this.arguments = arguments;
        this.log = log;
        this.pidFile = pidFile;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Starts it and waits until it reports ready (database reachable). */
    public void start() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of("SERVER_PORT", String.valueOf(port)));
        process = builder.start();
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, process.pid() + "\n");
        Api api = new Api(baseUrl());
        Instant giveUp = Instant.now().plus(STARTUP);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the backend exited while starting (exit " + process.exitValue() + "); see " + log);
            }
            try {
                if (api.get("/actuator/health/readiness").send().status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused until Tomcat is up
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("the backend did not become ready within " + STARTUP + "; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful end of requests in flight; as a crash or the OOM killer. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the script cleans it up otherwise
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
