#!/bin/sh
# Builds examples/consumer/ as its own Meson project with libpbo as a
# subproject (subprojects/libpbo is a symbolic link to this source tree),
# forcing the fallback so that an installed libpbo cannot stand in, then
# runs it on the Jianghai sample. What `dependency('libpbo')` in another
# Meson project does; it works through meson.override_dependency in
# lib/meson.build.
# Usage: subproject-test.sh SRCDIR
set -eu
src=$(cd "$1" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r "$src/examples/consumer" "$tmp/consumer"
mkdir -p "$tmp/consumer/subprojects"
ln -s "$src" "$tmp/consumer/subprojects/libpbo"
cd "$tmp/consumer"
meson setup build --force-fallback-for=libpbo -Dlibpbo:tests=false >"$tmp/setup.log" 2>&1 \
  || { cat "$tmp/setup.log"; exit 1; }
grep -q "Subproject libpbo finished" "$tmp/setup.log" \
  || { echo "libpbo was not built as a subproject:"; cat "$tmp/setup.log"; exit 1; }
ninja -C build >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
out=$(build/consumer "$src/examples/data/jianghai.xml")
echo "$out"
echo "$out" | grep -q "江门市江海区卫生健康局党组: 127 members" \
  || { echo "the consumer printed the wrong figures"; exit 1; }
build/consumer | grep -q "第一党支部: 1 members" || { echo "the built-in tree is wrong"; exit 1; }
echo "subproject test passed"
