#!/bin/sh
# docs/tutorial.md: examples/tutorial.c runs on the Jianghai sample, turns
# 9 organisations below the bureau's Party group into 12, and saves a file
# that `pbo` validates, with the general branch's figures.
# Usage: tutorial-test.sh TUTORIAL PBO SRCDIR
set -eu
tutorial=$1; pbo=$2; src=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

fail () { echo "FAIL: $*"; cat "$tmp/out"; exit 1; }

"$tutorial" "$src/examples/data/jianghai.xml" "$tmp/after.xml" >"$tmp/out" 2>&1 \
  || fail "the tutorial exited with status $?"
grep -qx '10 orgs, 127 members' "$tmp/out" || fail "step 2: expected 10 orgs, 127 members"
grep -qx '23 findings, 3 errors' "$tmp/out" || fail "step 4: expected 23 findings, 3 errors"
grep -qx "saved $tmp/after.xml: 13 orgs, 127 members" "$tmp/out" || fail "step 5: expected 13 orgs"

"$pbo" validate "$tmp/after.xml" >/dev/null || fail "pbo validate refused the saved file"
"$pbo" stats "$tmp/after.xml" --org jh-zxy-zz --format csv >"$tmp/stats" || fail "pbo stats"
grep -qx 'jh-zxy-zz,general-branch,江海区中西医结合医院党总支,4,0,0,4,0,52,50,2,42,10' "$tmp/stats" \
  || { cat "$tmp/stats"; fail "the general branch's figures"; }
"$pbo" stats "$tmp/after.xml" --org jh-hb --format csv >"$tmp/stats" || fail "pbo stats"
# Below the bureau's Party group: 1 general branch + 11 branches = 12.
grep -q '^jh-hb,committee,[^,]*,8,0,1,11,0,127,' "$tmp/stats" \
  || { cat "$tmp/stats"; fail "12 organisations below jh-hb"; }
echo "tutorial test passed"
