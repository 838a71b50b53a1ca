#!/bin/sh
# tests/bench/scale.sh — issue 18's measurements: libpbo's load against
# the bare SAX2 loop in the same process (bench-load, best of RUNS), on one
# thread and on two, and the peak RSS of `pbo stats`, `check`, `report` and
# `export --format csv` against the loaded tree, at each size.
#
#   tests/bench/scale.sh [SIZES...]          default: 1000000 10000000
#
# Up to 10^7 members, also bench-tree (copy, tree_at, diff against a load).
# Environment: PBO_BENCH_BUILDDIR (default build/ of this checkout: needs
# -Dbench=true), PBO_BENCH_SCRATCH (default a new folder in $TMPDIR, removed
# at the end), PBO_BENCH_RUNS (default 3), PBO_BENCH_SEED (default 1),
# PBO_BENCH_FILE (measure this file instead of generating one; one size).
# Needs /usr/bin/time (Debian package time) for the peak RSS.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${PBO_BENCH_BUILDDIR:-$here/../../build}
bin=$build/tests/bench
pbo=$build/examples/pbo
runs=${PBO_BENCH_RUNS:-3}
seed=${PBO_BENCH_SEED:-1}
[ $# -gt 0 ] || set -- 1000000 10000000

for prog in "$bin/pbo-gen" "$bin/bench-load" "$pbo"; do
  if [ ! -x "$prog" ]; then
    echo "scale.sh: $prog is not built (meson setup build -Dbench=true && ninja -C build)" >&2
    exit 2
  fi
done
if [ -n "${PBO_BENCH_SCRATCH:-}" ]; then
  scratch=$PBO_BENCH_SCRATCH; mkdir -p "$scratch"
else
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/pbo-scale.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT INT TERM
fi

echo "# $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) CPUs," \
     "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo);" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"

# Peak RSS in KiB and seconds of one pbo command (its output discarded).
peak () {
  /usr/bin/time -f '%M %e' -o "$scratch/time.txt" "$@" > /dev/null 2>&1 || true
  cat "$scratch/time.txt" | tail -1
}

for size in "$@"; do
  xml=${PBO_BENCH_FILE:-$scratch/gen-$size.xml}
  [ -n "${PBO_BENCH_FILE:-}" ] || "$bin/pbo-gen" --members "$size" --seed "$seed" -o "$xml" > /dev/null
  echo "## $size members, $(wc -c < "$xml") bytes"
  for threads in 1 2; do
    out=$(PBO_LOAD_THREADS=$threads "$bin/bench-load" "$xml" "$runs")
    echo "load, $threads thread(s): $(echo "$out" | sed -n 's/^RATIO //p')"
  done
  echo "first edits: $(echo "$out" | sed -n 's/^EDIT //p')"
  # Copy, tree_at and diff hold two trees: up to 10^7 members (2 GB).
  if [ "$size" -le 10000000 ] && [ -x "$bin/bench-tree" ]; then
    line=$("$bin/bench-tree" "$xml" "$runs" | grep '^RATIO')
    echo "whole-tree operations: ${line#RATIO }"
  fi
  # `pbo stats` holds the loaded tree and little else: the baseline.
  base=
  for cmd in stats check report "export --format csv"; do
    set -- $(peak "$pbo" $cmd "$xml")
    [ -n "$base" ] || base=$1
    echo "pbo $cmd: peak_rss_kb=$1 secs=$2 rss_over_stats=$(awk "BEGIN { printf \"%.3f\", $1 / $base }")"
  done
  [ -n "${PBO_BENCH_FILE:-}" ] || rm -f "$xml"
done
