#!/bin/sh
# The 18 months of tests/data/lifecycle/18-months.xml (standings and
# transfers across the estate) through the pbo command line only: pbo
# set-standing, transfer-out, receipt, transfer-in and an update-member plan
# for the extended probation; then pbo check finds exactly PBO-C001,
# PBO-O001, PBO-S001 and PBO-X001 (meeting findings aside: the file records
# no meetings), pbo transfers lists the overdue and the open letter, pbo
# letter prints one, and pbo undo takes every step back. With the dues
# ledger of 18-months-dues.xml added, pbo dues --ledger gives its totals and
# pbo check adds PBO-D001 for the member out of contact.
# Usage: cli-lifecycle.sh PBO SRCDIR [LOCALEDIR]. Exit 0 when all holds.
set -eu
pbo=$1; src=$2; localedir=${3:-}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
f=$tmp/h.xml
cp "$src/tests/data/lifecycle/hospital.xml" "$f"

fail () { echo "FAIL: $*"; exit 1; }
run () { "$pbo" "$@" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "pbo $*"; }; }

run transfer-out "$f" --member m12 --to-org 市第一人民医院党委 --letter 2024-001 \
  --dues-paid-to 2024-02 --date 2024-03-01
run receipt "$f" --letter 2024-001 --date 2024-03-20
run transfer-in "$f" --to b1 --letter 外2024-17 --from-org 省人民医院党委 --id m41 --name 沈六 \
  --status full --joined 2008-07-01 --full-since 2009-07-01 --date 2024-06-01
run set-standing "$f" --member m14 --standing lost-contact --since 2024-11-30 --date 2024-12-05
printf '<plan xmlns="urn:libpbo:1"><update-member id="m25" probation-extended-to="2025-09-10"/></plan>\n' \
  >"$tmp/ext.xml"
run apply "$f" "$tmp/ext.xml" --date 2024-12-20
run transfer-in "$f" --to b3 --letter 外2025-02 --from-org 某大学党委 --id m42 --name 韩七 \
  --status full --joined 2012-07-01 --full-since 2013-07-01 --date 2025-01-10
run transfer-out "$f" --member m22 --to-org 区妇幼保健院党支部 --letter 2025-003 \
  --dues-paid-to 2025-01 --date 2025-02-01
run set-standing "$f" --member m31 --standing disciplinary-probation --since 2025-03-01 \
  --until 2026-03-01 --date 2025-03-01
run transfer-out "$f" --member m32 --to-org 广东省人民医院党委 --letter 2025-004 \
  --across-provinces --dues-paid-to 2025-04 --date 2025-05-15

# Refused, and the file unchanged: a number used twice, a second receipt.
cp "$f" "$tmp/kept"
if "$pbo" transfer-out "$f" --member m23 --to-org x --letter 2025-003 2>"$tmp/err"; then
  fail "a letter number was used twice"; fi
status=0; "$pbo" receipt "$f" --letter 2024-001 --date 2024-04-01 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "a second receipt: exit $status, not 2"
cmp -s "$f" "$tmp/kept" || fail "a refused operation changed the file"
grep -q 'version="1.1"' "$f" || fail "the file is not format 1.1"
"$pbo" validate "$f" >/dev/null || fail "the result does not validate"

# Exactly the expected findings on 2025-06-30 (exit 1: O001 is an error).
status=0; "$pbo" check "$f" --on 2025-06-30 --format csv >"$tmp/check" || status=$?
[ "$status" -eq 1 ] || fail "pbo check: exit $status, not 1"
grep -v ',PBO-L00' "$tmp/check" | tail -n +2 | cut -d, -f2-4 >"$tmp/codes"
printf 'PBO-C001,h,\nPBO-S001,b1,m14\nPBO-X001,b2,m22\nPBO-O001,b3,m31\n' >"$tmp/want"
diff "$tmp/want" "$tmp/codes" || fail "pbo check found other findings"
# One step back: on 2025-05-02 the letter is still valid, the contact lost under 6 months.
"$pbo" check "$f" --on 2025-05-02 --format csv | grep -c 'PBO-[SX]00' >"$tmp/n" || true
[ "$(cat "$tmp/n")" = 0 ] || fail "findings of S001/X001 a day early"

# The same hospital with its dues ledger (tests/data/lifecycle/make-dues.py):
# m13's arrears, m23 three months short, m14 nothing since losing contact.
cp "$f" "$tmp/ledger.xml"
run apply "$tmp/ledger.xml" "$src/tests/data/lifecycle/18-months-dues.xml"
run dues "$tmp/ledger.xml" --ledger --from 2025-01 --to 2025-06
grep -q '^Total: due 3120.00, paid 2760.00, owed 360.00 ' "$tmp/out" \
  || fail "pbo dues --ledger: not due 3120.00, paid 2760.00, owed 360.00"
run dues "$tmp/ledger.xml" --ledger --from 2025-01 --to 2025-06 --format csv
grep -q '^b1,m14,赵四,6,240.00,0.00,240.00,6$' "$tmp/out" \
  && grep -q '^b2,m23,吴三,6,240.00,120.00,120.00,3$' "$tmp/out" \
  && grep -q '^b1,m13,[^,]*,6,240.00,240.00,0.00,0$' "$tmp/out" \
  || fail "pbo dues --ledger --format csv: m14, m23 or m13 (arrears) wrong"
status=0; "$pbo" check "$tmp/ledger.xml" --on 2025-06-30 --format csv >"$tmp/check" || status=$?
grep -v ',PBO-L00' "$tmp/check" | tail -n +2 | cut -d, -f2-4 >"$tmp/codes"
printf 'PBO-C001,h,\nPBO-D001,b1,m14\nPBO-S001,b1,m14\nPBO-X001,b2,m22\nPBO-O001,b3,m31\n' >"$tmp/want"
diff "$tmp/want" "$tmp/codes" || fail "pbo check of the ledger: other findings"

run transfers "$f" --on 2025-06-30 --format csv
grep -q '^overdue,2025-003,out,m22,周二,b2,区妇幼保健院党支部,2025-02-01,90,2025-05-02,2025-01,$' \
  "$tmp/out" || fail "pbo transfers: no overdue 2025-003"
grep -q '^open,2025-004,out,m32,.*,180,2025-11-11,2025-04,$' "$tmp/out" \
  || fail "pbo transfers: no open 2025-004 valid 180 days"
[ "$(tail -n +2 "$tmp/out" | wc -l)" -eq 2 ] || fail "pbo transfers lists other letters"
run transfers "$f" --on 2025-06-30 --all --format csv
[ "$(tail -n +2 "$tmp/out" | wc -l)" -eq 5 ] || fail "pbo transfers --all: not 5 letters"
run letter "$f" --letter 2025-003
grep -q '外科党支部 (b2)' "$tmp/out" && grep -q '90 days, until 2025-05-02' "$tmp/out" \
  || fail "pbo letter: the fields are missing"
if [ -n "$localedir" ] && locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 PBO_LOCALEDIR="$localedir" \
    "$pbo" letter "$f" --letter 2025-003 >"$tmp/zh"
  grep -q '中国共产党党员组织关系介绍信' "$tmp/zh" && grep -q '党费交至: 2025-01' "$tmp/zh" \
    || fail "pbo letter under zh_CN is not in Chinese"
fi
run stats "$f"
grep -q 'lost contact *1' "$tmp/out" || fail "pbo stats does not count by standing"

# The members sheet carries the standings, and imports them again (the
# Chinese spelling 失联 too).
run export "$f" --format csv -o "$tmp/m.csv"
head -1 "$tmp/m.csv" | grep -q ',org,branch,standing,standing_since,standing_until,outflow_to,probation_extended_to$' \
  || fail "pbo export: no standing columns"
grep -q '^m14,.*,lost-contact,2024-11-30,,,$' "$tmp/m.csv" || fail "pbo export: m14's standing"
grep '^id,\|^m14,\|^m31,\|^m25,' "$tmp/m.csv" | sed 's/lost-contact/失联/' >"$tmp/some.csv"
run init "$tmp/new.xml" --id h --kind committee --name 某医院党委
printf '<plan xmlns="urn:libpbo:1"><create-org id="b1" kind="branch" name="b1" parent="h"/><create-org id="b2" kind="branch" name="b2" parent="h"/><create-org id="b3" kind="branch" name="b3" parent="h"/></plan>\n' >"$tmp/orgs.xml"
run apply "$tmp/new.xml" "$tmp/orgs.xml"
run import-csv "$tmp/new.xml" "$tmp/some.csv" --date 2024-12-30
grep -q 'id="m14".* standing="lost-contact" standing-since="2024-11-30"' "$tmp/new.xml" \
  && grep -q 'id="m31".* standing="disciplinary-probation" standing-since="2025-03-01" standing-until="2026-03-01"' "$tmp/new.xml" \
  && grep -q 'id="m25".* probation-extended-to="2025-09-10"' "$tmp/new.xml" \
  || fail "pbo import-csv lost a standing"

# Every step undone: the members come back, the letters go.
for i in 1 2 3 4 5 6 7 8 9; do run undo "$f"; done
for m in m12 m22 m32; do grep -q "id=\"$m\"" "$f" || fail "undo did not bring $m back"; done
grep -q '<transfers>\|standing=\|probation-extended-to' "$f" && fail "undo left lifecycle records"
echo "cli-lifecycle: ok"
