#!/usr/bin/env bash
# Apache Kafka, the real broker, from its jars on Maven Central, in KRaft mode (one node that is
# both broker and controller).
#
#   infra/kafka.sh install | start | stop | status | credentials-file
#                  | list-prefixed|delete-prefixed <prefix>...
#                  | consume|produce <principal> <topic> [options] | set-password <principal>
#
# Defaults give the development broker on 127.0.0.1:9092. Tests start throwaway brokers with
# their own KAFKA_PORT, KAFKA_CONTROLLER_PORT and KAFKA_HOME.
#
# Clients authenticate with SASL/SCRAM-SHA-512 and Kafka's StandardAuthorizer decides what each
# may do: on every start the principals of the registry (admin, a service's <name>-service, an
# agency's own name) are created where missing, with passwords kept in $KAFKA_HOME/credentials.json
# (npm run kafka:credentials -- <principal> prints one), and the registry's ACLs are applied: what
# the registry no longer allows its principals is revoked, not only what it allows granted.
#
# A broker another checkout started may already answer on the port: its passwords are then that
# checkout's, found through its process (credentials-file prints where), and none are made up here.
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

# The pid of the process listening on 127.0.0.1:$1, when this user may see its sockets (from /proc).
listener_pid() {
  local port_hex inode socket
  port_hex=$(printf ':%04X' "$1")
  inode=$(awk -v port="$port_hex" '$4 == "0A" && substr($2, length($2) - 4) == port { print $10; exit }' /proc/net/tcp /proc/net/tcp6 2>/dev/null)
  [[ -n "$inode" ]] || return 1
  socket=$(find /proc/[0-9]*/fd -lname "socket:\[$inode\]" -print -quit 2>/dev/null)
  [[ -n "$socket" ]] || return 1
  socket=${socket#/proc/}
  echo "${socket%%/*}"
}

# This checkout's broker is the one listening on the port (or, where sockets cannot be seen, runs).
ours_listens() {
  alive || return 1
  local listener
  listener=$(listener_pid "$KAFKA_PORT") || return 0
  [[ "$listener" == "$(pid)" ]]
}

# The broker on $KAFKA_PORT that these scripts did not start, as FOREIGN_PID, FOREIGN_HOME (its
# KAFKA_HOME, where its credentials are) and FOREIGN_INFRA (the infra/ folder that started it);
# the last two stay empty when it is not a broker of these scripts (or not this user's to see).
FOREIGN_PID="" FOREIGN_HOME="" FOREIGN_INFRA="" FOREIGN_COMMAND=""
find_foreign_broker() {
  FOREIGN_PID=$(listener_pid "$KAFKA_PORT") || return 0
  local argument previous=""
  FOREIGN_COMMAND=$(tr '\0' ' ' <"/proc/$FOREIGN_PID/cmdline" 2>/dev/null | cut -c1-160)
  while IFS= read -r -d '' argument; do
    case "$argument" in -Dlog4j2.configurationFile=*) FOREIGN_INFRA=$(dirname "$(dirname "${argument#*=}")") ;; esac
    [[ "$previous" == kafka.Kafka ]] && FOREIGN_HOME=$(dirname "$argument")
    previous=$argument
  done <"/proc/$FOREIGN_PID/cmdline" 2>/dev/null || true
  [[ -n "$FOREIGN_HOME" ]] || FOREIGN_INFRA=""
}

# What answers on the port in words, and what to do instead, for a refusal.
refuse_foreign_broker() {
  local whose stop_it="kill ${FOREIGN_PID:-<its pid>}"
  [[ -n "$FOREIGN_INFRA" ]] && stop_it="KAFKA_HOME=$FOREIGN_HOME bash $FOREIGN_INFRA/kafka.sh stop"
  if [[ -n "$FOREIGN_HOME" ]]; then
    whose="the broker another checkout started (pid $FOREIGN_PID, its state in $FOREIGN_HOME, started by $FOREIGN_INFRA), and $FOREIGN_HOME/credentials.json is not there or not readable"
  elif [[ -n "$FOREIGN_PID" ]]; then
    whose="pid $FOREIGN_PID, which these scripts did not start ($FOREIGN_COMMAND; running from $(readlink "/proc/$FOREIGN_PID/cwd" 2>/dev/null || echo '?'))"
  else
    whose="a process this user cannot see (another user's, or a container's)"
  fi
  fail "127.0.0.1:$KAFKA_PORT answers, but its credentials are not to be found: it is $whose.
[infra] Either set KAFKA_CREDENTIALS_FILE to its principals' passwords (JSON, name to password${FOREIGN_HOME:+, e.g. $FOREIGN_HOME/credentials.json}) where you run the scripts, the tests and the stack,
[infra] or stop it ($stop_it) and run npm run infra:up here, or use another port (KAFKA_PORT)."
}

# Where the passwords of the broker on 127.0.0.1:$KAFKA_PORT are: KAFKA_CREDENTIALS_FILE when set;
# this checkout's own while its broker runs (or none answers); else those of the checkout whose
# broker answers. Refuses, saying whose it is, when they cannot be found.
credentials_file() {
  if [[ -n "${KAFKA_CREDENTIALS_FILE:-}" ]]; then
    echo "$KAFKA_CREDENTIALS_FILE"
  elif ! port_open 127.0.0.1 "$KAFKA_PORT" || ours_listens; then
    echo "$CREDENTIALS"
  else
    find_foreign_broker
    [[ -n "$FOREIGN_HOME" && -r "$FOREIGN_HOME/credentials.json" ]] || refuse_foreign_broker
    echo "$FOREIGN_HOME/credentials.json"
  fi
}

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
  if ! alive && port_open 127.0.0.1 "$KAFKA_PORT"; then
    # A broker of someone else's (another checkout's, or a Kafka of your own) answers: it is used
    # as it is, with its own credentials (none are made up here: it would refuse them), and
    # infra:down leaves it alone.
    local file whose="a broker these scripts did not start here"
    file=$(credentials_file) || exit 1
    find_foreign_broker
    [[ -n "$FOREIGN_HOME" ]] && whose="the broker another checkout started (pid $FOREIGN_PID, its state in $FOREIGN_HOME)"
    log "127.0.0.1:$KAFKA_PORT already answers: $whose; it is used with its credentials ($file), and infra:down here leaves it alone"
    return 0
  fi
  load_principals
  if answers; then
    log "Kafka is already running on 127.0.0.1:$KAFKA_PORT (pid $(pid))"
    provision_access
    return 0
  fi
  if alive; then
    log "Kafka (pid $(pid)) is still starting"
  else
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
  port_open 127.0.0.1 "$KAFKA_PORT" || fail "Kafka is not running on 127.0.0.1:$KAFKA_PORT: npm run infra:up"
  [[ -f "$LIBS/.complete" ]] || with_lock "kafka-$KAFKA_PORT" install
  local file password properties
  file=$(credentials_file) || exit 1
  [[ -r "$file" ]] || fail "$file is not there: npm run infra:up"
  password=$(node -e 'const password = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]]; if (password) console.log(password)' "$file" "$principal")
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

# set-password <principal>: gives a principal of the registry a new SCRAM password (made up here)
# on the running broker, as its admin, and writes it to the credentials file the scripts, the tests
# and the stack read. Kafka keeps one password per principal, so there is no overlap: connections
# already authenticated go on working, a new connection needs the new password. Restart the
# principal's processes with it right after (npm run kafka:credentials -- <principal> prints it;
# docs/operations.md, "Rotate secrets").
set_password() {
  local principal=${1:?usage: kafka.sh set-password <principal>}
  [[ "$principal" != admin ]] || fail "the admin's password is the broker's own (in its server.properties, for the controller and between brokers): it changes with the broker's configuration and a restart, not here"
  local file password
  file=$(credentials_file) || exit 1
  [[ -w "$file" ]] || fail "$file is not there or not writable: npm run infra:up"
  node -e 'if (!JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]]) process.exit(1)' "$file" "$principal" ||
    fail "no principal $principal on this broker (npm run kafka:credentials -- --help lists them)"
  password=$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("hex"))')
  # The file with the new password is written first and takes the old one's place once the broker
  # has it: whatever fails in between, the file names the password the broker holds.
  node -e '
    const fs = require("fs");
    const [file, principal, password] = process.argv.slice(1);
    const credentials = JSON.parse(fs.readFileSync(file, "utf8"));
    credentials[principal] = password;
    fs.writeFileSync(`${file}.next`, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  ' "$file" "$principal" "$password"
  # On the tool's command line, as provision_access adds a user: its --add-config-file takes no
  # SCRAM credential (it reads SCRAM-SHA-512 as the unknown property SCRAM_SHA_512).
  as_principal admin org.apache.kafka.tools.ConfigCommand --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[password=$password]" >/dev/null || { rm -f "$file.next"; fail "the broker refused the new password; $principal keeps its old one"; }
  mv "$file.next" "$file"
  log "$principal has a new password (in $file); connections it has open go on, new ones need it: restart its processes with KAFKA_PASSWORD from npm run kafka:credentials -- $principal"
}

# A regular expression for Kafka's topic tool: every name that starts with one of the prefixes.
prefixes_regex() {
  local prefix regex=""
  for prefix in "$@"; do regex+="${regex:+|}${prefix//./\\.}.*"; done
  echo "$regex"
}

# list-prefixed <prefix>...: the topics and consumer groups whose names start with one of the
# prefixes, one `topic <name>` or `group <name>` a line.
list_prefixed() {
  check_prefixes "$@"
  as_principal admin org.apache.kafka.tools.TopicCommand --list --exclude-internal --topic "$(prefixes_regex "$@")" | sed 's/^/topic /'
  groups_with_prefixes "$@" | sed 's/^/group /'
}

# delete-prefixed <prefix>...: deletes, as the broker's admin, the topics and consumer groups whose
# names start with one of the prefixes: what a test run made under the unique prefixes it gave out
# (packages/testing's global teardown), so that the shared broker does not grow with every run.
delete_prefixed() {
  check_prefixes "$@"
  local listed groups=() group
  listed=$(umask 077 && mktemp)
  # The groups are listed while the topics go: each of Kafka's tools is a JVM of its own.
  groups_with_prefixes "$@" >"$listed" &
  as_principal admin org.apache.kafka.tools.TopicCommand --delete --if-exists --topic "$(prefixes_regex "$@")" >&2
  wait $! || { rm -f "$listed"; fail "could not list the consumer groups"; }
  while IFS= read -r group; do groups+=(--group "$group"); done <"$listed"
  rm -f "$listed"
  # A group with members still connected (a client a test left open) stays; the rest go.
  ((${#groups[@]} == 0)) || as_principal admin org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --delete "${groups[@]}" >&2 ||
    log "some consumer groups could not be deleted (members still connected?)"
}

groups_with_prefixes() {
  as_principal admin org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --list |
    awk -v prefixes="$*" 'BEGIN { n = split(prefixes, wanted, " ") } { for (i = 1; i <= n; i++) if (index($0, wanted[i]) == 1) { print; next } }'
}

# Prefixes as the tests make them (test.<label>_<unique>.): no empty one, nothing a regular
# expression or a shell would read as more than the name.
check_prefixes() {
  (($#)) || fail "name at least one prefix"
  local prefix
  for prefix in "$@"; do [[ "$prefix" =~ ^[A-Za-z0-9_-][A-Za-z0-9._-]*$ ]] || fail "not a topic prefix: '$prefix'"; done
}

status() {
  if answers; then
    echo "kafka: running on 127.0.0.1:$KAFKA_PORT (pid $(pid), Apache Kafka $KAFKA_VERSION, KRaft)"
  elif ! alive && port_open 127.0.0.1 "$KAFKA_PORT"; then
    find_foreign_broker
    echo "kafka: 127.0.0.1:$KAFKA_PORT answers with a broker these scripts did not start here${FOREIGN_PID:+ (pid $FOREIGN_PID${FOREIGN_HOME:+, its state in $FOREIGN_HOME})}"
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
  # The broker's principals and passwords (JSON) for the scripts, the tests and the stack.
  credentials-file) credentials_file ;;
  list-prefixed) shift && list_prefixed "$@" ;;
  delete-prefixed) shift && delete_prefixed "$@" ;;
  consume) shift && consume "$@" ;;
  produce) shift && produce "$@" ;;
  set-password) shift && set_password "$@" ;;
  *) echo "usage: $0 install|start|stop|status|credentials-file|list-prefixed|delete-prefixed <prefix>...|consume|produce <principal> <topic>|set-password <principal>" >&2; exit 2 ;;
esac
