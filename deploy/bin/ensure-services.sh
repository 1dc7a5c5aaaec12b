#!/usr/bin/env bash
# Makes sure the local PostgreSQL (with wal_level=logical, for change capture) and Redis
# are installed and running. Safe to run again: it only changes what is missing.
set -euo pipefail

PG_HOST=${OPD_PG_HOST:-127.0.0.1}
PG_PORT=${OPD_PG_PORT:-5432}
REDIS_PORT=${OPD_REDIS_PORT:-6379}

log() { echo "[ensure-services] $*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "installing $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }

pg_cluster_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -1; }

start_postgres() {
  local version; version=$(pg_cluster_version)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
}

restart_postgres() {
  local version; version=$(pg_cluster_version)
  log "restarting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main restart
}

wait_for_postgres() {
  for _ in $(seq 1 60); do
    pg_isready -h "$PG_HOST" -p "$PG_PORT" -q && return 0
    sleep 0.5
  done
  log "PostgreSQL did not become ready on $PG_HOST:$PG_PORT"; return 1
}

ensure_postgres() {
  command -v pg_ctlcluster >/dev/null || apt_install postgresql postgresql-contrib
  pg_isready -h "$PG_HOST" -p "$PG_PORT" -q || start_postgres
  wait_for_postgres
  if [ "$(psql_admin -c 'show wal_level')" != "logical" ]; then
    log "setting wal_level=logical (needed by the cdc-connector)"
    psql_admin -c "alter system set wal_level = 'logical'"
    psql_admin -c "alter system set max_replication_slots = 20"
    psql_admin -c "alter system set max_wal_senders = 20"
    restart_postgres
    wait_for_postgres
  fi
  psql_admin -c "select 1 from pg_available_extensions where name = 'earthdistance'" | grep -q 1 \
    || apt_install postgresql-contrib
  local db=${OPD_DB_NAME:-opd}
  if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ]; then
    log "creating database $db"
    psql_admin -c "create database $db"
  fi
}

ensure_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis on $REDIS_PORT"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
      --appendonly no --dir /var/lib/redis --logfile /var/log/redis/opd.log
    for _ in $(seq 1 40); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.25; done
    log "Redis did not start"; return 1
  fi
}

ensure_postgres
ensure_redis
log "PostgreSQL (wal_level=logical) and Redis are ready"
