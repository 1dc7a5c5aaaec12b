#!/usr/bin/env bash
# The load generator: drives the running system (./deploy/bin/run-local.sh, same OPD_* variables)
# through its HTTP API with simulated OPD mornings, measures the lag from the API's answer to
# Redis and to the notification log, and ends with the check of PostgreSQL against Redis and
# notifications_log. Options: deploy/bin/load.sh --help; summary (JSON) and plot (PNG) in var/load.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=deploy/target/deploy-0.1.0-SNAPSHOT.jar
# The runner builds the jar and runs from it; rebuilding it under a running system would pull
# its classes away, so the jar is built here only when there is none.
if [ ! -f "$jar" ]; then
  deploy/bin/ensure-toolchain.sh
  mvn -B -ntp -q -DskipTests -pl deploy -am package
fi
exec java ${OPD_LOAD_JAVA_OPTS:--Xmx512m} -Djava.awt.headless=true -Dloader.main=org.opd.deploy.load.LoadGenerator \
  -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
