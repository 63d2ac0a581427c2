#!/usr/bin/env bash
# Apache Kafka, the real broker, from its jars on Maven Central, in KRaft mode (one node that is
# both broker and controller).
#
#   infra/kafka.sh install | start | stop | status
#
# Defaults give the development broker on 127.0.0.1:9092. Tests start throwaway brokers with
# their own KAFKA_PORT, KAFKA_CONTROLLER_PORT and KAFKA_HOME.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

KAFKA_VERSION="$(tr -d '[:space:]' <"$INFRA_DIR/kafka/kafka.version")"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME="${KAFKA_HOME:-$STATE_DIR/kafka}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
LIBS="$STATE_DIR/kafka-libs/$KAFKA_VERSION"
PID_FILE="$KAFKA_HOME/kafka.pid"

install() {
  [[ -f "$LIBS/.complete" ]] && return 0
  command -v java >/dev/null || fail "java is needed to run Kafka (Java 17 or later)"
  command -v mvn >/dev/null || fail "mvn (Apache Maven) is needed to fetch Kafka's jars from Maven Central"
  log "fetching Apache Kafka $KAFKA_VERSION and its runtime dependencies from Maven Central"
  rm -rf "$LIBS.partial"
  # Maven keeps what it downloads in ~/.m2, so a second install is quick even after a clean.
  mvn --batch-mode --quiet -Dstyle.color=never -f "$INFRA_DIR/kafka/pom.xml" "-Dkafka.version=$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$LIBS.partial"
  touch "$LIBS.partial/.complete"
  rm -rf "$LIBS"
  mv "$LIBS.partial" "$LIBS"
}

pid() { [[ -f "$PID_FILE" ]] && cat "$PID_FILE"; }
alive() { local p; p=$(pid) && kill -0 "$p" 2>/dev/null; }
started() { alive && grep -q 'Kafka Server started' "$KAFKA_HOME/logs/server.log" 2>/dev/null; }
answers() { started && port_open 127.0.0.1 "$KAFKA_PORT"; }

# The storage tool, on the same classpath as the broker.
kafka_java() { java -Xmx256m "-Dlog4j2.configurationFile=$INFRA_DIR/kafka/log4j2.yaml" "-Dkafka.logs.dir=$KAFKA_HOME/logs" -cp "$LIBS/*" "$@"; }

start() {
  install
  if answers; then
    log "Kafka is already running on 127.0.0.1:$KAFKA_PORT (pid $(pid))"
    return 0
  fi
  if alive; then
    log "Kafka (pid $(pid)) is still starting"
  else
    if port_open 127.0.0.1 "$KAFKA_PORT"; then
      # A broker of someone else's (a Kafka of your own, or another checkout's): use it as it is;
      # infra:down leaves it alone too.
      log "127.0.0.1:$KAFKA_PORT already answers and these scripts did not start it; using it as it is"
      return 0
    fi
    mkdir -p "$KAFKA_HOME/data" "$KAFKA_HOME/logs"
    sed -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      -e "s|@DATA_DIR@|$KAFKA_HOME/data|g" "$INFRA_DIR/kafka/server.properties.template" >"$KAFKA_HOME/server.properties"
    if [[ ! -f "$KAFKA_HOME/data/meta.properties" ]]; then
      log "formatting the broker's storage (first start)"
      local cluster_id
      cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
      kafka_java kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" \
        -c "$KAFKA_HOME/server.properties" >"$KAFKA_HOME/logs/format.log"
    fi
    log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT"
    rm -f "$PID_FILE"
    # In a session of its own, so that neither Ctrl-C in this terminal nor a test runner killing
    # its process group takes the broker down; the child writes its pid, then becomes the JVM.
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" \
      java -Xms128m "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
      "-Dlog4j2.configurationFile=$INFRA_DIR/kafka/log4j2.yaml" "-Dkafka.logs.dir=$KAFKA_HOME/logs" \
      -cp "$LIBS/*" kafka.Kafka "$KAFKA_HOME/server.properties" \
      >"$KAFKA_HOME/logs/stdout.log" 2>&1 </dev/null &
    wait_until 10 "Kafka's process has started" test -s "$PID_FILE"
  fi
  if ! wait_until 90 "Kafka answers on 127.0.0.1:$KAFKA_PORT" broker_up; then
    tail -n 30 "$KAFKA_HOME/logs/server.log" "$KAFKA_HOME/logs/stdout.log" >&2 || true
    fail "Kafka did not start"
  fi
  log "Kafka is ready on 127.0.0.1:$KAFKA_PORT"
}

# Fails fast when the process died instead of waiting for the deadline.
broker_up() {
  alive || { tail -n 30 "$KAFKA_HOME/logs/stdout.log" >&2; fail "the Kafka process exited"; }
  answers
}

stop() {
  if ! alive; then
    rm -f "$PID_FILE"
    log "Kafka on 127.0.0.1:$KAFKA_PORT is not running"
    return 0
  fi
  local p
  p=$(pid)
  log "stopping Kafka (pid $p)"
  kill -TERM "$p"
  if ! wait_until 60 "Kafka has stopped" gone "$p"; then
    log "Kafka ignored SIGTERM; killing it"
    kill -KILL "$p" 2>/dev/null || true
    wait_until 10 "Kafka is gone" gone "$p"
  fi
  rm -f "$PID_FILE"
  log "Kafka has stopped"
}

gone() { ! kill -0 "$1" 2>/dev/null; }

status() {
  if answers; then
    echo "kafka: running on 127.0.0.1:$KAFKA_PORT (pid $(pid), Apache Kafka $KAFKA_VERSION, KRaft)"
  elif alive; then
    echo "kafka: starting (pid $(pid))"
    return 1
  else
    echo "kafka: stopped"
    return 1
  fi
}

case "${1:-}" in
  install) with_lock "kafka-$KAFKA_PORT" install ;;
  start) with_lock "kafka-$KAFKA_PORT" start ;;
  stop) with_lock "kafka-$KAFKA_PORT" stop ;;
  status) status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
