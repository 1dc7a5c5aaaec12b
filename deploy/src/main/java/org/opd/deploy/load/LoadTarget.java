package org.opd.deploy.load;

/**
 * The running system a load run drives: its API, the bootstrap client it signs in with, and the
 * PostgreSQL and Redis it reads to measure lags and to check the stores at the end.
 */
record LoadTarget(String baseUrl, String clientId, String clientSecret, String jdbcUrl, String pgUser, String pgPassword,
                  String redisHost, int redisPort) {
}
