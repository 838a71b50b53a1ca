#!/bin/sh
# Regenerates the ABI baseline tests/abi/libpbo.abi from a build's shared
# library with abigail-tools' abidw. Only the types of the public headers
# (include/pbo and the generated version.h) are kept. Run it for a release,
# after a deliberate ABI addition, and commit the result with the change
# (docs/api-stability.md).
#
# Usage: tests/abi/update.sh [BUILDDIR]   (default: build; from the source root)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${1:-$src/build}
lib=$build/lib/libpbo.so
[ -e "$lib" ] || { echo "$lib not found: build first (ninja -C $build)" >&2; exit 1; }
command -v abidw >/dev/null 2>&1 || { echo "abidw not found (Debian: abigail-tools)" >&2; exit 1; }
abidw --headers-dir "$src/include/pbo" --headers-dir "$build/include/pbo" \
  --drop-private-types --no-corpus-path --out-file "$here/libpbo.abi" "$(readlink -f "$lib")"
echo "wrote $here/libpbo.abi ($(grep -c '<elf-symbol ' "$here/libpbo.abi") symbols)"
