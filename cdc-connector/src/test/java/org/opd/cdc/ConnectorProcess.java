package org.opd.cdc;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The connector in a JVM of its own, started from the test's class path, so that a test can kill it
 * the hard way ({@code kill -9}: no shutdown hook, no offset flush, no slot release).
 */
final class ConnectorProcess implements AutoCloseable {

    private static final String CAPTURING = "Capturing public.outbox through slot";

    private final Process process;
    private final Path log;

    private ConnectorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a connector with these arguments and waits until it captures. */
    static ConnectorProcess start(List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CdcConnectorApplication.class.getName()));
        command.addAll(args);
        command.add("--logging.level.org.opd=INFO");
        try {
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ConnectorProcess connector = new ConnectorProcess(process, log);
            connector.awaitCapturing();
            return connector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitCapturing() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Connector exited with " + process.exitValue() + "; see " + log);
            }
            return Files.readString(log).contains(CAPTURING);
        });
    }

    /** SIGKILL on Linux: the JVM gets no chance to flush offsets or close anything. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
