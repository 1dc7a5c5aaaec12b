package org.opd.deploy.load;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.opd.deploy.LocalSystemConfig;

import redis.clients.jedis.JedisPool;

/**
 * {@code deploy/bin/check.sh [--since=1h] [--settle=30s]}: the invariant check of a running system, for an
 * operator: PostgreSQL (the truth) against Redis and the notification log, for the tokens changed in the
 * last {@code since}. A difference can be a change still on its way, so the check is repeated until it
 * holds or {@code settle} has passed; what still differs then is printed. Exit 0 when every property
 * holds, 1 when one does not, 2 for wrong arguments. PostgreSQL and Redis from the runner's OPD_* variables.
 */
public final class LiveCheckCommand {

    private static final Duration RECHECK_EVERY = Duration.ofSeconds(2);

    private LiveCheckCommand() {
    }

    public static void main(String[] args) throws Exception {
        LocalSystemConfig config = LocalSystemConfig.fromEnvironment();
        try (Connection database = DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), config.pgPassword());
             JedisPool redis = new JedisPool(config.redisHost(), config.redisPort())) {
            System.exit(run(args, new InvariantCheck(database, redis), System.out));
        }
    }

    static int run(String[] args, InvariantCheck check, PrintStream out) throws SQLException, InterruptedException {
        Duration since = Duration.ofHours(1);
        Duration settle = Duration.ofSeconds(30);
        try {
            for (String arg : args) {
                if (arg.startsWith("--since=")) {
                    since = Duration.parse("PT" + arg.substring("--since=".length()).toUpperCase());
                } else if (arg.startsWith("--settle=")) {
                    settle = Duration.parse("PT" + arg.substring("--settle=".length()).toUpperCase());
                } else {
                    throw new IllegalArgumentException(arg);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            out.println("usage: check.sh [--since=1h] [--settle=30s]");
            return 2;
        }
        Instant from = Instant.now().minus(since);
        long deadline = System.nanoTime() + settle.toNanos();
        InvariantCheck.Result result = check.checkLive(from);
        while (!result.passed() && System.nanoTime() < deadline) {
            Thread.sleep(RECHECK_EVERY.toMillis());
            result = check.checkLive(from);
        }
        out.println("Tokens changed since " + from + ":");
        for (InvariantCheck.Finding finding : result.findings()) {
            out.printf("  %-18s %s  %,d checked, %,d differ%n", finding.property(), finding.holds() ? "holds" : "BROKEN",
                    finding.checked(), finding.violations());
            finding.examples().forEach(example -> out.println("      " + example));
        }
        out.println(result.passed() ? "Everything agrees with PostgreSQL." : "Not everything agrees: see BROKEN above.");
        return result.passed() ? 0 : 1;
    }
}
