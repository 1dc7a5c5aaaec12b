#!/usr/bin/env bash
# Builds and runs the whole OPD system in one JVM: an in-process Kafka broker (KRaft) and the
# orchestrator, cdc-connector, eta-calculator and notifier, on the local PostgreSQL and Redis.
# Data of the broker and the connector is kept in ./var. Stop with Ctrl-C.
#   --processes                each service its own process (from its module's executable jar; logs in var/logs)
#   --eta-instances=N          with --processes: N eta-calculator instances (ports OPD_ETA_PORT + 100 × i)
#   --notifier-instances=N     with --processes: N notifier instances (ports OPD_NOTIFIER_PORT + 100 × i)
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/bin/ensure-toolchain.sh
deploy/bin/ensure-services.sh
mvn -B -ntp -q -DskipTests -pl deploy -am package
exec java ${OPD_JAVA_OPTS:--Xmx1g} -jar deploy/target/deploy-0.1.0-SNAPSHOT.jar "$@"
