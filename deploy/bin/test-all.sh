#!/usr/bin/env bash
# Runs every test of every module: unit tests, then integration tests against the local
# PostgreSQL and Redis (started or installed here when missing) and in-process Kafka brokers,
# and browser tests in headless Chromium (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/bin/ensure-toolchain.sh
deploy/bin/ensure-services.sh
deploy/bin/ensure-browser.sh
exec mvn -B -ntp verify "$@"
