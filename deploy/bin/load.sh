#!/usr/bin/env bash
# The load generator: drives the running system (./deploy/bin/run-local.sh, same OPD_* variables)
# through its HTTP API with simulated OPD mornings, measures the lag from the API's answer to
# Redis and to the notification log, and ends with the check of PostgreSQL against Redis and
# notifications_log. Options: deploy/bin/load.sh --help; summary (JSON) and plot (PNG) in var/load.
OPD_MAIN_JAVA_OPTS="${OPD_LOAD_JAVA_OPTS:--Xmx512m} -Djava.awt.headless=true" \
  exec "$(dirname "$0")/deploy-main.sh" org.opd.deploy.load.LoadGenerator "$@"
