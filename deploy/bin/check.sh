#!/usr/bin/env bash
# The invariant check of a running system: PostgreSQL against Redis and the notification log for the
# tokens changed lately (deploy/bin/check.sh [--since=1h] [--settle=30s]); the runner's OPD_* variables.
OPD_MAIN_JAVA_OPTS="${OPD_JAVA_OPTS:--Xmx256m} -Dlogback.configurationFile=setup-logback.xml" \
  exec "$(dirname "$0")/deploy-main.sh" org.opd.deploy.load.LiveCheckCommand "$@"
