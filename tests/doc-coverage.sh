#!/bin/sh
# Every public symbol of include/pbo/*.h is documented: every PBO_API
# function with each parameter and its return value, every type, enum value,
# struct field and PBO_ macro (docs/api.md, "Coverage").
#
# Two checks, both over the headers as Doxygen reads them through
# docs/gtkdoc-filter.py with the project's own build/docs/Doxyfile:
#   1. Doxygen's warnings (WARN_IF_UNDOCUMENTED, WARN_NO_PARAMDOC,
#      WARN_IF_DOC_ERROR): any warning fails;
#   2. a census: the symbols are listed from the header text itself and each
#      must appear in Doxygen's XML with a description, so that a
#      declaration Doxygen failed to see cannot pass unnoticed.
# With --self-test, the check is run on copies of the headers with one
# planted defect each (an undocumented function, parameter, enum value and
# macro), and must fail on every one.
#
# Usage: doc-coverage.sh SRCDIR BUILDDIR [--self-test]
# Exit 77 (skipped) without doxygen or python3.
set -eu
src=$1; build=$2; mode=${3:-}

for tool in doxygen python3; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "$tool not found: skipped"; exit 77
  fi
done
if [ ! -f "$build/docs/Doxyfile" ]; then
  echo "$build/docs/Doxyfile missing: reconfigure the build" >&2; exit 1
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# copy_headers DIR: the public headers, version.h included, flat in DIR.
copy_headers () {
  mkdir -p "$1"
  cp "$src"/include/pbo/*.h "$build/include/pbo/version.h" "$1"/
}

# check DIR: 0 if every public symbol of the headers in DIR is documented.
check () {
  dir=$1; out=$1.out
  mkdir -p "$out"
  { cat "$build/docs/Doxyfile"
    echo "INPUT = $dir"
    echo "USE_MDFILE_AS_MAINPAGE ="
    echo "STRIP_FROM_PATH = $dir"
    echo "OUTPUT_DIRECTORY = $out"
    # HTML stays on: with it off, Doxygen 1.9.4 did not run the filter.
    echo "GENERATE_HTML = YES"
    echo "SEARCHENGINE = NO"
    echo "GENERATE_TREEVIEW = NO"
    echo "GENERATE_XML = YES"
    echo "HAVE_DOT = NO"
    echo "WARN_LOGFILE = $out/warnings.log"
  } | doxygen - >"$out/doxygen.out" 2>&1 || { cat "$out/doxygen.out"; return 1; }
  python3 - "$dir" "$out/xml" "$out/warnings.log" <<'EOF'
import glob, os, re, sys
import xml.etree.ElementTree as ET

headers, xmldir, log = sys.argv[1:]
problems = [line for line in open(log, encoding='utf-8').read().splitlines() if line.strip()]

# The census, from the header text.
expected = {}
for path in sorted(glob.glob(os.path.join(headers, '*.h'))):
    text = open(path, encoding='utf-8').read()
    code = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    base = os.path.basename(path)
    for name in re.findall(r'PBO_API\b[^;{}()]*?\b(pbo_\w+)\s*\(', code, re.S):
        expected[name] = ('function', base)
    for name in re.findall(r'^#define\s+(PBO_\w+)', code, re.M):
        if name != 'PBO_INSIDE' and not re.fullmatch(r'PBO_(\w+_)?H', name):
            expected[name] = ('macro', base)
    for body, name in re.findall(r'typedef\s+enum\s*\{(.*?)\}\s*(\w+)\s*;', code, re.S):
        expected[name] = ('enum', base)
        for value in re.findall(r'^\s*(PBO_\w+)\s*[=,]', body, re.M):
            expected[value] = ('enum value', base)
    for name in re.findall(r'typedef\s+struct\s*\{.*?\}\s*(\w+)\s*;', code, re.S):
        expected[name] = ('struct', base)
    for name in re.findall(r'typedef\s+struct\s+_\w+\s+(\w+)\s*;', code):
        expected[name] = ('opaque type', base)
    for name in re.findall(r'typedef[^;{]*\(\s*\*\s*(\w+)\s*\)', code):
        expected[name] = ('callback type', base)
    for name in re.findall(r'typedef\s+\w+\s+(\w+)\s*;', code):
        expected[name] = ('type', base)

def described(node):
    return any(''.join(node.find(tag).itertext()).strip()
               for tag in ('briefdescription', 'detaileddescription')
               if node.find(tag) is not None)

documented = set()
for path in glob.glob(os.path.join(xmldir, '*.xml')):
    root = ET.parse(path).getroot()
    for compound in root.iter('compounddef'):
        if compound.get('kind') == 'struct' and described(compound):
            documented.add(compound.findtext('compoundname'))
    for member in root.iter('memberdef'):
        if described(member):
            documented.add(member.findtext('name'))
        for value in member.iter('enumvalue'):
            if described(value):
                documented.add(value.findtext('name'))

for name, (kind, base) in sorted(expected.items(), key=lambda kv: (kv[1][1], kv[0])):
    if name not in documented:
        problems.append(f'{base}: {kind} {name} has no documentation in the reference')

if not expected:
    problems.append('no public symbol found: the census is broken')
for line in problems:
    print(line)
print(f'{len(expected)} public symbols, {len(problems)} problem(s)')
sys.exit(1 if problems else 0)
EOF
}

# plant NAME SNIPPET: a copy of the headers with SNIPPET before the end of
# types.h; the check must fail and name NAME.
plant () {
  name=$1; cases=$((cases + 1)); dir=$tmp/case$cases
  copy_headers "$dir"
  python3 - "$dir/types.h" "$2" <<'EOF'
import sys
path, snippet = sys.argv[1:]
text = open(path, encoding='utf-8').read()
open(path, 'w', encoding='utf-8').write(text.replace('G_END_DECLS', snippet + '\nG_END_DECLS'))
EOF
  if check "$dir" >"$dir.log" 2>&1; then
    echo "FAIL: a planted defect ($name) was not detected"; cat "$dir.log"; return 1
  fi
  if ! grep -q "$name" "$dir.log"; then
    echo "FAIL: the report does not name $name"; cat "$dir.log"; return 1
  fi
  echo "ok: $name detected: $(grep -m1 "$name" "$dir.log")"
}

if [ "$mode" = --self-test ]; then
  cases=0
  plant pbo_probe_undocumented '
PBO_API void pbo_probe_undocumented (int x);'
  plant pbo_probe_param '
/**
 * pbo_probe_param:
 * @a: the first
 *
 * Documented, but not its second parameter.
 *
 * Returns: a number.
 */
PBO_API int pbo_probe_param (int a, int b);'
  plant PBO_PROBE_UNDOCUMENTED '
/**
 * PboProbe:
 * @PBO_PROBE_NONE: none
 *
 * An enum with one value left out.
 */
typedef enum {
  PBO_PROBE_NONE = 0,
  PBO_PROBE_UNDOCUMENTED,
} PboProbe;'
  plant PBO_PROBE_MACRO '
#define PBO_PROBE_MACRO 42'
  plant probe_field '
/**
 * PboProbeStruct:
 * @version: documented
 *
 * A struct with one field left out.
 */
typedef struct {
  unsigned int version;
  int          probe_field;
} PboProbeStruct;'
  echo "doc-coverage self-test passed"
  exit 0
fi

copy_headers "$tmp/pbo"
check "$tmp/pbo"
