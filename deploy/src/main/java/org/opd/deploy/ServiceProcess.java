package org.opd.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One service instance as a process of its own: its module's executable jar, told its settings through
 * {@code SPRING_APPLICATION_JSON} (in its environment, so secrets stay out of the process list), its output in
 * a log file. Ready when its readiness probe answers UP.
 */
final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final String name;
    private final Path jar;
    private final int port;
    private final String settingsJson;
    private final List<String> javaOptions;
    private final Path logFile;
    private Process process;

    ServiceProcess(String name, Path jar, int port, Map<String, Object> settings, List<String> javaOptions, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        Map<String, Object> all = new TreeMap<>(settings);
        all.put("spring.application.name", name);
        try {
            this.settingsJson = new ObjectMapper().writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Settings of " + name + " are not JSON", e);
        }
        this.javaOptions = List.copyOf(javaOptions);
        this.logFile = logDir.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Starts it and waits until it is ready; fails naming its log if it exits or is not ready in time. */
    void start(Duration readyWithin) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("SPRING_APPLICATION_JSON", settingsJson);
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        log.info("Started {} (pid {}, port {}, log {})", name, process.pid(), port, logFile);
        awaitReady(readyWithin);
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to the broker. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
        log.info("Killed {}", name);
    }

    /** SIGTERM, as Ctrl-C: the service shuts down in order; killed if it takes too long. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("{} did not stop within {}; killing it", name, STOP_TIMEOUT);
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; the end of " + logFile
                        + ":\n" + endOfLog());
            }
            if (ready()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + within + "; see " + logFile);
    }

    /** The log's last lines, so a failed start says why even where the log is deleted with the test's directory (CI). */
    private String endOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private boolean ready() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
