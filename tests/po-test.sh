#!/bin/sh
# The translations are complete (docs/i18n.md): for every language of
# po/LINGUAS,
#   1. `msgfmt --check --statistics` accepts the po file (formats match
#      their msgid) and counts no fuzzy and no untranslated message;
#   2. every message marked in the sources has a translation: the template
#      is extracted afresh with xgettext from every lib/*.c and
#      examples/pbo/*.c (not only those po/POTFILES names) and compared with
#      msgcmp, which fails on a msgid the po file lacks;
#   3. po/POTFILES names every source file that holds a message, so that
#      `ninja libpbo-pot` / `libpbo-update-po` see them all;
#   4. every option help of the CLI (GOptionEntry descriptions, those of
#      the shared macros in examples/pbo/*.h too) is marked with N_(), so
#      that check 2 sees it (tests/option-help-check.py).
# With --self-test, the checks run on deliberately broken copies (a message
# left untranslated, one fuzzy, a new message in a source, a file missing
# from POTFILES, an option help without N_(), a table heading without
# translation) and must fail on each.
#
# Usage: po-test.sh SRCDIR [--self-test] -- XGETTEXT-ARGS…
# Exit 77 (skipped) without the gettext tools.
set -eu
src=$1; shift
mode=
if [ "${1:-}" = --self-test ]; then mode=self; shift; fi
[ "${1:-}" = -- ] && shift

for tool in msgfmt msgcmp xgettext python3; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool not found: skipped (Debian: gettext)"; exit 77; }
done
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# check PODIR SRCROOT: 0 if the po files of PODIR are complete for the
# sources under SRCROOT.
check () {
  podir=$1; root=$2; ok=0
  shift 2
  (cd "$root" && ls lib/*.c examples/pbo/*.c examples/pbo/*.h) > "$tmp/sources"
  (cd "$root" && xgettext "$@" -o "$tmp/fresh.pot" -f "$tmp/sources") 2>"$tmp/xgettext.err" \
    || { cat "$tmp/xgettext.err" >&2; return 1; }
  # The files that hold a message, from the template's references.
  sed -n 's/^#: //p' "$tmp/fresh.pot" | tr ' ' '\n' | sed 's/:[0-9]*$//' | sort -u > "$tmp/used"
  grep -v '^#' "$podir/POTFILES" | grep . | sort -u > "$tmp/listed"
  if ! (cd "$root" && python3 "$here/option-help-check.py" examples/pbo/*.c examples/pbo/*.h); then
    ok=1
  fi
  missing=$(comm -23 "$tmp/used" "$tmp/listed")
  if [ -n "$missing" ]; then
    echo "po/POTFILES does not name: $missing" >&2; ok=1
  fi
  for lang in $(grep -v '^#' "$podir/LINGUAS"); do
    po="$podir/$lang.po"
    stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$stats" >&2; ok=1; continue; }
    echo "$lang: $stats"
    case $stats in
      *fuzzy*|*untranslated*) echo "$po: not complete: $stats" >&2; ok=1 ;;
    esac
    if ! msgcmp "$po" "$tmp/fresh.pot" 2>"$tmp/msgcmp.err"; then
      echo "$po lacks messages of the sources (run ninja -C build libpbo-update-po and translate):" >&2
      grep -i 'this message is used but not defined' -B1 "$tmp/msgcmp.err" | head -n 20 >&2 || cat "$tmp/msgcmp.err" >&2
      ok=1
    fi
  done
  return $ok
}

if [ -z "$mode" ]; then
  check "$src/po" "$src" "$@"
  exit $?
fi

# Self-test: each broken copy must fail the check.
copy () {
  rm -rf "$tmp/root"; mkdir -p "$tmp/root/examples"
  cp -r "$src/lib" "$src/po" "$tmp/root/"
  cp -r "$src/examples/pbo" "$tmp/root/examples/"
}
expect_failure () {
  if check "$tmp/root/po" "$tmp/root" "$@" >/dev/null 2>&1; then
    echo "self-test: the check passed on a copy with $what" >&2; exit 1
  fi
  echo "self-test: caught $what"
}
copy
check "$tmp/root/po" "$tmp/root" "$@" >/dev/null || { echo "self-test: the unbroken copy fails" >&2; exit 1; }

copy; what="an untranslated message"
# Empty the first one-line msgstr after the header.
awk 'done != 1 && NR > 20 && /^msgstr "./ { print "msgstr \"\""; done = 1; next } { print }' \
  "$src/po/zh_CN.po" > "$tmp/root/po/zh_CN.po"
expect_failure "$@"

copy; what="a fuzzy message"
awk 'done != 1 && NR > 20 && /^msgid "./ { print "#, fuzzy"; done = 1 } { print }' \
  "$src/po/zh_CN.po" > "$tmp/root/po/zh_CN.po"
expect_failure "$@"

copy; what="a new message in a source"
printf 'static const char *planted (void) { return _("a message nobody translated"); }\n' \
  >> "$tmp/root/lib/dues.c"
expect_failure "$@"

copy; what="a source file missing from po/POTFILES"
grep -v '^lib/dues.c$' "$src/po/POTFILES" > "$tmp/root/po/POTFILES"
expect_failure "$@"
copy; what="an option help without N_()"
sed 's/N_("Apply and summarise, but write nothing")/"Apply and summarise, but write nothing"/' \
  "$src/examples/pbo/pbo-cli.h" > "$tmp/root/examples/pbo/pbo-cli.h"
expect_failure "$@"

copy; what="a table heading without translation"
# A heading left bare is invisible to xgettext: i18n-cli (tests/i18n-test.sh)
# catches those by the English words in the Chinese tables; here a marked
# heading that the po file lacks must fail.
sed 's/N_("PROBAT.")/N_("PROBATIONARY (planted)")/' \
  "$src/examples/pbo/cmd-tree.c" > "$tmp/root/examples/pbo/cmd-tree.c"
expect_failure "$@"
echo "self-test passed"
