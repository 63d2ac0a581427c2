#!/usr/bin/env bash
# Apache Kafka, the real broker, from its jars on Maven Central, in KRaft mode (one node that is
# both broker and controller).
#
#   infra/kafka.sh install | start | stop | status | consume|produce <principal> <topic> [options]
#
# Defaults give the development broker on 127.0.0.1:9092. Tests start throwaway brokers with
# their own KAFKA_PORT, KAFKA_CONTROLLER_PORT and KAFKA_HOME.
#
# Clients authenticate with SASL/SCRAM-SHA-512 and Kafka's StandardAuthorizer decides what each
# may do: on every start the principals of the registry (admin, a service's <name>-service, an
# agency's own name) are created where missing, with passwords kept in $KAFKA_HOME/credentials.json
# (npm run kafka:credentials -- <principal> prints one), and the registry's ACLs are applied: what
# the registry no longer allows its principals is revoked, not only what it allows granted.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

KAFKA_VERSION="$(tr -d '[:space:]' <"$INFRA_DIR/kafka/kafka.version")"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME="${KAFKA_HOME:-$STATE_DIR/kafka}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
# Named after the version and the pom, so that a change to either fetches the jars again.
LIBS="$STATE_DIR/kafka-libs/$KAFKA_VERSION-$(cksum <"$INFRA_DIR/kafka/pom.xml" | cut -d' ' -f1)"
PID_FILE="$KAFKA_HOME/kafka.pid"
CREDENTIALS="$KAFKA_HOME/credentials.json"
# The principals the broker's metadata has SCRAM credentials for (rewritten when it is formatted).
SCRAM_USERS="$KAFKA_HOME/scram-users"
ACCESS_MAIN="$INFRA_DIR/../packages/graph-runner/dist/kafka-access-main.js"

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

# Kafka's own tools (storage, configs, console consumer), on the broker's classpath, saying on
# stderr what goes wrong (never into the broker's server.log, which whoever opens it rewrites).
kafka_java() { java -Xmx256m "-Dlog4j2.configurationFile=$INFRA_DIR/kafka/tools-log4j2.yaml" -cp "$LIBS/*" "$@"; }

# Every principal of the registry with its password, one `<name> <password>` a line, read once
# per run (load_principals; it makes up passwords for the ones the credentials file lacks).
PRINCIPALS=""
load_principals() {
  [[ -f "$ACCESS_MAIN" ]] || fail "the workspaces are not built: run npm install (or npm ci) first"
  PRINCIPALS=$(node "$ACCESS_MAIN" users "$CREDENTIALS")
}
principals() { printf '%s\n' "$PRINCIPALS"; }
password_of() { principals | awk -v name="$1" '$1 == name { print $2 }'; }

# A client configuration for Kafka's own tools, as principal $1 with password $2.
client_properties() {
  cat <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$1" password="$2";
PROPERTIES
}

format_storage() {
  log "formatting the broker's storage (first start), with a SCRAM user per principal"
  local cluster_id name password
  local scram=()
  while read -r name password; do
    scram+=(--add-scram "SCRAM-SHA-512=[name=$name,password=$password]")
  done < <(principals)
  cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
  kafka_java kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" \
    -c "$KAFKA_HOME/server.properties" "${scram[@]}" >"$KAFKA_HOME/logs/format.log"
  principals | awk '{ print $1 }' >"$SCRAM_USERS"
}

# Principals registered since the storage was formatted get their SCRAM credentials now, and
# the broker's ACLs are made those of the registry (both idempotent).
provision_access() {
  local name password
  while read -r name password; do
    grep -qxF "$name" "$SCRAM_USERS" && continue
    log "adding the SCRAM user $name"
    kafka_java org.apache.kafka.tools.ConfigCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --command-config "$KAFKA_HOME/admin.properties" --alter --entity-type users --entity-name "$name" \
      --add-config "SCRAM-SHA-512=[password=$password]" >>"$KAFKA_HOME/logs/access.log"
    echo "$name" >>"$SCRAM_USERS"
  done < <(principals)
  node "$ACCESS_MAIN" acls "127.0.0.1:$KAFKA_PORT" "$CREDENTIALS"
}

start() {
  install
  load_principals
  if answers; then
    log "Kafka is already running on 127.0.0.1:$KAFKA_PORT (pid $(pid))"
    provision_access
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
    if [[ -f "$KAFKA_HOME/data/meta.properties" && ! -f "$SCRAM_USERS" ]]; then
      # Storage from before the broker required authentication has no SCRAM users, and they can
      # only be added through an authenticated admin: development data, so it starts afresh.
      log "the broker's storage predates authentication: moving it to $KAFKA_HOME/data.unauthenticated"
      rm -rf "$KAFKA_HOME/data.unauthenticated"
      mv "$KAFKA_HOME/data" "$KAFKA_HOME/data.unauthenticated"
      mkdir -p "$KAFKA_HOME/data"
    fi
    (
      umask 077
      sed -e "s|@LISTENERS@|CLIENT://127.0.0.1:$KAFKA_PORT|g" -e "s|@ADVERTISED_LISTENERS@|CLIENT://127.0.0.1:$KAFKA_PORT|g" \
        -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$KAFKA_HOME/data|g" \
        -e "s|@ADMIN_PASSWORD@|$(password_of admin)|g" \
        "$INFRA_DIR/kafka/server.properties.template" >"$KAFKA_HOME/server.properties"
      client_properties admin "$(password_of admin)" >"$KAFKA_HOME/admin.properties"
    )
    [[ -f "$KAFKA_HOME/data/meta.properties" ]] || format_storage
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
  provision_access
  log "Kafka is ready on 127.0.0.1:$KAFKA_PORT (SASL/SCRAM-SHA-512; npm run kafka:credentials -- <principal>)"
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

# as_principal <principal> <tool class> <options...>: runs one of Kafka's console tools against
# this broker as that principal, with its password from the credentials file.
as_principal() {
  local principal=$1 tool=$2
  shift 2
  answers || fail "Kafka is not running on 127.0.0.1:$KAFKA_PORT: npm run infra:up"
  load_principals
  local password properties
  password=$(password_of "$principal")
  [[ -n "$password" ]] || fail "no principal $principal on this broker (npm run kafka:credentials -- --help lists them)"
  properties=$(umask 077 && mktemp)
  # Once, on this function's return (a RETURN trap would otherwise fire again at its caller's).
  trap 'rm -f "$properties"; trap - RETURN' RETURN
  client_properties "$principal" "$password" >"$properties"
  kafka_java "$tool" --bootstrap-server "127.0.0.1:$KAFKA_PORT" --command-config "$properties" "$@"
}

# consume <principal> <topic> [ConsoleConsumer options...]: reads a topic from its start as that
# principal would, with Kafka's own console consumer, in a consumer group the principal may use
# (`<agency>.console-*`, or `<service>.console-*` for a service's principal). Stops after 10 s
# without a new message unless told otherwise (--timeout-ms).
consume() {
  local principal=${1:?usage: kafka.sh consume <principal> <topic> [options]} topic=${2:?usage: kafka.sh consume <principal> <topic> [options]}
  shift 2
  as_principal "$principal" org.apache.kafka.tools.consumer.ConsoleConsumer \
    --group "${principal%-service}.console-$$" --topic "$topic" --from-beginning \
    $([[ " $* " == *" --timeout-ms "* ]] || echo --timeout-ms 10000) "$@"
}

# produce <principal> <topic> [ConsoleProducer options...]: writes each line of stdin to a topic
# as that principal would, with Kafka's own console producer. Not idempotent (as librdkafka and
# kafkajs are unless told): the broker then checks each write against the topic's ACLs alone (an
# idempotent producer is refused its producer id first when its principal may write nothing).
# A refused write is logged on stderr (TopicAuthorizationException), not an exit status.
produce() {
  local principal=${1:?usage: kafka.sh produce <principal> <topic> [options]} topic=${2:?usage: kafka.sh produce <principal> <topic> [options]}
  shift 2
  as_principal "$principal" org.apache.kafka.tools.ConsoleProducer --topic "$topic" \
    --command-property enable.idempotence=false "$@"
}

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
  consume) shift && consume "$@" ;;
  produce) shift && produce "$@" ;;
  *) echo "usage: $0 install|start|stop|status|consume|produce <principal> <topic>" >&2; exit 2 ;;
esac
