package org.opd.cdc;

import java.util.ArrayList;
import java.util.List;

import org.opd.testsupport.TestDatabase;

/** Command-line arguments that point a connector at a test database and broker, each database with its own slot. */
final class ConnectorArgs {

    private ConnectorArgs() {
    }

    static List<String> of(TestDatabase db, String bootstrapServers, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--opd.cdc.database.host=" + db.host(),
                "--opd.cdc.database.port=" + db.port(),
                "--opd.cdc.database.name=" + db.name(),
                "--opd.cdc.database.user=" + db.user(),
                "--opd.cdc.database.password=" + db.password(),
                "--opd.cdc.kafka-bootstrap-servers=" + bootstrapServers,
                // Slots belong to the whole server, so each test database gets its own.
                "--opd.cdc.slot-name=" + slotName(db),
                "--opd.cdc.publication-name=" + db.name() + "_publication",
                "--opd.cdc.slot-check-interval=200ms"));
        args.addAll(List.of(extra));
        return args;
    }

    static String slotName(TestDatabase db) {
        return db.name() + "_slot";
    }
}
