#!/usr/bin/env bash
# Benchmark of kin at the scale of a whole Land (docs/benchmark.md).
#
# Generates realistic assessment files (1,101 = one field for every Kommune
# in Baden-Württemberg, 20,000 = all fields) and measures, as whole
# processes: kin over all files, `cat` over the same files (the floor), a
# Python tomllib script (what a user would write instead), kin's startup on
# one file, and peak memory. Prints a Markdown report and checks the targets.
#
# Usage: bench/run.sh [--sizes "1101 20000"] [--seed N] [--runs N]
#                     [--command "ARGS"]... [--network] [--keep]
#   --command  a kin subcommand to measure over all files, e.g.
#              --command "check --format json"; repeatable. Default: "check",
#              plus "report --format json" when this kin has `kin report`.
#   --runs     timed runs per measurement (default 10; 3 above 5,000 files)
#   --network  files for `kin network`: unique names, partners among the
#              generated Kommunen; default commands become "network --check",
#              "network --format json" and "network --format svg"
#   --keep     keep the generated files (their folder is printed)
# Environment: KIN=path/to/kin to measure a given binary instead of building;
# BENCH_PLAIN=1 to use the fallbacks even where hyperfine and time exist.
#
# Uses hyperfine and /usr/bin/time when installed, and plain timing loops
# and Python's resource module when not. Needs python3 (3.11+ for tomllib).

set -euo pipefail
cd "$(dirname "$0")/.."

sizes="1101 20000"
seed=1
runs=""
keep=false
network=false
commands=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --command) commands+=("$2"); shift 2 ;;
        --network) network=true; shift ;;
        --keep) keep=true; shift ;;
        -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

log() { echo "$@" >&2; }

# ---- build -----------------------------------------------------------------
log "building (release) …"
cargo build --release --quiet --bin kin --example bench-gen
kin="${KIN:-$PWD/target/release/kin}"
gen="$PWD/target/release/examples/bench-gen"
parser="$PWD/bench/parse_tomllib.py"

gen_args=()
if $network; then
    gen_args+=(--network)
    if [[ ${#commands[@]} -eq 0 ]]; then
        commands=("network --check" "network --format json" "network --format svg")
    fi
fi
if [[ ${#commands[@]} -eq 0 ]]; then
    commands=("check")
    if "$kin" report --help >/dev/null 2>&1; then
        commands+=("report --format json")
    fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kin-bench.XXXXXX")"
if $keep; then
    log "files kept in $work"
else
    trap 'rm -rf "$work"' EXIT
fi

have_hyperfine=false
have_time=false
if [[ -z "${BENCH_PLAIN:-}" ]]; then
    command -v hyperfine >/dev/null && have_hyperfine=true
    [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true >/dev/null 2>&1 && have_time=true
fi

# ---- measuring ---------------------------------------------------------------

# time_cmd RUNS COMMAND...: runs COMMAND with the files in ${files[@]} as its
# last arguments and prints "MEAN STDDEV" in seconds. Output goes to
# /dev/null; exit codes are ignored (kin check exits 1 on findings, which is
# a result, not a failure of the benchmark).
time_cmd() {
    local n="$1"; shift
    if $have_hyperfine; then
        local json="$work/hyperfine.json" line
        line="$(printf '%q ' "$@" "${files[@]}")"
        if [[ ${#line} -lt 100000 ]]; then
            # -N: no shell in between, so cat, Python and kin are timed alike.
            hyperfine -N --style none --warmup 2 --runs "$n" -i \
                --export-json "$json" "$line" >/dev/null 2>&1
        else
            # Linux limits one argument to 128 KiB, and hyperfine takes the
            # command as one: let a shell expand the names (same for every row).
            hyperfine --style none --warmup 2 --runs "$n" -i \
                --export-json "$json" "$(printf '%q ' "$@") *.kin.toml" >/dev/null 2>&1
        fi
        python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["stddev"] or 0)' "$json"
    else
        "$@" "${files[@]}" >/dev/null 2>&1 || true   # warm the page cache
        local times=()
        for ((i = 0; i < n; i++)); do
            local start end
            start=$(date +%s%N)
            "$@" "${files[@]}" >/dev/null 2>&1 || true
            end=$(date +%s%N)
            times+=("$(( end - start ))")
        done
        printf '%s\n' "${times[@]}" | awk '{ s += $1; q += $1 * $1; n++ }
            END { m = s / n; v = q / n - m * m; if (v < 0) v = 0;
                  printf "%.6f %.6f\n", m / 1e9, sqrt(v) / 1e9 }'
    fi
}

# peak_kib COMMAND...: peak resident memory of the process in KiB.
peak_kib() {
    if $have_time; then
        /usr/bin/time -f %M -o "$work/time.out" "$@" >/dev/null 2>&1 || true
        tail -n 1 "$work/time.out"
    else
        # Linux counts the memory of the process before exec too, so this
        # reports at least Python's own size (about 13 MiB).
        python3 -c 'import os,sys
null = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=actions)
print(os.wait4(pid, 0)[2].ru_maxrss)' "$@"
    fi
}

ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

declare -A mean sd peak
rows=()
row() { rows+=("| $1 | $2 | $(ms "${mean[$3]}") ± $(ms "${sd[$3]}") ms | ${peak[$3]:+$(mib "${peak[$3]}") MiB} |"); }

for size in $sizes; do
    dir="$work/$size"
    log "generating $size files …"
    "$gen" --count "$size" --seed "$seed" --out "$dir" "${gen_args[@]}" 2>/dev/null
    n="${runs:-$([[ $size -gt 5000 ]] && echo 3 || echo 10)}"
    pushd "$dir" >/dev/null
    files=(*.kin.toml)
    kib=$(du -sk . | cut -f1)

    log "  cat …"
    read -r "mean[cat/$size]" "sd[cat/$size]" < <(time_cmd "$n" cat)
    row "cat (floor)" "$size" "cat/$size"

    log "  python tomllib …"
    read -r "mean[py/$size]" "sd[py/$size]" < <(time_cmd "$n" python3 "$parser")
    peak[py/$size]=$(peak_kib python3 "$parser" "${files[@]}")
    row "python3 tomllib" "$size" "py/$size"

    for cmd in "${commands[@]}"; do
        log "  kin $cmd …"
        read -ra args <<<"$cmd"
        key="kin $cmd/$size"
        read -r "mean[$key]" "sd[$key]" < <(time_cmd "$n" "$kin" "${args[@]}")
        peak[$key]=$(peak_kib "$kin" "${args[@]}" "${files[@]}")
        row "kin $cmd" "$size" "$key"
    done
    popd >/dev/null
    how="no shell"
    if $have_hyperfine && [[ $(printf '%q ' "${files[@]}" | wc -c) -ge 99000 ]]; then
        how="names expanded by a shell, for every row"
    fi
    rows+=("| ($size files: $(mib "$kib") MiB on disk; $how) | | | |")
done

# Startup: each kin command on one file.
first=("$work/$(echo "$sizes" | awk '{print $1}')"/*.kin.toml)
files=("${first[0]}")
for cmd in "${commands[@]}"; do
    log "startup: kin $cmd …"
    read -ra args <<<"$cmd"
    key="start $cmd"
    read -r "mean[$key]" "sd[$key]" < <(time_cmd 50 "$kin" "${args[@]}")
    peak[$key]=$(peak_kib "$kin" "${args[@]}" "${files[@]}")
    row "kin $cmd (startup)" 1 "$key"
done

# ---- report ----------------------------------------------------------------
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
echo "## kin benchmark"
echo
echo "- machine: $(nproc) cores, $cpu, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null), $(uname -sr)"
echo "- kin: $("$kin" --version), $(rustc --version)"
echo "- timing: $($have_hyperfine && hyperfine --version || echo 'shell loop (no hyperfine)'); memory: $($have_time && echo '/usr/bin/time' || echo "python resource (no less than Python's own ~13 MiB)"); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "- files: generated by bench/generate.rs, seed $seed"
echo
echo "| what | files | time (mean ± σ) | peak memory |"
echo "| --- | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo

# The targets of issues 7 and 15, for every kin command measured.
small=$(echo "$sizes" | awk '{print $1}')
large=$(echo "$sizes" | awk '{print $NF}')
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == "<=") ? v <= t : (op == ">=") ? v >= t : v < t; print ok ? "met" : "MISSED" }'; }
echo "| target | measured | |"
echo "| --- | ---: | --- |"
for cmd in "${commands[@]}"; do
    k="kin $cmd"
    if [[ -n "${mean[cat/$small]:-}" && -n "${mean[$k/$small]:-}" ]]; then
        r=$(ratio "${mean[$k/$small]}" "${mean[cat/$small]}")
        echo "| $k at $small files within 2× of cat | ${r}× | $(verdict "$r" '<=' 2) |"
        r=$(ratio "${mean[py/$small]}" "${mean[$k/$small]}")
        echo "| $k at $small files ≥ 10× faster than Python | ${r}× | $(verdict "$r" '>=' 10) |"
    fi
    if [[ "$large" != "$small" && -n "${mean[$k/$large]:-}" ]]; then
        r=$(ratio "${mean[$k/$large]}" "${mean[$k/$small]}")
        echo "| $k at $large files within 20× of its $small-file time | ${r}× | $(verdict "$r" '<=' 20) |"
        m=$(mib "${peak[$k/$large]}")
        # Issue 7: 50 MB; issue 15 allows every district report 100 MB.
        if [[ $cmd == report* ]]; then limit=100; else limit=50; fi
        echo "| $k at $large files peak memory < $limit MB | $m MiB | $(verdict "$m" '<' "$(awk -v l="$limit" 'BEGIN { print l * 1e6 / 1048576 }')") |"
    fi
done
