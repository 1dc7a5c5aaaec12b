package org.opd.deploy;

/** Runs the whole OPD system locally until the process is stopped (Ctrl-C). */
public final class AllInOne {

    private AllInOne() {
    }

    public static void main(String[] args) {
        LocalSystem system = LocalSystem.start(LocalSystemConfig.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "opd-shutdown"));
    }
}
