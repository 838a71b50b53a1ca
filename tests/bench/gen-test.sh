#!/bin/sh
# pbo-gen at 1,000 members: well-formed, deterministic, the counts it
# reports are the counts in the file, every member attribute of format v1
# is used, branches hold 10–50 members, ~23% retired and ~3% probationary,
# every officer and absent reference names a member, ID-card check
# characters are right (GB 11643).
set -eu
gen=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }

"$gen" --members 1000 --seed 7 -o "$tmp/a.xml" > "$tmp/summary"
"$gen" --members 1000 --seed 7 -o "$tmp/b.xml" > /dev/null
"$gen" --members 1000 --seed 8 -o "$tmp/c.xml" > /dev/null
cmp -s "$tmp/a.xml" "$tmp/b.xml" || fail "the same seed gave different files"
cmp -s "$tmp/a.xml" "$tmp/c.xml" && fail "different seeds gave the same file"
xmllint --noout --nonet "$tmp/a.xml" || fail "not well-formed"

# A value of the summary line ("GEN members=1000 full=… …").
gen () { sed -n "s/^GEN.* $1=\([^ ]*\).*/\1/p" "$tmp/summary"; }
count () { grep -c -- "$1" "$tmp/a.xml" || true; }
same () { [ "$1" -eq "$2" ] || fail "$3: $1 in the file, $2 in the summary"; }
within () { if [ "$1" -lt "$2" ] || [ "$1" -gt "$3" ]; then fail "$4: $1 of 1000"; fi; }

same "$(count '<member ')" 1000 "members"
same "$(gen members)" 1000 "members in the summary"
same "$(count 'kind="committee"')" "$(gen committees)" "committees"
same "$(count 'kind="general-branch"')" "$(gen general_branches)" "general branches"
same "$(count 'kind="branch"')" "$(gen branches)" "branches"
same "$(count 'kind="group"')" "$(gen groups)" "groups"
same "$(count 'employment="retired"')" "$(gen retired)" "retired members"
same "$(count 'status="probationary"')" "$(gen probationary)" "probationary members"
same "$(count '<officer ')" "$(gen officers)" "officers"
same "$(count '<meeting ')" "$(gen meetings)" "meetings"
same "$(stat -c %s "$tmp/a.xml")" "$(gen bytes)" "bytes"
within "$(gen retired)" 120 340 "retired"
within "$(gen probationary)" 10 60 "probationary"

for attr in id name gender born joined full-since status employment ethnicity education \
            position department dues-base dues-category phone id-card mobile; do
  grep -q "<member.* $attr=\"" "$tmp/a.xml" || fail "attribute $attr never used"
done

awk '
  function fail(msg) { print "FAIL: " msg > "/dev/stderr"; bad = 1; exit 1 }
  /<org / {
    kind = $0; sub(/.* kind="/, "", kind); sub(/".*/, "", kind)
    stack[++depth] = kind; if (kind == "branch") { branch = depth; size[depth] = 0 }
  }
  /<\/org>/ {
    if (stack[depth] == "branch" && (size[depth] < 10 || size[depth] > 50))
      fail("a branch of " size[depth] " members")
    depth--
  }
  /<member / {
    size[branch]++
    id = $0; sub(/.* id="/, "", id); sub(/".*/, "", id); ids[id] = 1
    if ($0 ~ / id-card="/) {
      card = $0; sub(/.* id-card="/, "", card); sub(/".*/, "", card)
      split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
      sum = 0; for (i = 1; i <= 17; i++) sum += substr(card, i, 1) * w[i]
      if (substr("10X98765432", sum % 11 + 1, 1) != substr(card, 18, 1)) fail("check digit of " card)
    }
  }
  / member="/ { ref = $0; sub(/.* member="/, "", ref); sub(/".*/, "", ref); refs[ref] = 1 }
  END {
    if (bad) exit 1
    for (r in refs) if (!(r in ids)) fail("reference to unknown member " r)
  }' "$tmp/a.xml" || exit 1

echo "pbo-gen test passed: $(sed 's/^GEN //' "$tmp/summary")"
