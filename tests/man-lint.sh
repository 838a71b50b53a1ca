#!/bin/sh
# The manual pages in docs/man/ format without a single groff warning, and
# there is one for every `pbo` subcommand listed in examples/pbo/pbo.c (and
# none for a command that does not exist).
# Usage: man-lint.sh SRCDIR. Exit 77 (skipped) without groff.
set -eu
src=$1
if ! command -v groff >/dev/null 2>&1; then
  echo "groff not found: skipped"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0

# Every page names the release in its .TH line, as meson.build's version.
version=$(sed -n "s/^ *version : '\([0-9.]*\)',.*/\1/p" "$src/meson.build" | head -n 1)
for page in "$src"/docs/man/*.1; do
  grep -q "^\.TH .* \"libpbo $version\"" "$page" \
    || { echo "FAIL: $(basename "$page"): .TH does not say \"libpbo $version\""; status=1; }
  # -k: UTF-8 input through preconv, as man(1) does; -ww: every warning.
  if ! groff -k -Tutf8 -man -ww -z "$page" >"$tmp/log" 2>&1 || [ -s "$tmp/log" ]; then
    echo "FAIL: $(basename "$page"):"; cat "$tmp/log"; status=1
  fi
  if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man --warnings -l "$page" >/dev/null 2>"$tmp/log" || true
    if [ -s "$tmp/log" ]; then
      echo "FAIL: man --warnings $(basename "$page"):"; cat "$tmp/log"; status=1
    fi
  fi
done

# The commands[] table: lines like  { "tree", "FILE", "...", cli_cmd_tree },
commands=$(sed -n 's/^ *{ "\([a-z-]*\)", .*cli_cmd_.*/\1/p' "$src/examples/pbo/pbo.c")
[ -n "$commands" ] || { echo "FAIL: no command found in examples/pbo/pbo.c"; exit 1; }
for cmd in $commands; do
  if [ ! -f "$src/docs/man/pbo-$cmd.1" ]; then
    echo "FAIL: no manual page docs/man/pbo-$cmd.1 for \`pbo $cmd'"; status=1
  fi
  # roff spells every hyphen of a command name \- ("pbo\-import\-csv").
  roff=$(printf '%s' "$cmd" | sed 's/-/\\\\-/g')
  grep -q "BR pbo\\\\-$roff (1)" "$src/docs/man/pbo.1" \
    || { echo "FAIL: pbo.1 does not list pbo-$cmd(1)"; status=1; }
  # Each command is an entry of its own: without the .TP before its name it
  # renders inside the previous command's paragraph (groff does not warn).
  awk -v name=".B $roff" 'prev !~ /^\.TP( |$)/ && $0 == name { bad = 1 } { prev = $0 }
                          END { exit bad }' "$src/docs/man/pbo.1" \
    || { echo "FAIL: pbo.1: \`$cmd' is not preceded by .TP: it renders inside the entry above"; status=1; }
done
for page in "$src"/docs/man/pbo-*.1; do
  cmd=$(basename "$page" .1); cmd=${cmd#pbo-}
  echo "$commands" | grep -qx "$cmd" || { echo "FAIL: $page documents no command"; status=1; }
done
[ $status -eq 0 ] && echo "manual pages: $(ls "$src"/docs/man/*.1 | wc -l) pages, no warnings"
exit $status
