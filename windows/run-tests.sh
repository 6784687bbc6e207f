#!/usr/bin/env bash
# Cross-builds kin's test suite for Windows (x86_64-pc-windows-gnu) and runs
# it under wine: unit tests, the command tests of kin.exe, the in-process
# tests and the Windows fault tests (docs/windows.md). Installs what it
# needs (MinGW-w64, wine) with apt-get when missing.
#
#   windows/run-tests.sh                 # everything
#   windows/run-tests.sh --test cli      # arguments go to `cargo test`
#
# The wine prefix lives in target/wine-prefix (WINEPREFIX overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu

if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v wine >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        gcc-mingw-w64-x86-64 wine wine64 >/dev/null
fi
rustup target add "$target" >/dev/null 2>&1

export WINEPREFIX="${WINEPREFIX:-$PWD/target/wine-prefix}"
export WINEDEBUG=-all
# No window system: wine's console programs need none, and no dialog asks
# to install Mono or Gecko.
export DISPLAY=
export WINEDLLOVERRIDES="mscoree,mshtml="
trap 'wineserver -k 2>/dev/null || true' EXIT
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$WINEPREFIX"
    wineboot --init >/dev/null 2>&1
    wineserver -w
fi

# wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust programs need
# to start: a test-only stand-in goes into the prefix's system folder.
system32="$WINEPREFIX/drive_c/windows/system32"
dll="$system32/bcryptprimitives.dll"
if [ ! -f "$dll" ] || [ windows/bcryptprimitives.c -nt "$dll" ]; then
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$dll" windows/bcryptprimitives.c -ladvapi32
fi

echo "wine: $(wine --version); target: $target"
# The runner is given as configuration, not as CARGO_TARGET_…_RUNNER: the
# tests would inherit that variable, and assert_cmd would then start kin.exe
# through "wine" from inside wine.
cargo test --config "target.$target.runner = 'wine'" --target "$target" --locked --no-fail-fast "$@"
