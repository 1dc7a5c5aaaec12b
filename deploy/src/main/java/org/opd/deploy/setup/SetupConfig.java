package org.opd.deploy.setup;

/**
 * Where the set-up command finds PostgreSQL, Kafka and Redis, and the names of the cdc-connector's
 * slot and publication. {@link #fromEnvironment()} reads the runner's OPD_* variables (README).
 */
public record SetupConfig(String pgHost, int pgPort, String pgDatabase, String pgUser, String pgPassword,
                          String kafkaBootstrapServers, short topicReplicationFactor,
                          String replicationSlot, String publication, String redisHost, int redisPort) {

    public static SetupConfig fromEnvironment() {
        String slot = env("OPD_CDC_SLOT", "opd_outbox");
        return new SetupConfig(env("OPD_PG_HOST", "127.0.0.1"), Integer.parseInt(env("OPD_PG_PORT", "5432")),
                env("OPD_DB_NAME", "opd"), env("OPD_PG_USER", "postgres"), env("OPD_PG_PASSWORD", ""),
                env("OPD_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + env("OPD_KAFKA_PORT", "9092")),
                Short.parseShort(env("OPD_KAFKA_REPLICATION_FACTOR", "1")),
                slot, env("OPD_CDC_PUBLICATION", slot + "_publication"),
                env("OPD_REDIS_HOST", "127.0.0.1"), Integer.parseInt(env("OPD_REDIS_PORT", "6379")));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + pgDatabase;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
