#!/bin/sh
# tests/bench/run.sh — issue 6's benchmark: one table per size, every
# measurement in the same run as its baselines, the best of several runs.
#
#   tests/bench/run.sh [SIZES...]      default: 100000 1000000 (10000000 when asked)
#
# Environment:
#   PBO_BENCH_BUILDDIR  the build's tests/bench folder (default: build/tests/bench
#                       of this checkout)
#   PBO_BENCH_SCRATCH   where the generated files go (default: a new folder in
#                       ${TMPDIR:-/tmp}, removed at the end); never the repository
#   PBO_BENCH_RUNS      runs of each measurement, the fastest kept (default 3)
#   PBO_BENCH_SEED      pbo-gen's seed (default 1)
#   PBO_BENCH_LXML_MAX  largest size the lxml script is run at (default 3000000:
#                       its dicts take ~1 kB per member)
#
# Installs nothing. Needs, as Debian packages: libxml2-dev (built with the
# project), libsqlite3-dev (bench-sqlite; reconfigure after installing it),
# python3-lxml (the lxml baseline). Missing optional pieces are reported and
# skipped. bench-pbo (libpbo itself) is linked with `meson configure build
# -Dbench=true`; without it the libpbo rows stay empty.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${PBO_BENCH_BUILDDIR:-$here/../../build/tests/bench}
runs=${PBO_BENCH_RUNS:-3}
seed=${PBO_BENCH_SEED:-1}
lxml_max=${PBO_BENCH_LXML_MAX:-3000000}
[ $# -gt 0 ] || set -- 100000 1000000

if [ ! -x "$bin/pbo-gen" ]; then
  echo "run.sh: $bin/pbo-gen is not built (meson setup build && ninja -C build)" >&2
  exit 2
fi

python=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" > /dev/null 2>&1 && "$candidate" -c 'import lxml.etree' 2> /dev/null; then
    python=$candidate
    break
  fi
done
have_sqlite=no; [ -x "$bin/bench-sqlite" ] && have_sqlite=yes
have_pbo=no; [ -x "$bin/bench-pbo" ] && have_pbo=yes
[ -n "$python" ] || echo "# lxml baseline skipped: no python3 with lxml (Debian package python3-lxml)"
[ $have_sqlite = yes ] || echo "# SQLite baseline skipped: bench-sqlite not built (Debian package libsqlite3-dev, then reconfigure)"
[ $have_pbo = yes ] || echo "# libpbo rows empty: bench-pbo not built (meson configure build -Dbench=true, once the XML module is in)"

if [ -n "${PBO_BENCH_SCRATCH:-}" ]; then
  scratch=$PBO_BENCH_SCRATCH; mkdir -p "$scratch"
else
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/pbo-bench.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT INT TERM
fi

echo "# $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) CPUs," \
     "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo);" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"

for size in "$@"; do
  xml=$scratch/gen-$size.xml
  results=$scratch/results-$size.txt
  "$bin/pbo-gen" --members "$size" --seed "$seed" -o "$xml" > "$scratch/gen-$size.txt"
  : > "$results"
  run=0
  # Interleaved, so that a burst of load from elsewhere hits every program.
  while [ $run -lt "$runs" ]; do
    {
      "$bin/bench-reader" "$xml"
      "$bin/bench-sax" "$xml"
      "$bin/bench-writer" "$xml" "$scratch/writer.xml"
      [ $have_sqlite = no ] || "$bin/bench-sqlite" "$xml" "$scratch/bench.db"
      if [ -n "$python" ] && [ "$size" -le "$lxml_max" ]; then
        "$python" "$here/lxml_import.py" "$xml"
      fi
      # ---- libpbo itself (bench-pbo) -------------------------------------
      [ $have_pbo = no ] || "$bin/bench-pbo" "$xml" "$scratch/pbo.xml"
    } >> "$results"
    run=$((run + 1))
  done
  # Memory's worst case: every optional attribute on every member (one run).
  if [ $have_pbo = yes ]; then
    "$bin/pbo-gen" --members "$size" --seed "$seed" --all-attributes -o "$scratch/all.xml" > /dev/null
    "$bin/bench-pbo" "$scratch/all.xml" "$scratch/pbo-all.xml" \
      | sed -n 's/^BENCH name=pbo-import /BENCH name=pbo-import-all /p' >> "$results"
    rm -f "$scratch/all.xml" "$scratch/pbo-all.xml"
  fi
  writer_same=no; cmp -s "$xml" "$scratch/writer.xml" && writer_same=yes
  pbo_same=
  if [ $have_pbo = yes ]; then pbo_same=no; cmp -s "$xml" "$scratch/pbo.xml" && pbo_same=yes; fi
  rm -f "$scratch/writer.xml" "$scratch/pbo.xml" "$scratch/bench.db"
  awk -v runs="$runs" -v writer_same="$writer_same" -v pbo_same="$pbo_same" \
      -f "$here/table.awk" "$scratch/gen-$size.txt" "$results"
  [ -n "${PBO_BENCH_SCRATCH:-}" ] || rm -f "$xml"
done
