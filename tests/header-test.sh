#!/bin/sh
# The umbrella header compiles on its own with every warning an error, in
# pedantic C99/C11 and, when a C++ compiler is found (Debian: g++), in
# pedantic C++11 and C++17: every PBO_*_INIT initialiser and flags combined
# with | included. A sub-header refuses direct inclusion.
# Usage: header-test.sh CC SRCDIR BUILDDIR
set -eu
cc=$1; src=$2; build=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
flags="-I$src/include -I$build/include $(pkg-config --cflags glib-2.0)"
strict="-Wall -Wextra -pedantic -Werror"

# One block per initialiser: PBO_CSV_IMPORT_OPTIONS_INIT initialises a PboCsvImportOptions.
{
  echo '#include <pbo/pbo.h>'
  echo 'int main (void) {'
  echo '  PboLoadOptions load = PBO_LOAD_OPTIONS_INIT;'
  echo '  PboSaveOptions save = PBO_SAVE_OPTIONS_INIT;'
  echo '  load.flags = PBO_LOAD_NONE | PBO_LOAD_VALIDATE_SCHEMA;'
  echo '  save.flags = PBO_SAVE_REDACT | PBO_SAVE_NO_FSYNC;'
  echo '  (void) load; (void) save;'
  grep -ho '^#define PBO_[A-Z0-9_]*_INIT\b' "$src"/include/pbo/*.h | while read -r _ macro; do
    type=$(echo "$macro" | sed 's/^PBO_//; s/_INIT$//' \
      | awk -F_ '{ for (i = 1; i <= NF; i++) printf "%s%s", substr($i, 1, 1), tolower(substr($i, 2)) }')
    echo "  { Pbo$type v = $macro; (void) v; }"
  done
  echo '  return pbo_version_string () == 0;'
  echo '}'
} > "$tmp/a.c"
cp "$tmp/a.c" "$tmp/a.cc"
for std in c99 c11 gnu11; do
  $cc -std=$std $strict $flags -c "$tmp/a.c" -o "$tmp/a.o"
done
cxx=${CXX:-}
[ -n "$cxx" ] || cxx=$(command -v c++ || command -v g++ || command -v clang++ || true)
if [ -n "$cxx" ]; then
  for std in c++11 c++17; do
    $cxx -std=$std $strict $flags -c "$tmp/a.cc" -o "$tmp/a.o"
  done
  echo "C++ ($cxx): compiled"
else
  echo "no C++ compiler found: the C++ part is not run (Debian: g++)"
fi

printf '#include <pbo/tree.h>\n' > "$tmp/b.c"
if $cc $flags -c "$tmp/b.c" -o "$tmp/b.o" 2>/dev/null; then
  echo "pbo/tree.h was included directly without an error" >&2; exit 1
fi
echo "header test passed"
