#!/bin/sh
# A hospital's year through the pbo command line only (DESIGN §10, "One
# mutation path"): pbo init, branches and members by plans, a year of
# meetings, recruitment (recruit add, promote, admit), a split with its
# founding date, a new term (换届, set-org) and a merge. Every step is a
# journal entry shown by `pbo log`; then `pbo undo` takes the steps back
# one by one, each time to the very file that stood before the step.
# Usage: cli-hospital.sh PBO. Exit 0 when all holds.
set -eu
pbo=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
f=$tmp/h.xml
n=0

fail () { echo "FAIL: $*"; exit 1; }
# step CMD ARGS…: runs `pbo CMD FILE ARGS…`, keeping the file before it.
step () {
  cmd=$1; shift
  cp "$f" "$tmp/before.$n" 2>/dev/null || : >"$tmp/before.$n"
  "$pbo" $cmd "$f" "$@" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "pbo $cmd $*"; }
  n=$((n + 1))
  entries=$("$pbo" log "$f" --format csv | tail -n +2 | wc -l)
  [ "$entries" -ge "$n" ] || fail "pbo $cmd: the journal holds $entries entries after $n steps"
  echo "$n $(( entries ))" >>"$tmp/steps"
}
plan () { printf '<plan xmlns="urn:libpbo:1">%s</plan>\n' "$1" >"$tmp/plan.xml"; echo "$tmp/plan.xml"; }

# An existing file is never overwritten.
"$pbo" init "$f" --id h --kind committee --name 某医院党委 --date 2024-01-02 >/dev/null
: >"$tmp/before.0"; n=1; echo "1 1" >"$tmp/steps"
if "$pbo" init "$f" --id x --kind branch --name x 2>/dev/null; then fail "init overwrote a file"; fi

step apply "$(plan '<create-org id="b1" kind="branch" name="内科党支部" parent="h" established="2010-07-01" term-start="2021-03-01" term-years="3"/>')" --date 2024-01-03
step apply "$(plan '<add-member to="b1"><member id="m1" name="张一" status="full" employment="in-service" joined="2000-06-01" full-since="2001-06-01" department="内科"/></add-member><add-member to="b1"><member id="m2" name="王二" status="full" employment="in-service" joined="2005-06-01" full-since="2006-06-01" department="心内科"/></add-member><add-member to="b1"><member id="m3" name="李三" status="full" employment="retired" joined="1980-06-01" full-since="1981-06-01" department="心内科"/></add-member>')" --date 2024-01-04
for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
  step "meeting add" --org b1 --id "gm$month" --type group --date "2024-$month-10" --attendance 3
done
step "meeting add" --org b1 --id lec1 --type lecture --date 2024-03-20 --title 党课 --absent m3
step "meeting remove" --org b1 --id gm12 --date 2024-12-11
step "recruit add" --branch b1 --id r1 --name 赵四 --applied 2022-01-05 --born 1995-02-03 \
  --department 心内科 --date 2022-01-05
step "recruit promote" --id r1 --stage activist --date 2023-01-10
step "recruit promote" --id r1 --stage candidate --date 2024-01-15
step "recruit admit" --id r1 --date 2024-06-01
step apply "$(plan '<split org="b1" new-id="b2" new-name="心内科党支部" established="2024-07-01" date="2024-07-01"><select department="心内科"/></split>')"
step set-org --org b1 --term-start 2024-03-01 --date 2024-03-01
step merge b2 --into b1 --date 2024-12-20

"$pbo" log "$f" >"$tmp/log"
for op in create-org add-member add-meeting remove-meeting add-recruit promote admit split \
          set-org merge; do
  grep -q " $op " "$tmp/log" || fail "pbo log shows no $op"
done
grep -q 'version="1.1"' "$f" || fail "the file is not format 1.1"
grep -q '<org id="b2"' "$f" && fail "the merge left b2"
"$pbo" validate "$f" >/dev/null || fail "the result does not validate"

# Every step undone, in reverse, gives back the file before it.
while [ "$n" -gt 1 ]; do
  n=$((n - 1))
  entries=$(sed -n "$((n + 1))p" "$tmp/steps" | cut -d' ' -f2)
  prev=$(sed -n "${n}p" "$tmp/steps" | cut -d' ' -f2)
  while [ "$entries" -gt "$prev" ]; do
    "$pbo" undo "$f" >/dev/null || fail "pbo undo (step $((n + 1)))"
    entries=$((entries - 1))
  done
  cmp -s "$f" "$tmp/before.$n" || { diff "$tmp/before.$n" "$f" | head; fail "undoing step $((n + 1)) does not restore the file"; }
done
"$pbo" undo "$f" >/dev/null || fail "undoing init"
if "$pbo" undo "$f" 2>/dev/null; then fail "undo of an empty journal succeeded"; fi
echo "hospital: $(wc -l <"$tmp/steps") steps journaled and undone"
