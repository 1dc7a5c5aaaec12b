#!/usr/bin/env bash
# Builds and runs the whole OPD system in one JVM: an in-process Kafka broker (KRaft) and the
# orchestrator, cdc-connector, eta-calculator and notifier, on the local PostgreSQL and Redis.
# Data of the broker and the connector is kept in ./var. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/bin/ensure-toolchain.sh
deploy/bin/ensure-services.sh
mvn -B -ntp -q -DskipTests -pl deploy -am package
exec java ${OPD_JAVA_OPTS:--Xmx1g} -jar deploy/target/deploy-0.1.0-SNAPSHOT.jar
