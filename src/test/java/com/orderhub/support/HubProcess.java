package com.orderhub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged hub as a separate JVM, started from the project folder (its routes and mappings),
 * its output in {@code log}; ready once its health answers 200. For the integration tests that
 * need what only a real process shows: a crash, a second instance, a browser, its console output.
 */
public record HubProcess(Process process, Path log) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static HubProcess start(int port, List<String> args, Map<String, String> env, Path log) throws Exception {
        return start(port, args, env, log, null);
    }

    /**
     * With {@code errors} not null the hub's standard error goes there, so {@code log} holds exactly
     * what it printed to standard output (where its log lines go).
     */
    public static HubProcess start(int port, List<String> args, Map<String, String> env, Path log, Path errors)
            throws Exception {
        HubProcess hub = launch(port, args, env, log, errors);
        hub.awaitHealthy(port);
        return hub;
    }

    /** Waits until the hub launched on this port says it is healthy; killed if it does not. */
    public HubProcess awaitHealthy(int port) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("hub exited: " + Files.readString(log));
                }
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (Throwable e) {
            kill();
            throw e;
        }
        return this;
    }

    /** The jar started and left to itself: for a test of how it ends (a start that must fail). */
    public static HubProcess launch(int port, List<String> args, Map<String, String> env, Path log, Path errors)
            throws IOException {
        Path jar = Path.of("target/orderhub-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("run through mvn verify: the jar is packaged before integration tests").exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(log.toFile());
        if (errors == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(errors.toFile());
        }
        // production drains for seconds on SIGTERM; only the tests of the drain want to wait for it
        builder.environment().put("ORDERHUB_API_DRAINONSTOP", "0s");
        builder.environment().putAll(env);
        return new HubProcess(builder.start(), log);
    }

    /**
     * The readiness probe's status on this port, given the 3 s a load balancer would give it;
     * -1 when it timed out or the port refused the connection.
     */
    public static int readiness(int port) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException timedOutOrRefused) {
            return -1;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, exactly like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the hub's graceful stop; whether it ended within a minute. */
    public boolean terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
