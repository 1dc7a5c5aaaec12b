package org.opd.eta;

import org.flywaydb.core.Flyway;
import org.opd.testsupport.TestDatabase;

/** Fresh databases with the OPD schema, as the orchestrator's migrations build it in production. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static TestDatabase migrated() {
        TestDatabase database = TestDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
        return database;
    }
}
