#!/usr/bin/env bash
# Sets up what the OPD services need before they start, or checks it (spec 003):
#   deploy/bin/setup.sh              apply the migrations, create the Kafka topics, the replication slot and
#                                    publication of the cdc-connector; check Redis
#   deploy/bin/setup.sh --validate   only check: exit 0 when everything is in place, 1 naming what is not
#   deploy/bin/setup.sh --force      create everything, failing on each thing that exists already
# PostgreSQL, Kafka and Redis are found by the OPD_* variables of the README.
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/bin/ensure-toolchain.sh
mvn -B -ntp -q -DskipTests -pl deploy -am package
# The runner's jar, started at the set-up command instead of the system.
exec java ${OPD_JAVA_OPTS:--Xmx512m} -Dlogback.configurationFile=setup-logback.xml \
  -cp deploy/target/deploy-0.1.0-SNAPSHOT.jar -Dloader.main=org.opd.deploy.setup.SetupCommand \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
