package org.opd.deploy;

/** The whole local system as it runs, in one JVM ({@link LocalSystem}) or one process per service ({@link ProcessSystem}). */
public interface OpdSystem extends AutoCloseable {

    String kafkaBootstrapServers();

    /** Stops the services in reverse order, then the broker. */
    @Override
    void close();
}
