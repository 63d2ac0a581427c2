#!/usr/bin/env bash
# npm run infra:up — PostgreSQL with the service databases, the Kafka broker, and Redis for the
# gateways' shared response cache; waits until each answers. Safe to run again: what is already
# up is left as it is.
#   infra/up.sh [postgres] [kafka] [redis]     (default: all three; Redis only where redis-server
#   is installed, unless RESPONSE_CACHE=redis asks for it)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

parts=("$@")
explicit=${#parts[@]}
((explicit)) || parts=(postgres kafka redis)
for part in "${parts[@]}"; do
  case "$part" in
    postgres) bash "$INFRA_DIR/postgres.sh" up ;;
    kafka) bash "$INFRA_DIR/kafka.sh" start ;;
    redis)
      if ((explicit)) || [[ -x "${REDIS_SERVER:-/usr/bin/redis-server}" || "${RESPONSE_CACHE:-}" == redis ]]; then
        bash "$INFRA_DIR/redis.sh" start
      else
        log "no redis-server here: Redis not started (only RESPONSE_CACHE=redis needs it; Debian: apt-get install redis-server)"
      fi
      ;;
    *) fail "unknown part: $part (postgres, kafka or redis)" ;;
  esac
done
cat >&2 <<INFO
[infra] up. Services reach it with:
[infra]   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<a subgraph's database, see schemas/subgraphs.json>
[infra]   KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT:-9092}, as a principal of the registry (SASL/SCRAM-SHA-512):
[infra]   npm run kafka:credentials -- <principal> prints its KAFKA_USERNAME and KAFKA_PASSWORD
[infra]   RESPONSE_CACHE=redis RESPONSE_CACHE_REDIS_URL=\$(bash infra/redis.sh url) for the gateways (npm run stack sets it)
INFO
