package org.opd.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.slf4j.LoggerFactory;

/**
 * Runs the whole OPD system locally until the process is stopped (Ctrl-C): every service in this JVM, or with
 * {@code --processes} each service its own process ({@code --eta-instances=N}, {@code --notifier-instances=N},
 * 1 each unless told; instance i listens on the configured port + 100 × (i − 1)).
 */
public final class AllInOne {

    private static final int PORT_STEP = 100;

    private AllInOne() {
    }

    public static void main(String[] args) {
        OpdSystem system;
        try {
            LocalSystemConfig config = LocalSystemConfig.fromEnvironment();
            List<String> options = List.of(args);
            system = options.contains("--processes")
                    ? ProcessSystem.start(config, new ProcessSystem.Instances(ports(config.etaPort(), count(options, "--eta-instances=")),
                            ports(config.notifierPort(), count(options, "--notifier-instances="))), Path.of(""))
                    : LocalSystem.start(config);
        } catch (RuntimeException e) {
            // Threads that a half-started service leaves behind would keep the JVM up with nothing serving.
            LoggerFactory.getLogger(AllInOne.class).error("OPD system did not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "opd-shutdown"));
    }

    private static int count(List<String> options, String prefix) {
        int count = options.stream().filter(option -> option.startsWith(prefix)).findFirst()
                .map(option -> Integer.parseInt(option.substring(prefix.length()))).orElse(1);
        if (count < 1 || count > 9) {
            throw new IllegalArgumentException(prefix + " must be from 1 to 9");
        }
        return count;
    }

    private static List<Integer> ports(int first, int count) {
        return IntStream.range(0, count).mapToObj(i -> first + PORT_STEP * i).toList();
    }
}
