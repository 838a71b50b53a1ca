#!/bin/sh
# Installs the build to a DESTDIR, then builds and runs a consumer with
# nothing but pkg-config: what an HR system's build does; then builds
# examples/consumer/ with its Makefile the same way (needs make).
set -eu
build=$1; cc=$2; src=${3:-}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
DESTDIR="$tmp/root" meson install -C "$build" --quiet >/dev/null
pc=$(find "$tmp/root" -name libpbo.pc | head -n 1)
# Relocate the staged copy: its prefix points into the DESTDIR.
sed -i "s|^prefix=|prefix=$tmp/root|" "$pc"
export PKG_CONFIG_PATH="$(dirname "$pc")"
cat > "$tmp/consumer.c" <<'C'
#include <stdio.h>
#include <pbo/pbo.h>
int main (void)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  GError *error = NULL;
  PboOrg *b = pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "b1", "第一党支部", &error);
  PboStats s;
  if (b == NULL) { fprintf (stderr, "%s\n", error->message); return 1; }
  pbo_tree_get_stats (tree, &s);
  printf ("libpbo %s: %u org\n", pbo_version_string (), pbo_tree_get_n_orgs (tree));
  return s.branches == 1 ? 0 : 1;
}
C
$cc "$tmp/consumer.c" -o "$tmp/consumer" $(pkg-config --cflags --libs libpbo)
so=$(find "$tmp/root" -name 'libpbo.so.*.*' | head -n 1)
LD_LIBRARY_PATH=$(dirname "$so") "$tmp/consumer"
# examples/consumer/ with its own Makefile, against the staged copy.
if [ -n "$src" ]; then
  if command -v make >/dev/null 2>&1; then
    cp -r "$src/examples/consumer" "$tmp/consumer-make"
    # Built with the README's own command for a copy under its own prefix,
    # pointed at the staged copy, and nothing in the environment besides.
    line=$(grep -m 1 '^PKG_CONFIG_PATH=[^ ]* make$' "$src/examples/consumer/README.md" || true)
    [ -n "$line" ] || { echo "examples/consumer/README.md: no PKG_CONFIG_PATH=… make line" >&2; exit 1; }
    line=$(printf '%s' "$line" | sed "s|^PKG_CONFIG_PATH=[^ ]*|PKG_CONFIG_PATH='$(dirname "$pc")'|")
    (unset PKG_CONFIG_PATH; cd "$tmp/consumer-make" && eval "$line -s CC='$cc'" >/dev/null)
    out=$(LD_LIBRARY_PATH=$(dirname "$so") "$tmp/consumer-make/consumer" "$src/examples/data/jianghai.xml")
    echo "$out"
    echo "$out" | grep -q "江门市江海区卫生健康局党组: 127 members" \
      || { echo "examples/consumer (make) printed the wrong figures" >&2; exit 1; }
  else
    echo "make not found: examples/consumer/Makefile not built (Debian: make)" >&2; exit 1
  fi
fi
# The documentation pages messages refer to ("docs/csv.md lists the known ones").
for page in "$src"/docs/*.md; do
  find "$tmp/root" -path "*/share/doc/libpbo/$(basename "$page")" | grep -q . \
    || { echo "docs/$(basename "$page") is not installed under \$datadir/doc/libpbo (docs/meson.build)" >&2; exit 1; }
done
# The translations are installed where the library looks (LOCALEDIR).
if command -v msgfmt >/dev/null 2>&1 && ! find "$tmp/root" -path '*/locale/zh_CN/LC_MESSAGES/libpbo.mo' | grep -q .; then
  echo "the zh_CN catalogue (libpbo.mo) was not installed" >&2; exit 1
fi
# The shared library exports nothing but pbo_ symbols.
stray=$(nm -D --defined-only "$so" | awk '$2 ~ /[TDBR]/ {print $3}' | grep -v '^pbo_' || true)
if [ -n "$stray" ]; then echo "non-pbo_ symbols exported: $stray" >&2; exit 1; fi
echo "install test passed"
