#!/usr/bin/env bash
# npm run infra:up — PostgreSQL with the service databases, and the Kafka broker; waits until
# each answers. Safe to run again: what is already up is left as it is.
#   infra/up.sh [postgres] [kafka]     (default: both)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

parts=("$@")
((${#parts[@]})) || parts=(postgres kafka)
for part in "${parts[@]}"; do
  case "$part" in
    postgres) bash "$INFRA_DIR/postgres.sh" up ;;
    kafka) bash "$INFRA_DIR/kafka.sh" start ;;
    *) fail "unknown part: $part (postgres or kafka)" ;;
  esac
done
cat >&2 <<INFO
[infra] up. Services reach it with:
[infra]   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<a subgraph's database, see schemas/subgraphs.json>
[infra]   KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT:-9092}, as a principal of the registry (SASL/SCRAM-SHA-512):
[infra]   npm run kafka:credentials -- <principal> prints its KAFKA_USERNAME and KAFKA_PASSWORD
INFO
