package org.opd.deploy;

import org.slf4j.LoggerFactory;

/** Runs the whole OPD system locally until the process is stopped (Ctrl-C). */
public final class AllInOne {

    private AllInOne() {
    }

    public static void main(String[] args) {
        LocalSystem system;
        try {
            system = LocalSystem.start(LocalSystemConfig.fromEnvironment());
        } catch (RuntimeException e) {
            // Threads that a half-started service leaves behind would keep the JVM up with nothing serving.
            LoggerFactory.getLogger(AllInOne.class).error("OPD system did not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "opd-shutdown"));
    }
}
