#!/bin/sh
# The umbrella header compiles on its own with every warning an error, in C
# and pedantic C99/C11, and a sub-header refuses direct inclusion.
set -eu
cc=$1; src=$2; build=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
flags="-I$src/include -I$build/include $(pkg-config --cflags glib-2.0)"
printf '#include <pbo/pbo.h>\nint main (void) { return pbo_version_string () == 0; }\n' > "$tmp/a.c"
for std in c99 c11 gnu11; do
  $cc -std=$std -Wall -Wextra -pedantic -Werror $flags -c "$tmp/a.c" -o "$tmp/a.o"
done
printf '#include <pbo/tree.h>\n' > "$tmp/b.c"
if $cc $flags -c "$tmp/b.c" -o "$tmp/b.o" 2>/dev/null; then
  echo "pbo/tree.h was included directly without an error" >&2; exit 1
fi
echo "header test passed"
