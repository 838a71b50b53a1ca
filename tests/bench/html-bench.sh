#!/bin/sh
# The HTML report at two sizes (default 10⁴ and 10⁵ members of pbo-gen's
# shape): bench-html's lines for each, then the growth of the cost per
# member from the small to the large tree (1.0 = perfectly linear).
#   PBO_BENCH_BUILDDIR=build/tests/bench tests/bench/html-bench.sh [SMALL LARGE]
set -eu
bin=${PBO_BENCH_BUILDDIR:-build/tests/bench}
small=${1:-10000} large=${2:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in "$small" "$large"; do
  "$bin/pbo-gen" --members "$n" -o "$tmp/$n.xml" >/dev/null
  echo "# $n members"
  "$bin/bench-html" "$tmp/$n.xml" | tee "$tmp/$n.out"
done
per() { sed -n 's/.*name=html .*us_per_member=\([0-9.]*\).*/\1/p' "$tmp/$1.out"; }
awk -v a="$(per "$small")" -v b="$(per "$large")" -v s="$small" -v l="$large" \
  'BEGIN { printf "html: %.3f us/member at %d, %.3f at %d: growth %.2f\n", a, s, b, l, b / a }'
