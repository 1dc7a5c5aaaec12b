package org.opd.orchestrator.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opd.testsupport.TestDatabase;

/**
 * One fresh database for every integration test class of the run, so they share one Spring
 * context; dropped when the run ends. Tests keep apart by creating their own hospitals.
 */
public final class SharedDatabase implements BeforeAllCallback {

    private static volatile TestDatabase database;

    public static TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("SharedDatabase is not registered on this test class");
        }
        return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SharedDatabase.class, key -> {
            database = TestDatabase.create();
            return (ExtensionContext.Store.CloseableResource) database::close;
        });
    }
}
