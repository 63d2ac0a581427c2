#!/usr/bin/env bash
# npm run infra:status — what is running; exits non-zero unless everything is.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ok=0
bash "$INFRA_DIR/postgres.sh" status || ok=1
bash "$INFRA_DIR/kafka.sh" status || ok=1
# Redis only where it is installed: only RESPONSE_CACHE=redis needs it.
if [[ -x "${REDIS_SERVER:-/usr/bin/redis-server}" ]]; then bash "$INFRA_DIR/redis.sh" status || ok=1; fi
exit "$ok"
