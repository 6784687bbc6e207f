#!/usr/bin/env bash
# Long runs of the race tests (docs/benchmark.md, "Races"): an editor saving
# while `kin set` saves, counting lost hand edits, and four `kin set` started
# at once over a lock file a killed session left behind, counting updates
# reported as saved but lost. The test suite runs 40 rounds of each; this
# runs as many as asked (default 300) and prints the counts.
#
# Usage: bench/soak.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-300}"
KIN_RACE_ROUNDS="$rounds" cargo test --locked --test faults races -- --nocapture --test-threads=1 2>&1 |
    grep -E "hand edits lost|updates reported|test result|panicked"
