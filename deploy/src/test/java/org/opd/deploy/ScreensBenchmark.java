package org.opd.deploy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.eta.projection.RedisQueueProjection;
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;
import org.opd.schemas.token.TokenStatus;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;

import redis.clients.jedis.JedisPooled;

/**
 * The screens' benchmark (issue 12), not part of the build; run it by name (docs/benchmarks.md).
 * Prints lines starting with {@code BENCH} and appends them to {@code target/screens-benchmark.txt}.
 *
 * <ul>
 *   <li>Staleness: moves through the API of the running system; from each 2xx until a real browser
 *       drew the change on the department's display (the page's own clock at the redraw).</li>
 *   <li>Capacity: many open streams (as many screens) while the projection applies and announces
 *       changes at a fixed rate; from each write until each stream got it.</li>
 * </ul>
 */
class ScreensBenchmark {

    private static final int ROUNDS = Integer.getInteger("opd.benchmark.rounds", 25);
    private static final int SCREENS = Integer.getInteger("opd.benchmark.screens", 1000);
    private static final int DEPARTMENTS = Integer.getInteger("opd.benchmark.departments", 10);
    private static final int RATE = Integer.getInteger("opd.benchmark.changes-per-second", 100);
    private static final int SECONDS = Integer.getInteger("opd.benchmark.seconds", 30);

    @TempDir
    static Path dataDir;

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void stalenessOfARealBrowserDisplay() throws Exception {
        RunningSystem.Clinic clinic = system.openClinic();
        WebDriver browser = Browser.open();
        try {
            Browser.openDisplay(browser, system.baseUrl, "dept=" + clinic.deptId + "&lang=en,hi", displayCredential(clinic));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".cabin")).isEmpty());
            ((JavascriptExecutor) browser).executeScript("""
                    window.renders = [];
                    new MutationObserver(() => window.renders.push({ t: Date.now(), text: document.getElementById('cabins').innerText }))
                        .observe(document.getElementById('cabins'), { childList: true });
                    window.speechSynthesis.speak = () => {};
                    """);
            List<Long> staleness = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                String token = clinic.token("Meera Iyer", "+919812340001");
                String number = String.format("CARD-%03d", round + 1);
                staleness.add(drawn(browser, () -> clinic.arrive(token), text -> text.contains(number)));
                staleness.add(drawn(browser, () -> system.post(clinic.doctor, "/doctors/" + clinic.doctorId + "/call-next", Map.of()),
                        text -> text.contains("Please go in")));
                staleness.add(drawn(browser, () -> system.post(clinic.doctor, "/tokens/" + token + "/start", Map.of()),
                        text -> text.contains(number) && !text.contains("Please go in")));
                staleness.add(drawn(browser, () -> system.post(clinic.doctor, "/tokens/" + token + "/complete", Map.of()),
                        text -> !text.contains(number)));
            }
            report("staleness API 2xx -> drawn in Chromium", staleness, "ms", "moves=" + staleness.size());
        } finally {
            browser.quit();
        }
    }

    /** Makes the move, then returns how long after its last 2xx the page drew a state passing the check. */
    private static long drawn(WebDriver browser, Runnable move, Predicate<String> shows) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.renders = [];");
        move.run();
        long answered = System.currentTimeMillis();
        return new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(10)).until(d -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> renders = (List<Map<String, Object>>) js.executeScript("return window.renders;");
            return renders.stream().filter(r -> shows.test((String) r.get("text")))
                    .map(r -> ((Number) r.get("t")).longValue() - answered).findFirst().orElse(null);
        });
    }

    @Test
    void openScreensWhileChangesFlow() throws Exception {
        // Departments with one doctor and one waiting token each; the screens spread over them.
        List<RunningSystem.Clinic> clinics = new ArrayList<>();
        List<UUID> tokens = new ArrayList<>();
        for (int i = 0; i < DEPARTMENTS; i++) {
            RunningSystem.Clinic clinic = system.openClinic();
            String token = clinic.token("Meera Iyer", "+919812340001");
            clinic.arrive(token);
            clinics.add(clinic);
            tokens.add(UUID.fromString(token));
        }
        Map<String, Long> writtenAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger open = new AtomicInteger();
        HttpClient http = HttpClient.newHttpClient();
        List<String> accessTokens = new ArrayList<>();
        for (RunningSystem.Clinic clinic : clinics) {
            accessTokens.add(system.token(displayCredential(clinic)));
        }
        for (int screen = 0; screen < SCREENS; screen++) {
            int d = screen % DEPARTMENTS;
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.baseUrl + "/api/v1/departments/" + clinics.get(d).deptId
                    + "/display/stream")).header("Authorization", "Bearer " + accessTokens.get(d)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Screen(open, writtenAt, latencies)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (open.get() < SCREENS && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        // Versions above what the eta-calculator wrote for these doctors, so each write is applied.
        long version = 1_000_000;
        int changes = 0;
        try (JedisPooled redis = new JedisPooled("127.0.0.1", 6379)) {
            RedisQueueProjection projection = new RedisQueueProjection(redis, Duration.ofSeconds(300), Duration.ofHours(24));
            long periodNanos = 1_000_000_000L / RATE;
            while (System.nanoTime() - started < Duration.ofSeconds(SECONDS).toNanos()) {
                int d = changes % DEPARTMENTS;
                RunningSystem.Clinic clinic = clinics.get(d);
                version++;
                writtenAt.put(clinic.doctorId + ":" + version, System.nanoTime());
                projection.project(snapshot(clinic, tokens.get(d), version, changes % 30));
                changes++;
                long next = started + changes * periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        Thread.sleep(2000);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9 / seconds;
        Runtime runtime = Runtime.getRuntime();
        long expected = (long) changes * (SCREENS / DEPARTMENTS);
        report("stream delivery projection write -> screen", new ArrayList<>(latencies), "ms",
                "screens=" + open.get() + " departments=" + DEPARTMENTS + " changes=" + changes
                        + String.format(" rate=%.0f/s", changes / (seconds - 2)) + " received=" + latencies.size() + "/" + expected
                        + String.format(" jvmCpu=%.2f cores", cpu)
                        + " heapUsedMB=" + (runtime.totalMemory() - runtime.freeMemory()) / 1_048_576
                        + " loadavg=" + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static QueueSnapshot snapshot(RunningSystem.Clinic clinic, UUID token, long version, int p50) {
        Instant now = Instant.now();
        return new QueueSnapshot(QueueSnapshot.SCHEMA_VERSION, UUID.fromString(clinic.doctorId), UUID.fromString(clinic.deptId),
                UUID.fromString(clinic.hospitalId), version, now, DoctorStatus.AVAILABLE, null,
                List.of(new QueuedToken(token, "CARD-001", TokenStatus.WAITING, 1, 1, p50, p50 + 10, now, null, null)),
                List.of(), List.of());
    }

    /** One screen: counts itself open at "ready", then times each queue event against its write. */
    private static final class Screen implements Flow.Subscriber<String> {
        private final AtomicInteger open;
        private final Map<String, Long> writtenAt;
        private final ConcurrentLinkedQueue<Long> latencies;
        private String event;

        Screen(AtomicInteger open, Map<String, Long> writtenAt, ConcurrentLinkedQueue<Long> latencies) {
            this.open = open;
            this.writtenAt = writtenAt;
            this.latencies = latencies;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6);
            } else if (line.startsWith("id:") && "queue".equals(event)) {
                Long written = writtenAt.get(line.substring(3));
                if (written != null) {
                    latencies.add((System.nanoTime() - written) / 1_000_000);
                }
            } else if (line.startsWith("data:") && "ready".equals(event)) {
                open.incrementAndGet();
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    private static JsonNode displayCredential(RunningSystem.Clinic clinic) {
        return system.credential(Map.of("kind", "DISPLAY", "name", "TV", "hospitalId", clinic.hospitalId,
                "deptId", clinic.deptId, "roles", List.of("DISPLAY")));
    }

    private static void report(String what, List<Long> samples, String unit, String details) throws IOException {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        String line = sorted.isEmpty() ? "BENCH " + what + ": no samples " + details
                : String.format("BENCH %s: n=%d p50=%d%s p99=%d%s max=%d%s %s", what, sorted.size(),
                        percentile(sorted, 0.50), unit, percentile(sorted, 0.99), unit, sorted.get(sorted.size() - 1), unit, details);
        System.out.println(line);
        Files.writeString(Path.of("target", "screens-benchmark.txt"), line + " at " + Instant.now() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
