package org.opd.deploy.setup;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;

/** The OPD schema: the Flyway migrations of the schemas jar, the ones the orchestrator applies at start. */
final class DatabaseSchema {

    private static final String SUBJECT = "PostgreSQL schema (Flyway migrations)";

    private final Flyway flyway;

    DatabaseSchema(SetupConfig config) {
        flyway = Flyway.configure()
                .dataSource(config.jdbcUrl(), config.pgUser(), config.pgPassword())
                .locations("classpath:db/migration")
                .load();
    }

    List<Finding> run(Mode mode) {
        try {
            return migrate(mode);
        } catch (FlywayException e) {
            // Unreachable server, missing database, refused credentials, a failed migration (rolled back).
            return List.of(new Finding(SUBJECT, Finding.Outcome.WRONG, e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private List<Finding> migrate(Mode mode) {
        MigrationInfo current = flyway.info().current();
        if (mode == Mode.FORCE && current != null) {
            return List.of(new Finding(SUBJECT, Finding.Outcome.WRONG, "already migrated to version " + current.getVersion()));
        }
        if (mode != Mode.VALIDATE) {
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                return List.of(new Finding(SUBJECT, Finding.Outcome.CREATED, "applied " + applied + " migrations, now at version "
                        + flyway.info().current().getVersion()));
            }
        }
        return List.of(check());
    }

    private Finding check() {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) {
            return new Finding(SUBJECT, Finding.Outcome.MISSING, pending.length + " migrations not applied: "
                    + Arrays.stream(pending).map(m -> "V" + m.getVersion()).collect(Collectors.joining(", ")));
        }
        ValidateResult validation = flyway.validateWithResult();
        if (!validation.validationSuccessful) {
            return new Finding(SUBJECT, Finding.Outcome.WRONG, validation.invalidMigrations.stream()
                    .map(invalid -> "V" + invalid.version + " " + invalid.errorDetails.errorMessage)
                    .collect(Collectors.joining("; ")));
        }
        return Finding.inPlace(SUBJECT);
    }
}
