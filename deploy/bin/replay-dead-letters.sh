#!/usr/bin/env bash
# Replays the dead letters of a topic (records a consumer set aside on <topic>.dlt) to the topic, once
# what set them aside is fixed: deploy/bin/replay-dead-letters.sh opd.token-events. Kafka from
# OPD_KAFKA_BOOTSTRAP_SERVERS, else the runner's broker (OPD_KAFKA_PORT, 9092).
OPD_MAIN_JAVA_OPTS="${OPD_JAVA_OPTS:--Xmx256m} -Dlogback.configurationFile=setup-logback.xml" \
  exec "$(dirname "$0")/deploy-main.sh" org.opd.deploy.deadletter.DeadLetterReplayCommand "$@"
