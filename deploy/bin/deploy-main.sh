#!/usr/bin/env bash
# Runs a main class of the deploy jar (the runner's), building the jar only when there is none: rebuilding
# it under a running system would pull its classes away. Usage: deploy-main.sh MAIN_CLASS [ARGS...];
# the JVM options come from OPD_MAIN_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=deploy/target/deploy-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ]; then
  deploy/bin/ensure-toolchain.sh
  mvn -B -ntp -q -DskipTests -pl deploy -am package
fi
main="$1"
shift
# shellcheck disable=SC2086 # the options are several words
exec java ${OPD_MAIN_JAVA_OPTS:--Xmx512m} -Dloader.main="$main" \
  -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
