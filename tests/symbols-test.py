#!/usr/bin/env python3
"""Symbol versions (docs/api-stability.md): every PBO_API function declared in
include/pbo/*.h is listed in exactly one node of lib/libpbo.map; the map names
no symbol that the headers do not declare; the built library exports exactly
those symbols, each under its node's version (nm -D); and node PBO_1.0 is
exactly what 1.0.0 exported (the baseline tests/abi/libpbo.abi).

With --self-test, the checks run against altered copies of the map and must
fail, naming the symbol: one left out, one unknown, one listed twice, one
moved from PBO_1.0 to PBO_1.1.

Usage: symbols-test.py SRCDIR LIBRARY [--self-test]. Exit 77 without nm."""
import os
import re
import shutil
import subprocess
import sys


def header_symbols(src):
    """name -> header of every PBO_API declaration (the identifier before the
    first parenthesis after PBO_API, declarations spanning lines included)."""
    found = {}
    incdir = os.path.join(src, 'include', 'pbo')
    for header in sorted(os.listdir(incdir)):
        # version.h is generated from version.h.in.
        if not header.endswith(('.h', '.h.in')) or header == 'macros.h':
            continue
        text = open(os.path.join(incdir, header), encoding='utf-8').read()
        text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
        for m in re.finditer(r'\bPBO_API\b([^;(]*)\(', text):
            name = re.findall(r'[A-Za-z_]\w*', m.group(1))[-1]
            found[name] = header
    return found


def map_nodes(text):
    """[(node, [symbols])] in the order of the version script."""
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    nodes = []
    for m in re.finditer(r'(PBO_[\w.]+)\s*\{(.*?)\}\s*[\w.]*\s*;', text, flags=re.S):
        # Only the global: parts export; `local: *;` hides the rest.
        parts = re.split(r'\b(global|local)\s*:', m.group(2))
        body = ' '.join(parts[i + 1] for i in range(1, len(parts) - 1, 2)
                        if parts[i] == 'global')
        nodes.append((m.group(1), re.findall(r'([A-Za-z_*][\w*]*)\s*;', body)))
    return nodes


def exported(lib):
    """name -> version of the library's defined dynamic symbols."""
    out = subprocess.run(['nm', '-D', '--defined-only', lib], check=True,
                         capture_output=True, text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] != 'A':
            name, _, version = parts[2].partition('@@')
            syms[name] = version
    return syms


def baseline_1_0(src):
    text = open(os.path.join(src, 'tests', 'abi', 'libpbo.abi'), encoding='utf-8').read()
    return set(re.findall(r"<elf-symbol name='(\w+)' version='PBO_1\.0'", text))


def problems(headers, map_text, syms, base):
    """Every problem found, one line each, naming the symbol."""
    out = []
    nodes = map_nodes(map_text)
    if not nodes or nodes[0][0] != 'PBO_1.0':
        return ['the version script does not start with node PBO_1.0']
    node_of = {}
    for node, names in nodes:
        for name in names:
            if '*' in name:
                out.append('%s: node %s uses a wildcard: list symbols by name' % (name, node))
            elif name in node_of:
                out.append('%s: listed in both %s and %s' % (name, node_of[name], node))
            else:
                node_of[name] = node
    for name in sorted(set(headers) - set(node_of)):
        out.append('%s (pbo/%s): in no node of lib/libpbo.map (add it to the newest node)'
                   % (name, headers[name]))
    for name in sorted(set(node_of) - set(headers)):
        out.append('%s: in node %s of lib/libpbo.map, but no header declares it PBO_API'
                   % (name, node_of[name]))
    for name in sorted(set(headers) - set(syms)):
        out.append('%s (pbo/%s): not exported by the library' % (name, headers[name]))
    for name in sorted(set(syms) - set(headers)):
        out.append('%s: exported by the library, but no header declares it PBO_API' % name)
    for name in sorted(set(syms) & set(node_of)):
        if syms[name] != node_of[name]:
            out.append('%s: exported as %s, listed in %s' % (name, syms[name] or 'unversioned',
                                                             node_of[name]))
    v10 = set(n for n, node in node_of.items() if node == 'PBO_1.0')
    for name in sorted(base - v10):
        out.append('%s: exported by 1.0.0 (tests/abi/libpbo.abi) but not in node PBO_1.0'
                   % name)
    for name in sorted(v10 - base):
        out.append('%s: in node PBO_1.0 but not exported by 1.0.0: move it to the node of '
                   'the release that adds it' % name)
    return out


def self_test(headers, map_text, syms, base):
    probe = sorted(base & set(headers))[0]
    removed = re.sub(r'\n\s*%s;' % probe, '\n', map_text, count=1)
    unknown = map_text.replace('PBO_1.1 {\n', 'PBO_1.1 {\n  global:\n    pbo_no_such_symbol;\n', 1)
    twice = map_text.replace('PBO_1.1 {\n', 'PBO_1.1 {\n  global:\n    %s;\n' % probe, 1)
    moved = map_text.replace('PBO_1.1 {\n', 'PBO_1.1 {\n  global:\n    %s;\n' % probe, 1)
    moved = re.sub(r'\n\s*%s;' % probe, '\n', moved, count=1)
    cases = [('left out', removed, probe), ('unknown', unknown, 'pbo_no_such_symbol'),
             ('listed twice', twice, probe), ('moved out of PBO_1.0', moved, probe)]
    if problems(headers, map_text, syms, base):
        print('self-test: the real map fails', file=sys.stderr)
        return 1
    for what, text, name in cases:
        found = problems(headers, text, syms, base)
        if not any(line.startswith(name + ':') or line.startswith(name + ' ') for line in found):
            print('self-test: a symbol %s (%s) was not reported: %s' % (what, name, found),
                  file=sys.stderr)
            return 1
        print('self-test: a symbol %s fails: %s' % (what, found[0]))
    print('self-test passed')
    return 0


def main():
    src, lib = sys.argv[1], sys.argv[2]
    if shutil.which('nm') is None:
        print('nm not found: skipped (Debian: binutils)')
        return 77
    headers = header_symbols(src)
    map_text = open(os.path.join(src, 'lib', 'libpbo.map'), encoding='utf-8').read()
    syms = exported(lib)
    base = baseline_1_0(src)
    if sys.argv[3:] == ['--self-test']:
        return self_test(headers, map_text, syms, base)
    found = problems(headers, map_text, syms, base)
    for line in found:
        print('FAIL: ' + line, file=sys.stderr)
    if found:
        return 1
    print('%d symbols: %d in PBO_1.0 (as 1.0.0), %d added since; headers, map and library agree'
          % (len(headers), len(base), len(headers) - len(base)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
