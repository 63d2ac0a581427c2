#!/usr/bin/env bash
# npm run infra:down — stops Redis and the Kafka broker, and PostgreSQL if infra:up started it. Data stays
# in infra/.state and in the databases; delete infra/.state for a fresh broker.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bash "$INFRA_DIR/redis.sh" stop
bash "$INFRA_DIR/kafka.sh" stop
bash "$INFRA_DIR/postgres.sh" down
