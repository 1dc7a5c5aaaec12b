package org.opd.eta.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.opd.eta.estimate.EtaEstimator;
import org.opd.eta.topology.QueueTopology;
import org.opd.eta.topology.TopologySettings;
import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.springframework.util.FileSystemUtils;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Replays simulated days through the real topology (one TopologyTestDriver for all of them, so what the
 * model learned on one day is in its state the next, as in production; wall clock following the
 * simulated time, so the punctuation runs as in production) and pairs the ETA each patient was shown
 * at check-in with the wait that really followed.
 */
final class EtaReplay {

    /** What one patient was shown at check-in and what happened; {@code day} counts from 1 in the replayed days. */
    record Shown(int day, UUID tokenId, int p50, int p90, double actualMinutes, String tokenNumber, int position,
            OpdDay.Unforeseen unforeseen, int priority, OpdStaff.Pace pace) {
    }

    /** Accuracy over a set of patients. */
    record Accuracy(int patients, double meanAbsoluteError, double p90Coverage, double bias) {

        static Accuracy of(List<Shown> shown) {
            double error = shown.stream().mapToDouble(s -> Math.abs(s.p50() - s.actualMinutes())).average().orElse(Double.NaN);
            double covered = shown.stream().filter(s -> s.actualMinutes() <= s.p90()).count() / (double) shown.size();
            double bias = shown.stream().mapToDouble(s -> s.p50() - s.actualMinutes()).average().orElse(Double.NaN);
            return new Accuracy(shown.size(), error, covered, bias);
        }
    }

    private EtaReplay() {
    }

    /**
     * {@link #replay(List, EtaEstimator)} with each estimator, in parallel (one thread per core): the
     * result's element {@code e} is for {@code estimators.get(e)}.
     */
    static List<List<List<Shown>>> replayEach(List<OpdDay> days, List<Supplier<EtaEstimator>> estimators) {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<CompletableFuture<List<List<Shown>>>> replays = estimators.stream()
                    .map(estimator -> CompletableFuture.supplyAsync(() -> replay(days, estimator.get()), pool))
                    .toList();
            return replays.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The patients of each day, in the order of {@code days} (consecutive days of one staff). */
    static List<List<Shown>> replay(List<OpdDay> days, EtaEstimator estimator) {
        try {
            // The stores are in memory (the test driver flushes them after every record); the driver still wants a directory.
            Path stateDir = Files.createTempDirectory("eta-replay");
            try {
                return replay(days, estimator, stateDir);
            } finally {
                FileSystemUtils.deleteRecursively(stateDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<Shown>> replay(List<OpdDay> days, EtaEstimator estimator, Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "eta-accuracy-replay");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Every event published at once: the replay scores the estimate each event leads to.
        TopologySettings settings = new TopologySettings(Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofMinutes(10),
                30, Duration.ofMinutes(60), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ZERO);
        Map<UUID, int[]> atCheckIn = new HashMap<>();
        Map<UUID, String> numbers = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                new QueueTopology(estimator, settings, new SimpleMeterRegistry(), Stores::inMemoryKeyValueStore).build(), config, days.get(0).start())) {
            TestInputTopic<String, TokenEvent> tokens = driver.createInputTopic(Topics.TOKEN_EVENTS.name(),
                    Topics.TOKEN_EVENTS.keySerde().serializer(), Topics.TOKEN_EVENTS.valueSerde().serializer());
            TestInputTopic<String, DoctorEvent> doctors = driver.createInputTopic(Topics.DOCTOR_EVENTS.name(),
                    Topics.DOCTOR_EVENTS.keySerde().serializer(), Topics.DOCTOR_EVENTS.valueSerde().serializer());
            TestOutputTopic<String, QueueSnapshot> snapshots = driver.createOutputTopic(Topics.QUEUE_SNAPSHOTS.name(),
                    Topics.QUEUE_SNAPSHOTS.keySerde().deserializer(), Topics.QUEUE_SNAPSHOTS.valueSerde().deserializer());
            // ETA changes, notification requests and alerts are not measured here; drained unread so memory stays flat.
            List<TestOutputTopic<byte[], byte[]>> unmeasured = Stream.of(Topics.ETA_CHANGES, Topics.NOTIFICATION_REQUESTS, Topics.ALERTS)
                    .map(topic -> driver.createOutputTopic(topic.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer()))
                    .toList();
            Instant clock = days.get(0).start();
            for (OpdDay.Timed timed : days.stream().flatMap(day -> day.events().stream()).toList()) {
                if (timed.at().isAfter(clock)) {
                    driver.advanceWallClockTime(Duration.between(clock, timed.at()));
                    clock = timed.at();
                }
                if (timed.event() instanceof TokenEvent event) {
                    tokens.pipeInput(new TestRecord<>(timed.doctorKey(), event, timed.at()));
                    List<QueueSnapshot> published = snapshots.readValuesToList();
                    if (event.type() == TokenEventType.TOKEN_CHECKED_IN && !published.isEmpty()) {
                        QueueSnapshot latest = published.get(published.size() - 1);
                        for (QueuedToken token : latest.waiting()) {
                            if (token.tokenId().equals(event.tokenId())) {
                                atCheckIn.put(token.tokenId(), new int[] {token.etaMinutesP50(), token.etaMinutesP90(), token.position()});
                                numbers.put(token.tokenId(), token.tokenNumber());
                            }
                        }
                    }
                } else {
                    doctors.pipeInput(new TestRecord<>(timed.doctorKey(), (DoctorEvent) timed.event(), timed.at()));
                    snapshots.readValuesToList();
                }
                unmeasured.forEach(TestOutputTopic::readRecordsToList);
            }
        }
        List<List<Shown>> shownByDay = new ArrayList<>();
        for (OpdDay day : days) {
            int dayNumber = shownByDay.size() + 1;
            List<Shown> shown = new ArrayList<>();
            day.waits().forEach((tokenId, wait) -> {
                int[] eta = atCheckIn.get(tokenId);
                if (eta != null) {
                    shown.add(new Shown(dayNumber, tokenId, eta[0], eta[1], wait.toMillis() / 60_000.0, numbers.get(tokenId), eta[2],
                            day.unforeseen(tokenId), day.priority(tokenId), day.pace(tokenId)));
                }
            });
            shownByDay.add(shown);
        }
        return shownByDay;
    }
}
