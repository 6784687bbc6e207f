#!/usr/bin/env bash
# Doubling benchmark of table wrapping (#10 item 8): `kin report` (table) on
# an assessment whose note is one long word, and on one with a long note of
# words and links plus a base64 data URL as evidence, at 100k, 200k, 400k
# and 800k characters. Linear cost means each doubling about doubles the
# time. Usage: bash bench/long-text.sh [path/to/kin] (default: release build).
set -euo pipefail
cd "$(dirname "$0")/.."
kin=${1:-target/release/kin}
[ -x "$kin" ] || cargo build --release --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" <<'PY'
import base64, os, sys
head = ('schema = 1\nfield = "interkommunale-zusammenarbeit"\nfield_version = "1.0"\n\n'
        '[kommune]\nname = "Musterhausen"\ndate = 2026-11-25\n\n'
        '[suggestions.wirtschaft-foerderung]\nstatus = "done"\n')
phrase = 'Wirtschaftsförderung Abwasserzweckverband https://www.example.org/a/b/c.pdf '
for n in (100_000, 200_000, 400_000, 800_000):
    with open(f'{sys.argv[1]}/word-{n}.kin.toml', 'w') as f:
        f.write(head + f'note = "{"x" * n}"\n')
    data = 'data:application/pdf;base64,' + base64.b64encode(os.urandom(n * 3 // 4)).decode()
    with open(f'{sys.argv[1]}/mixed-{n}.kin.toml', 'w') as f:
        f.write(head + f'note = "{(phrase * (n // len(phrase))).strip()}"\nevidence = ["{data}"]\n')
PY

for shape in word mixed; do
  for n in 100000 200000 400000 800000; do
    /usr/bin/time -f "$shape $n: %e s, %M KiB" "$kin" report "$dir/$shape-$n.kin.toml" > /dev/null
  done
done
