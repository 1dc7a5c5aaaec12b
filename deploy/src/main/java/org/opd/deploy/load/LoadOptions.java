package org.opd.deploy.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;

/**
 * What a run does, from {@code --name=value} arguments; every one has a default.
 *
 * @param rate         token moves per second to offer; 0 = as fast as the system answers
 * @param duration     how long the load lasts
 * @param clients      concurrent simulated clients (HTTP requests in flight at most)
 * @param hospitals    hospitals made for the run
 * @param departments  departments per hospital
 * @param doctors      doctors per department
 * @param sampleEvery  one move in this many has its lag to Redis measured (and one issue in this many its lag to the notification log)
 * @param drainTimeout how long after the load the pipeline may take to catch up before the check
 * @param out          directory for the summary (JSON) and the plot (PNG)
 * @param baseUrl      the orchestrator, e.g. {@code http://127.0.0.1:8080}; null = the runner's port
 */
record LoadOptions(double rate, Duration duration, int clients, int hospitals, int departments, int doctors,
                   int sampleEvery, Duration drainTimeout, Path out, String baseUrl) {

    static final String USAGE = """
            usage: deploy/bin/load.sh [--rate=<moves/s>|max] [--duration=30s] [--clients=16] [--hospitals=2]
                                      [--departments=5] [--doctors=5] [--sample-every=5] [--drain-timeout=2m]
                                      [--out=var/load] [--base-url=http://127.0.0.1:8080]""";

    LoadOptions {
        require(rate >= 0, "rate", "must be a number of moves per second, or max");
        require(!duration.isNegative() && !duration.isZero(), "duration", "must be positive");
        require(clients >= 1, "clients", "must be at least 1");
        require(hospitals >= 1, "hospitals", "must be at least 1");
        require(departments >= 1 && departments <= 99, "departments", "must be 1 to 99");
        // A department issues at most 9,999 tokens a day, a doctor's shift at most 500.
        require(doctors >= 1 && doctors <= 19, "doctors", "must be 1 to 19 per department");
        require(sampleEvery >= 1, "sample-every", "must be at least 1");
        require(!drainTimeout.isNegative(), "drain-timeout", "must not be negative");
    }

    static LoadOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("argument " + arg + ": expected --name=value\n" + USAGE);
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        LoadOptions options = new LoadOptions(
                rate(given.remove("rate")),
                duration("duration", given.remove("duration"), "30s"),
                integer("clients", given.remove("clients"), 16),
                integer("hospitals", given.remove("hospitals"), 2),
                integer("departments", given.remove("departments"), 5),
                integer("doctors", given.remove("doctors"), 5),
                integer("sample-every", given.remove("sample-every"), 5),
                duration("drain-timeout", given.remove("drain-timeout"), "2m"),
                Path.of(orDefault(given.remove("out"), "var/load")),
                given.remove("base-url"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown argument --" + given.keySet().iterator().next() + "\n" + USAGE);
        }
        return options;
    }

    private static double rate(String value) {
        if (value == null) {
            return 100;
        }
        if (value.equals("max")) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(value);
            require(rate > 0, "rate", "must be positive, or max");
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate: must be a number of moves per second, or max, not " + value);
        }
    }

    private static Duration duration(String name, String value, String fallback) {
        try {
            return DurationStyle.detectAndParse(value == null ? fallback : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + ": must be a duration such as 30s or 10m, not " + value);
        }
    }

    private static int integer(String name, String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": must be a whole number, not " + value);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static void require(boolean condition, String name, String reason) {
        if (!condition) {
            throw new IllegalArgumentException("--" + name + ": " + reason);
        }
    }
}
