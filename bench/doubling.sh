#!/usr/bin/env bash
# Doubling benchmark (docs/benchmark.md, "Doubled inputs"): kin's cost on
# inputs that double in size, where a quadratic step would show as a ratio
# near 4 instead of 2. Measures, as whole processes of a release build:
#   - kin set on a file with N own measures (what every kin assess save pays),
#   - kin diff --git's line fallback on two invalid versions of N lines,
#   - kin check on a file of N own measures and on one long note (peak memory),
# and prints a Markdown table with time, peak memory and the ratio to the
# previous size. Needs python3; uses /usr/bin/time for memory when installed.
#
# Usage: bench/doubling.sh [--sizes "10000 20000 40000 80000"] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="10000 20000 40000 80000"
runs=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

cargo build --release --quiet --bin kin
kin="${KIN:-$PWD/target/release/kin}"
work="$(mktemp -d "${TMPDIR:-/tmp}/kin-doubling.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# own_measures N FILE: a valid assessment with N small own measures.
own_measures() {
    python3 - "$1" "$2" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    f.write('schema = 1\nfield = "interkommunale-zusammenarbeit"\nfield_version = "1.0"\n\n'
            '[kommune]\nname = "Musterhausen"\ndate = 2026-11-25\n\n')
    for i in range(n):
        f.write(f'[[own]]\nid = "massnahme-{i}"\ncategory = "bildung"\n'
                f'title = "Maßnahme {i}"\nstatus = "open"\n\n')
PY
}

# invalid_lines N SEED FILE: an invalid assessment of N random comment lines.
invalid_lines() {
    python3 - "$1" "$2" "$3" <<'PY'
import random, sys
n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
r = random.Random(seed)
with open(out, "w") as f:
    f.write("schema = 1\nkaputt ohne Wert\n")
    for _ in range(n):
        f.write(f"# Zeile {r.randrange(n)} {r.random()}\n")
PY
}

# long_note BYTES FILE: a valid assessment with one note of BYTES letters.
long_note() {
    python3 - "$1" "$2" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    f.write('schema = 1\nfield = "interkommunale-zusammenarbeit"\nfield_version = "1.0"\n\n'
            '[kommune]\nname = "Musterhausen"\ndate = 2026-11-25\n\n'
            '[suggestions.bildung-zusammenarbeit]\nstatus = "done"\nnote = "' + "x" * n + '"\n')
PY
}

# measure SETUP -- COMMAND...: runs SETUP then COMMAND $runs times; prints
# "SECONDS KIB" (mean wall time, highest peak memory).
measure() {
    local setup=() ; while [[ "$1" != "--" ]]; do setup+=("$1"); shift; done; shift
    local total=0 peak=0
    for _ in $(seq "$runs"); do
        "${setup[@]}"
        local t0 t1
        t0=$(date +%s.%N)
        if [[ -x /usr/bin/time ]]; then
            /usr/bin/time -f %M -o "$work/mem" "$@" >/dev/null 2>&1 || true
            local mem; mem=$(tail -1 "$work/mem")
            (( mem > peak )) && peak=$mem
        else
            "$@" >/dev/null 2>&1 || true
        fi
        t1=$(date +%s.%N)
        total=$(awk "BEGIN { print $total + $t1 - $t0 }")
    done
    printf '%.3f %s\n' "$(awk "BEGIN { print $total / $runs }")" "$peak"
}

row() { # NAME SIZE SECONDS KIB PREVIOUS_SECONDS
    local ratio="–"
    [[ -n "$5" ]] && ratio=$(awk "BEGIN { printf \"%.2f×\", $3 / $5 }")
    printf '| %s | %s | %.3f s | %s | %d MiB |\n' "$1" "$2" "$3" "$ratio" "$(( $4 / 1024 ))"
}

echo "Machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| what | size | time (mean of $runs) | ratio to half the size | peak memory |"
echo "| --- | ---: | ---: | ---: | ---: |"
prev=""
for n in $sizes; do
    own_measures "$n" "$work/own-$n.kin.toml"
    read -r secs mem < <(measure cp "$work/own-$n.kin.toml" "$work/edit.kin.toml" -- \
        "$kin" set "$work/edit.kin.toml" bildung-zusammenarbeit --status done)
    row "kin set, own measures" "$n" "$secs" "$mem" "$prev"; prev=$secs
done
prev=""
for n in $sizes; do
    read -r secs mem < <(measure true -- "$kin" check "$work/own-$n.kin.toml")
    row "kin check, own measures ($(( $(stat -c %s "$work/own-$n.kin.toml") / 1024 )) KiB)" "$n" "$secs" "$mem" "$prev"; prev=$secs
done
prev=""
for n in $sizes; do
    invalid_lines "$n" 1 "$work/old-$n"; invalid_lines "$n" 2 "$work/new-$n"
    read -r secs mem < <(measure true -- "$kin" diff --git a.kin.toml \
        "$work/old-$n" 1111111 100644 "$work/new-$n" 2222222 100644)
    row "kin diff --git, invalid versions (lines each)" "$n" "$secs" "$mem" "$prev"; prev=$secs
done
prev=""
for bytes in 1048576 2097152 4194304 8000000; do
    long_note "$bytes" "$work/note-$bytes.kin.toml"
    read -r secs mem < <(measure true -- "$kin" check "$work/note-$bytes.kin.toml")
    row "kin check, one long note (bytes)" "$bytes" "$secs" "$mem" "$prev"; prev=$secs
done
