#!/usr/bin/env bash
# The Kafka broker of docker-compose.yml, in the apache/kafka image: the same settings as
# infra/kafka.sh's (infra/kafka/server.properties.template), SASL/SCRAM-SHA-512 for every client.
# KAFKA_SCRAM_USERS holds `name=password` per principal, space-separated: all are created when
# the storage is formatted, and set again once the broker runs (a principal registered later, or
# a password changed). The registry's ACLs are applied by the kafka-access service.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?is required}"
: "${KAFKA_SCRAM_USERS:?is required}"
bin=/opt/kafka/bin
data=/var/lib/kafka/data
config=/tmp/server.properties

sed -e 's|@LISTENERS@|CLIENT://:19092,EXTERNAL://:9092|' \
  -e 's|@ADVERTISED_LISTENERS@|CLIENT://kafka:19092,EXTERNAL://localhost:9092|' \
  -e 's|@CONTROLLER_PORT@|9093|g' -e "s|@DATA_DIR@|$data|" -e "s|@ADMIN_PASSWORD@|$KAFKA_ADMIN_PASSWORD|g" \
  /opt/klynge/server.properties.template >"$config"
cat >/tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES

scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]")
for user in $KAFKA_SCRAM_USERS; do scram+=(--add-scram "SCRAM-SHA-512=[name=${user%%=*},password=${user#*=}]"); done
if [[ ! -f "$data/meta.properties" ]]; then
  "$bin/kafka-storage.sh" format --ignore-formatted -t "$("$bin/kafka-storage.sh" random-uuid)" -c "$config" "${scram[@]}" >/dev/null
fi

"$bin/kafka-server-start.sh" "$config" &
broker=$!
trap 'kill -TERM "$broker"; wait "$broker"' TERM INT
until "$bin/kafka-broker-api-versions.sh" --bootstrap-server kafka:19092 --command-config /tmp/admin.properties >/dev/null 2>&1; do
  kill -0 "$broker" || exit 1
  sleep 1
done
for user in $KAFKA_SCRAM_USERS; do
  "$bin/kafka-configs.sh" --bootstrap-server kafka:19092 --command-config /tmp/admin.properties --alter \
    --entity-type users --entity-name "${user%%=*}" --add-config "SCRAM-SHA-512=[password=${user#*=}]" >/dev/null
done
touch /tmp/users-ready
wait "$broker"
