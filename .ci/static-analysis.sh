#!/bin/sh
# Static analysis of lib/ and examples/: cppcheck, clang-tidy (.clang-tidy)
# and gcc -fanalyzer. Fails on any finding. Installs nothing; needs the
# Debian packages cppcheck, clang-tidy and clang (and the build's own:
# meson ninja-build pkg-config libglib2.0-dev libxml2-dev check).
#   .ci/static-analysis.sh            (from the source tree; builds in build-sa*)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src"
for tool in cppcheck clang-tidy gcc meson ninja; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "static-analysis: $tool not found (apt-get install cppcheck clang-tidy clang)" >&2
    exit 2
  fi
done
status=0

# A configured build: generated headers and compile_commands.json.
[ -f build-sa/build.ninja ] || meson setup build-sa -Dtests=false >/dev/null
ninja -C build-sa >/dev/null

echo "== cppcheck"
# Suppressions, each justified:
#  varFuncNullUB: NULL ends the argument lists of pbo_csv_row_() and GLib's
#    variadic functions; with glibc NULL is ((void *) 0), and the functions
#    are G_GNUC_NULL_TERMINATED, so gcc checks the sentinel itself.
#  unknownMacro in lib/error.c: G_DEFINE_QUARK, which gtk.cfg lacks; in
#    lib/error-private.h: G_GNUC_FORMAT (the format_arg attribute of the
#    gettext wrapper), which gtk.cfg lacks too.
#  memleak in examples/pbo/cmd-tree.c: the label is owned by the GArray,
#    freed by its clear function (row_clear), which cppcheck does not follow.
#  preprocessorErrorDirective in lib/xml-compat-private.h: the #error for a
#    libxml2 older than 2.9.10, which cppcheck reaches because it does not
#    know LIBXML_VERSION (the compiler does: every build checks it).
if ! cppcheck --library=gtk --enable=warning,performance,portability --std=c11 \
     --inline-suppr --quiet --error-exitcode=1 \
     -I include -I lib -I build-sa/include -I build-sa/lib -DPBO_COMPILATION \
     --suppress=varFuncNullUB --suppress=unknownMacro:lib/error.c \
     --suppress=unknownMacro:lib/error-private.h \
     --suppress=memleak:examples/pbo/cmd-tree.c \
     --suppress=preprocessorErrorDirective:lib/xml-compat-private.h \
     --template='{file}:{line}: {severity}: {id}: {message}' lib examples; then
  status=1
fi

echo "== clang-tidy"
out=$(ls lib/*.c examples/*.c examples/pbo/*.c | xargs -n 8 clang-tidy -p build-sa --quiet 2>&1 \
      | grep -E '(warning|error):' | sort -u || true)
if [ -n "$out" ]; then
  echo "$out"
  status=1
fi

echo "== gcc -fanalyzer"
[ -f build-sa-analyzer/build.ninja ] \
  || CC=gcc meson setup build-sa-analyzer -Dtests=false -Dc_args=-fanalyzer >/dev/null
# A clean rebuild, so that every file is analysed.
ninja -C build-sa-analyzer -t clean >/dev/null
out=$(ninja -C build-sa-analyzer 2>&1 | grep -E 'warning:|error:' | sort -u || true)
if [ -n "$out" ]; then
  echo "$out"
  status=1
fi

[ $status -eq 0 ] && echo "static-analysis: no findings"
exit $status
