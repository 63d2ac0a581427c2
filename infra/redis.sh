#!/usr/bin/env bash
# Redis for the gateways' shared response cache (RESPONSE_CACHE=redis): Debian's redis-server,
# ours, never the machine's own Redis on 6379.
#
#   infra/redis.sh start | stop | status | url
#
# On 127.0.0.1, on REDIS_PORT (6380) or the next free port, with a password made up at its first
# start (kept, with its settings, in $REDIS_HOME, readable only by you, as the broker's are), no
# persistence (a cache: what it held is gone after a restart, and the gateways' answers with it),
# and `maxmemory` (REDIS_MAXMEMORY, 128mb) with `volatile-lru`, which is what bounds the cache: the
# least recently used answers go first (only they have a TTL; the index sets beside them, which
# events find them by, are never evicted). `url` prints the RESPONSE_CACHE_REDIS_URL of the running
# one (npm run stack hands it to its gateway).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

REDIS_HOME="${REDIS_HOME:-$STATE_DIR/redis}"
REDIS_SERVER="${REDIS_SERVER:-/usr/bin/redis-server}"
PID_FILE="$REDIS_HOME/redis.pid"
PORT_FILE="$REDIS_HOME/port"
PASSWORD_FILE="$REDIS_HOME/password"

pid() { [[ -f "$PID_FILE" ]] && cat "$PID_FILE"; }
alive() { local p; p=$(pid) && kill -0 "$p" 2>/dev/null; }
port() { cat "$PORT_FILE"; }
# Answers PING with our password (RESP by hand, so redis-cli is not needed, and the password is in no argument list).
answers() {
  alive && [[ -f "$PORT_FILE" ]] || return 1
  local reply
  reply=$(
    exec 3<>"/dev/tcp/127.0.0.1/$(port)" || exit 1
    printf 'AUTH %s\r\nPING\r\n' "$(cat "$PASSWORD_FILE")" >&3
    timeout 2 head -c 12 <&3
  ) 2>/dev/null || return 1
  [[ "$reply" == *PONG* ]]
}

start() {
  if answers; then
    log "Redis already answers on 127.0.0.1:$(port)"
    return 0
  fi
  [[ -x "$REDIS_SERVER" ]] || fail "redis-server is needed for RESPONSE_CACHE=redis (Debian: apt-get install redis-server; or set REDIS_SERVER)"
  mkdir -p "$REDIS_HOME"
  chmod 700 "$REDIS_HOME"
  if [[ ! -s "$PASSWORD_FILE" ]]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$PASSWORD_FILE")
  fi
  local port=${REDIS_PORT:-6380}
  while port_open 127.0.0.1 "$port"; do port=$((port + 1)); done
  echo "$port" >"$PORT_FILE"
  # The password only in a file of ours, never on a command line others may read in ps.
  (
    umask 077
    cat >"$REDIS_HOME/redis.conf" <<CONF
# Written by infra/redis.sh on each start.
bind 127.0.0.1
port $port
protected-mode yes
daemonize yes
pidfile $PID_FILE
logfile $REDIS_HOME/redis.log
dir $REDIS_HOME
save ""
appendonly no
maxmemory ${REDIS_MAXMEMORY:-128mb}
maxmemory-policy volatile-lru
requirepass $(cat "$PASSWORD_FILE")
CONF
  )
  log "starting Redis on 127.0.0.1:$port"
  "$REDIS_SERVER" "$REDIS_HOME/redis.conf"
  wait_until 20 "Redis answers on 127.0.0.1:$port" answers || fail "Redis did not start (see $REDIS_HOME/redis.log)"
  log "Redis is ready on 127.0.0.1:$port (maxmemory ${REDIS_MAXMEMORY:-128mb}, volatile-lru, no persistence)"
}

stop() {
  if ! alive; then
    log "Redis is not running"
    return 0
  fi
  local p
  p=$(pid)
  log "stopping Redis (pid $p)"
  kill "$p"
  wait_until 20 "Redis stops" bash -c "! kill -0 $p 2>/dev/null" || fail "Redis (pid $p) did not stop"
  rm -f "$PID_FILE"
}

status() {
  if answers; then
    echo "redis: answering at 127.0.0.1:$(port) (pid $(pid); maxmemory, volatile-lru; npm run stack uses it with RESPONSE_CACHE=redis)"
  else
    echo "redis: not running (npm run infra:up starts it)"
    return 1
  fi
}

url() {
  answers || fail "Redis is not running: run npm run infra:up"
  echo "redis://:$(cat "$PASSWORD_FILE")@127.0.0.1:$(port)"
}

case "${1:-}" in
  start) with_lock redis start ;;
  stop) with_lock redis stop ;;
  status) status ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
