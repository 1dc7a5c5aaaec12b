package org.opd.deploy.load;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.opd.deploy.LocalSecrets;
import org.opd.deploy.LocalSystemConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.JedisPool;

/**
 * The load generator ({@code deploy/bin/load.sh}): simulated OPD mornings through the running
 * system's HTTP API, the lags to Redis and the notification log, and the end-of-run check.
 * It reads the runner's configuration (the OPD_* variables) and its bootstrap client from
 * {@code <data dir>/secrets.env}. Exit status 0 when the check passed, 1 when not, 2 on bad arguments.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalSystemConfig config = LocalSystemConfig.fromEnvironment();
        Path secretsDir = config.dataDir();
        LocalSecrets secrets = LocalSecrets.existing(secretsDir).orElse(null);
        if (secrets == null) {
            System.err.println("No " + secretsDir.resolve(LocalSecrets.FILE) + ": start the system with deploy/bin/run-local.sh first"
                    + " (or set OPD_DATA_DIR to its data directory)");
            System.exit(2);
            return;
        }
        String baseUrl = options.baseUrl() != null ? options.baseUrl() : "http://127.0.0.1:" + config.orchestratorPort();
        LoadTarget target = new LoadTarget(baseUrl, secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_ID),
                secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_SECRET), config.jdbcUrl(), config.pgUser(), config.pgPassword(),
                config.redisHost(), config.redisPort());
        ObjectMapper json = new ObjectMapper();
        Instant startedAt = Instant.now();
        RunReport report = run(options, target, json, System.out::println);
        System.out.print(report.text());
        for (Path written : report.write(json, startedAt)) {
            System.out.println("Wrote " + written);
        }
        System.exit(report.passed() ? 0 : 1);
    }

    /** Makes the clinic, runs the load, drains and checks. */
    static RunReport run(LoadOptions options, LoadTarget target, ObjectMapper json, Consumer<String> out)
            throws SQLException, InterruptedException, IOException {
        ApiClient api = new ApiClient(target.baseUrl(), json);
        Credential bootstrap = new Credential(api, target.clientId(), target.clientSecret());
        MorningProfile profile = MorningProfile.DEFAULT;
        out.accept("Making %d hospitals × %d departments × %d doctors ...".formatted(options.hospitals(), options.departments(),
                options.doctors()));
        SimulatedClinic clinic = SimulatedClinic.create(api, bootstrap, options, profile);
        long capacity = (long) clinic.lanes().size() * profile.tokensPerShift() * 6;
        if (options.rate() > 0 && options.rate() * options.duration().toSeconds() > capacity) {
            out.accept("Note: the doctors' shifts hold about %d moves, fewer than %.0f/s for %s asks; the load may end early"
                    .formatted(capacity, options.rate(), options.duration()));
        }
        out.accept("Load starts: %s for %s with %d clients".formatted(
                options.rate() == 0 ? "as fast as possible" : "%.0f moves/s".formatted(options.rate()), options.duration(), options.clients()));
        try (Connection database = DriverManager.getConnection(target.jdbcUrl(), target.pgUser(), target.pgPassword());
             JedisPool redis = new JedisPool(target.redisHost(), target.redisPort())) {
            MoveRequests requests = new MoveRequests(api, clinic.desk(), clinic.doctors(), profile);
            return new LoadRun(options, clinic, requests, database, redis, out).run();
        }
    }
}
