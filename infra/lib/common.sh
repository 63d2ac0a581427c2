# Shared by the infra/ scripts. Sourced, not run.
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Jars, broker data, logs and bookkeeping; git ignores it.
STATE_DIR="${KLYNGE_STATE_DIR:-$INFRA_DIR/.state}"
mkdir -p "$STATE_DIR"

log() { printf '[infra] %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

# wait_until <seconds> <description> <command...>: runs the command until it succeeds or the
# deadline passes; polling a condition, never a fixed sleep.
wait_until() {
  local seconds=$1 description=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${seconds}s waiting until $description"
      return 1
    fi
    sleep 0.2
  done
}

# port_open <host> <port>: something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# with_lock <name> <command...>: one infra script at a time per name (turbo runs several test
# suites at once, and each may bring the infrastructure up).
with_lock() {
  local name=$1
  shift
  exec {lock_fd}>"$STATE_DIR/$name.lock"
  flock "$lock_fd"
  "$@"
  flock -u "$lock_fd"
}
