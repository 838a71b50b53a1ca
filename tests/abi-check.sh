#!/bin/sh
# The built libpbo keeps the ABI of the baseline tests/abi/libpbo.abi
# (docs/api-stability.md): abigail-tools' abidiff compares the two, over the
# public headers' types only, with the allowed changes of
# tests/abi/libpbo.suppr suppressed. It fails on
#   - an incompatible change (abidiff's exit bit 8, ABIDIFF_ABI_INCOMPATIBLE_CHANGE),
#   - a removed function or variable,
#   - any other change left after the suppressions (a changed signature, a
#     caller-allocated struct resized) — reported by abidiff as bit 4 with
#     "N Changed";
#   - an abidiff error (bits 1 and 2);
# while added symbols (and appended enumerators or struct fields the
# suppressions allow) pass. tests/abi/update.sh regenerates the baseline.
# With --self-test, the check runs against altered copies of the baseline:
# a symbol that the library lacks (removed) and a function with a parameter
# fewer must fail; a symbol missing from the baseline (added) and a
# versioned struct one field shorter (grown) must pass.
#
# Without DWARF abidiff compares symbol names only: a changed signature
# would pass. A library built without debug info (buildtype release or
# plain) is therefore skipped, not passed, and abidiff runs with
# --fail-no-debug-info so that it cannot fall back to names silently.
#
# Usage: abi-check.sh SRCDIR BUILDDIR LIBRARY [--self-test]
# Exit 77 (skipped) without abidiff (Debian: abigail-tools) or python3
# (self-test), or when LIBRARY has no debug info.
set -eu
src=$1; build=$2; lib=$3; mode=${4:-}
command -v abidiff >/dev/null 2>&1 || { echo "abidiff not found: skipped (Debian: abigail-tools)"; exit 77; }
if ! LC_ALL=C readelf -S "$lib" 2>/dev/null | grep -q '\.debug_info'; then
  echo "$lib has no debug info (buildtype release or plain): nothing to compare types with: skipped"
  exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# check BASELINE: 0 if the library is compatible with BASELINE.
check () {
  status=0
  abidiff --fail-no-debug-info --hd2 "$src/include/pbo" --hd2 "$build/include/pbo" --drop-private-types \
    --suppressions "$src/tests/abi/libpbo.suppr" "$1" "$lib" > "$tmp/report" 2>&1 || status=$?
  cat "$tmp/report"
  if [ $((status & 3)) -ne 0 ]; then
    echo "abidiff failed (exit $status)" >&2; return 1
  fi
  if [ $((status & 8)) -ne 0 ]; then
    echo "incompatible ABI change (abidiff exit $status)" >&2; return 1
  fi
  if grep -Eq 'summary: [1-9][0-9]* Removed|, [1-9][0-9]* Changed' "$tmp/report"; then
    echo "symbols removed or changed: the ABI of 1.x must only grow" >&2; return 1
  fi
  return 0
}

baseline=$src/tests/abi/libpbo.abi
if [ -z "$mode" ]; then
  check "$baseline"
  echo "the ABI is compatible with tests/abi/libpbo.abi"
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
# alter KIND OUT: a copy of the baseline with one deliberate difference.
alter () {
  python3 - "$baseline" "$1" "$2" <<'PY'
import re, sys
src, kind, out = sys.argv[1:]
s = open(src, encoding='utf-8').read()
def block(open_tag, close_tag):
    start = s.index(open_tag)
    return start, s.index(close_tag, start) + len(close_tag)
if kind == 'removed':      # the baseline has a function the library lacks
    s = s.replace("'pbo_version_string", "'pbo_version_string_gone")
elif kind == 'changed':    # pbo_version() had one parameter fewer
    a, b = block("<function-decl name='pbo_version' ", "</function-decl>")
    s = s[:a] + re.sub(r"\s*<parameter [^>]*name='micro'[^>]*/>", "", s[a:b]) + s[b:]
elif kind == 'added':      # the library has a function the baseline lacks
    s = re.sub(r"\s*<elf-symbol name='pbo_version_string'[^>]*/>", "", s)
    a, b = block("<function-decl name='pbo_version_string' ", "</function-decl>")
    s = s[:a] + s[b:]
elif kind == 'grown':      # PboSaveOptions had its last field only later
    a, b = block("<class-decl name='PboSaveOptions'", "</class-decl>")
    members = list(re.finditer(r"\s*<data-member [^>]*>\s*<var-decl [^>]*/>\s*</data-member>", s[a:b]))
    last = members[-1]
    offset = re.search(r"layout-offset-in-bits='(\d+)'", last.group(0)).group(1)
    body = s[a:a + last.start()] + s[a + last.end():b]
    body = re.sub(r"size-in-bits='\d+'", "size-in-bits='%s'" % offset, body, count=1)
    s = s[:a] + body + s[b:]
open(out, 'w', encoding='utf-8').write(s)
PY
}
check "$baseline" > /dev/null || { echo "self-test: the library fails against its own baseline" >&2; exit 1; }
for kind in removed changed; do
  alter $kind "$tmp/$kind.abi"
  if check "$tmp/$kind.abi" > /dev/null 2>&1; then
    echo "self-test: a $kind function passed the check" >&2; exit 1
  fi
  echo "self-test: a $kind function fails the check"
done
for kind in added grown; do
  alter $kind "$tmp/$kind.abi"
  check "$tmp/$kind.abi" > "$tmp/$kind.log" 2>&1 \
    || { cat "$tmp/$kind.log" >&2; echo "self-test: an allowed change ($kind) failed the check" >&2; exit 1; }
  echo "self-test: an allowed change ($kind) passes"
done
echo "self-test passed"
