#!/bin/sh
# Org charts end to end: `pbo export --format svg` renders the Jianghai
# sample through Graphviz and the SVG holds every org's name, one node per
# org; the committed docs/jianghai-chart.svg shows every org too; without
# `dot` in PATH, --format svg exits 2 with a message naming Graphviz.
# Usage: chart-test.sh PBO SRCDIR. Exit 77 (skipped) without dot.
set -eu
pbo=$1; src=$2
if ! command -v dot >/dev/null 2>&1; then
  echo "dot (Debian: graphviz) not found: skipped"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sample=$src/examples/data/jianghai.xml

"$pbo" export "$sample" --format svg -o "$tmp/chart.svg"
# The names as the XML spells them (&amp; etc.), which is also how SVG does.
sed -n 's/.*<org id="[^"]*" kind="[^"]*" name="\([^"]*\)".*/\1/p' "$sample" > "$tmp/names"
orgs=$(wc -l < "$tmp/names")
[ "$orgs" -gt 5 ] || { echo "FAIL: only $orgs org names read from the sample"; exit 1; }
status=0
for svg in "$tmp/chart.svg" "$src/docs/jianghai-chart.svg"; do
  while IFS= read -r name; do
    grep -qF ">$name<" "$svg" || { echo "FAIL: $svg lacks “$name”"; status=1; }
  done < "$tmp/names"
  nodes=$(grep -c '<g id="node' "$svg")
  [ "$nodes" -eq "$orgs" ] || { echo "FAIL: $svg has $nodes nodes for $orgs orgs"; status=1; }
done

# No Graphviz: a clear message and exit 2, nothing written.
set +e
PATH=/nonexistent "$pbo" export "$sample" --format svg -o "$tmp/none.svg" 2>"$tmp/err"
code=$?
set -e
[ $code -eq 2 ] || { echo "FAIL: exit $code without dot, expected 2"; status=1; }
grep -q "Graphviz" "$tmp/err" || { echo "FAIL: message does not name Graphviz:"; cat "$tmp/err"; status=1; }
[ ! -e "$tmp/none.svg" ] || { echo "FAIL: an output was written without dot"; status=1; }
[ $status -eq 0 ] && echo "chart test passed: $orgs orgs drawn"
exit $status
