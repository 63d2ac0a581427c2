# What .ci/run counts, sourced by it (and by infra/src/ci-tally.test.ts, which feeds it logs):
#   tally <log>     adds the jest totals printed in <log> to $passed and $failed, and keeps the
#                   failing suites and tests (with their first lines) in $TALLY_FAILURES
#   tally_failures  prints what failed, if anything did: CI shows only the end of a long log,
#                   so the closing lines must name the failures themselves
passed=0
failed=0

tally() {
  local line
  while read -r line; do
    if [[ "$line" =~ ([0-9]+)\ passed ]]; then passed=$((passed + BASH_REMATCH[1])); fi
    if [[ "$line" =~ ([0-9]+)\ failed ]]; then failed=$((failed + BASH_REMATCH[1])); fi
  done < <(grep -aE '^(.*: )?Tests: ' "$1" || true)
  # A failure's heading (● suite › test) with the non-blank lines after it, which say what was
  # expected; each once, though jest's summary repeats them, so that one package's failures leave
  # room for the next one's (CI, stop 33: a suite's failures twice over hid the generator's).
  awk '
    /^(.*: )?FAIL / { if (!seen[$0]++) print; left = 0; next }
    /^(.*: )?  ● / { left = (/● Console/ || seen[$0]++) ? 0 : 6; if (left) { print; left-- } next }
    left > 0 && !/^(.*: )? *$/ { print; left-- }
  ' "$1" >>"$TALLY_FAILURES"
}

tally_failures() {
  [[ -s "$TALLY_FAILURES" ]] || return 0
  echo "--- what failed (the first 120 lines)"
  head -n 120 "$TALLY_FAILURES"
}
