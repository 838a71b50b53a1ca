#!/bin/sh
# docs/pbo-1.rng accepts every sample in examples/data/ and every file in
# tests/data/schema-good/, and refuses every file in tests/data/schema-bad/
# (each of which breaks exactly one rule of format v1).
# Usage: schema-test.sh SRCDIR      (exit 77 = skipped: no xmllint)
set -u
src=$1
schema=$src/docs/pbo-1.rng
command -v xmllint >/dev/null 2>&1 || { echo "xmllint not found (libxml2-utils)"; exit 77; }

failures=0; checked=0
for f in "$src"/examples/data/*.xml "$src"/tests/data/schema-good/*.xml; do
  checked=$((checked + 1))
  if ! out=$(xmllint --noout --nonet --relaxng "$schema" "$f" 2>&1); then
    echo "FAIL: $f should be valid:"; echo "$out"; failures=$((failures + 1))
  fi
done
for f in "$src"/tests/data/schema-bad/*.xml; do
  checked=$((checked + 1))
  # Each bad case is well-formed: it must fail the schema, not the parser.
  if ! xmllint --noout --nonet "$f" >/dev/null 2>&1; then
    echo "FAIL: $f is not well-formed XML"; failures=$((failures + 1))
  elif xmllint --noout --nonet --relaxng "$schema" "$f" >/dev/null 2>&1; then
    echo "FAIL: $f should be refused by the schema"; failures=$((failures + 1))
  fi
done
echo "$checked files checked, $failures failures"
[ "$failures" -eq 0 ]
