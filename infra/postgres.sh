#!/usr/bin/env bash
# The local PostgreSQL server and one database per service on it.
#
#   infra/postgres.sh up | down | status
#
# `up` starts the Debian cluster if it is down (and remembers that it did, so `down` stops only
# what `up` started), then creates the service databases that are missing. Point it at another
# server with POSTGRES_ADMIN_URL.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ADMIN_URL="${POSTGRES_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
# One database per registered subgraph (schemas/subgraphs.json).
mapfile -t SERVICE_DATABASES < <(node -e 'for (const entry of require(process.argv[1])) console.log(entry.database)' "$INFRA_DIR/../schemas/subgraphs.json")
((${#SERVICE_DATABASES[@]})) || fail "no subgraph databases in schemas/subgraphs.json"
STARTED_MARK="$STATE_DIR/postgres.started-by-infra"

answers() { psql "$ADMIN_URL" -XtAqc 'SELECT 1' >/dev/null 2>&1; }

debian_cluster_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

up() {
  command -v psql >/dev/null || fail "psql is needed (Debian: apt-get install postgresql-client)"
  if ! answers; then
    local version
    version=$(debian_cluster_version)
    [[ -n "$version" ]] && command -v pg_ctlcluster >/dev/null ||
      fail "PostgreSQL does not answer at $ADMIN_URL and there is no local Debian cluster to start"
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    touch "$STARTED_MARK"
    wait_until 30 "PostgreSQL answers" answers || fail "PostgreSQL did not start"
  fi
  local db
  for db in "${SERVICE_DATABASES[@]}"; do
    if [[ -z "$(psql "$ADMIN_URL" -XtAqc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
      log "creating database $db"
      # Two scripts racing here both see it missing; the loser's "already exists" is harmless.
      psql "$ADMIN_URL" -Xqc "CREATE DATABASE $db" 2>/dev/null ||
        [[ -n "$(psql "$ADMIN_URL" -XtAqc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]] ||
        fail "could not create database $db"
    fi
  done
  log "PostgreSQL is ready; databases: ${SERVICE_DATABASES[*]}"
}

down() {
  if [[ -f "$STARTED_MARK" ]]; then
    log "stopping PostgreSQL (infra:up started it)"
    pg_ctlcluster --skip-systemctl-redirect "$(debian_cluster_version)" main stop
    rm -f "$STARTED_MARK"
  else
    log "leaving PostgreSQL running (it was running before infra:up)"
  fi
}

status() {
  if ! answers; then
    echo "postgres: not answering at $ADMIN_URL"
    return 1
  fi
  local present wanted
  wanted=$(printf '%s\n' "${SERVICE_DATABASES[@]}" | sort | paste -sd, - | sed 's/,/, /g')
  present=$(psql "$ADMIN_URL" -XtAqc "SELECT string_agg(datname, ', ' ORDER BY datname) FROM pg_database
    WHERE datname = ANY (string_to_array('$(IFS=,; echo "${SERVICE_DATABASES[*]}")', ','))")
  echo "postgres: answering at $ADMIN_URL; service databases: ${present:-none}"
  [[ "$present" == "$wanted" ]]
}

case "${1:-}" in
  up) with_lock postgres up ;;
  down) with_lock postgres down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
