#!/bin/sh
# Builds the libFuzzer harnesses and runs each for SECONDS (default 60):
#   tests/fuzz/run.sh [SECONDS] [HARNESS...]     (HARNESS: load date edit plan csv diff)
# The build goes to $PBO_FUZZ_BUILD (default build-fuzz), the growing
# corpora to $PBO_FUZZ_WORK (default $PBO_FUZZ_BUILD/fuzz-work); crashes
# are written there as crash-*. Needs clang and libclang-rt-14-dev; without
# clang it says so and exits 0 (CI runs it where clang may be absent).
set -eu
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-load date edit plan csv diff}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${PBO_FUZZ_BUILD:-$src/build-fuzz}
work=${PBO_FUZZ_WORK:-$build/fuzz-work}

if ! command -v clang >/dev/null 2>&1; then
  echo "tests/fuzz/run.sh: clang not found; skipping the fuzz harnesses (apt-get install clang libclang-rt-14-dev)"
  exit 0
fi
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzz=true -Db_sanitize=address,undefined \
    -Db_lundef=false >/dev/null
fi
for h in $harnesses; do
  ninja -C "$build" "tests/fuzz/fuzz-$h" >/dev/null
done

# Seeds: every XML document of the tests and samples (the loader), every
# plan among them (plans), every CSV file (the importer), a few spellings
# (dates), and the regression inputs of each harness.
seed() {
  h=$1
  dir=$work/seeds-$h
  rm -rf "$dir"
  mkdir -p "$dir"
  case $h in
    load)
      find "$src/tests/data" "$src/examples/data" -name '*.xml' | while read -r f; do
        cp "$f" "$dir/$(echo "$f" | sed "s|$src/||; s|/|_|g")"
      done ;;
    plan)
      grep -rlZ --include='*.xml' '<plan' "$src/tests/data" "$src/examples/data" \
        | xargs -0 -I{} sh -c 'cp "$1" "$2/$(echo "$1" | sed "s|$3/||; s|/|_|g")"' _ {} "$dir" "$src" ;;
    csv)
      find "$src/tests/data" "$src/examples" -name '*.csv' | while read -r f; do
        cp "$f" "$dir/$(echo "$f" | sed "s|$src/||; s|/|_|g")"
      done ;;
    date)
      for s in 2023-06-01 2024-02-29 1975 9999-12-31 0001-01-01 2023-02-30 44078519750302123X 1234; do
        printf '%s' "$s" > "$dir/$s"
      done ;;
    diff)
      # Two parts split at a NUL byte: edit operations on the fixed tree,
      # or a document (the small samples, paired with each other).
      i=0
      for s in 0123456789abcdef 'ffffffff' 'ABCDEFGHIJKLMNOP' '\017\000\001\017\001'; do
        printf "%s\000$s" "$s" > "$dir/seed$i"; i=$((i + 1))
      done
      for f in "$src"/tests/data/fuzz-regressions/load/*.xml; do
        [ -f "$f" ] && [ "$(wc -c < "$f")" -lt 4096 ] || continue
        { cat "$f"; printf '\000'; printf 'QRSTUVWXYZ'; } > "$dir/pair$i"; i=$((i + 1))
      done ;;
    edit)
      i=0
      for s in 0123456789abcdef 'ffffffff' "$(printf '\017\000\001\017\001')" 'ABCDEFGHIJKLMNOP'; do
        printf '%s' "$s" > "$dir/seed$i"; i=$((i + 1))
      done ;;
  esac
  if [ -d "$src/tests/data/fuzz-regressions/$h" ]; then
    cp "$src/tests/data/fuzz-regressions/$h"/* "$dir/" 2>/dev/null || true
  fi
}

status=0
for h in $harnesses; do
  seed "$h"
  corpus=$work/corpus-$h
  mkdir -p "$corpus"
  case $h in
    load) extra="-max_len=65536 -dict=$src/tests/fuzz/pbo.dict" ;;
    plan) extra="-max_len=16384 -dict=$src/tests/fuzz/pbo.dict" ;;
    csv) extra="-max_len=4096 -dict=$src/tests/fuzz/pbo.dict" ;;
    date) extra="-max_len=64 -dict=$src/tests/fuzz/pbo.dict" ;;
    diff) extra="-max_len=8192 -dict=$src/tests/fuzz/pbo.dict" ;;
    *) extra="-max_len=256" ;;
  esac
  echo "== fuzz-$h for ${seconds}s"
  # shellcheck disable=SC2086
  if ! (cd "$work" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/tests/fuzz/fuzz-$h" $extra -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -jobs=1 -workers=1 -print_final_stats=1 \
        -artifact_prefix="$work/" "$corpus" "$work/seeds-$h" > "$work/fuzz-$h.log" 2>&1); then
    status=1
    echo "fuzz-$h FAILED; see $work/fuzz-$h.log and $work/crash-*"
  fi
  # With -jobs, libFuzzer writes the run's own output to fuzz-0.log.
  if [ -f "$work/fuzz-0.log" ]; then
    cat "$work/fuzz-0.log" >> "$work/fuzz-$h.log"
    rm -f "$work/fuzz-0.log"
  fi
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^Done [0-9]+ runs|ERROR' \
    "$work/fuzz-$h.log" || true
done
exit $status
