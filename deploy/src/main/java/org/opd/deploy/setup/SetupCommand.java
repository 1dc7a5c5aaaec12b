package org.opd.deploy.setup;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code deploy/bin/setup.sh [--validate | --force]}: prints one line per thing it looks after and
 * exits 0 when everything is in place, 1 when anything is missing or not as it should be, 2 for
 * wrong arguments.
 */
public final class SetupCommand {

    private SetupCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, SetupConfig.fromEnvironment(), System.out));
    }

    static int run(String[] args, SetupConfig config, PrintStream out) {
        Mode mode;
        if (args.length == 0) {
            mode = Mode.CREATE;
        } else if (args.length == 1 && args[0].equals("--validate")) {
            mode = Mode.VALIDATE;
        } else if (args.length == 1 && args[0].equals("--force")) {
            mode = Mode.FORCE;
        } else {
            out.println("usage: setup.sh [--validate | --force]");
            return 2;
        }
        List<Finding> findings = Setup.run(config, mode);
        findings.forEach(out::println);
        boolean fine = Setup.allFine(findings);
        out.println(fine ? "Everything is in place." : "Not everything is in place: see MISSING and WRONG above.");
        return fine ? 0 : 1;
    }
}
