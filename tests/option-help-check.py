#!/usr/bin/env python3
"""Every GOptionEntry description of the pbo CLI is marked for translation.

xgettext only sees a description marked with N_(): a bare literal is never
extracted, so `pbo COMMAND --help` would stay in English under any locale and
the po test could not notice. For every `G_OPTION_ARG_…, DATA, DESCRIPTION`
in the given files (macros in headers included), DESCRIPTION must be N_(…),
NULL or an identifier (a variable defined with N_() elsewhere).

Usage: option-help-check.py FILE…   (exit 1 and the places when one is bare)
"""
import re
import sys


def bare_descriptions(text):
    """The line numbers of the entries whose description is a bare literal."""
    for m in re.finditer(r'G_OPTION_ARG_\w+\s*,', text):
        i, depth = m.end(), 0
        while i < len(text):           # skip the arg_data field
            c = text[i]
            if c in '([':
                depth += 1
            elif c in ')]':
                depth -= 1
            elif c == ',' and depth == 0:
                break
            i += 1
        rest = text[i + 1:].lstrip(' \t\\\n')
        if rest.startswith('"'):
            yield text[:i].count('\n') + 1


def main(files):
    bad = 0
    for name in files:
        with open(name, encoding='utf-8') as f:
            text = f.read()
        for line in bare_descriptions(text):
            print(f'{name}:{line}: option help without N_(): xgettext cannot see it',
                  file=sys.stderr)
            bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
