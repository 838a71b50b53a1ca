#!/usr/bin/env python3
"""Every C code block of docs/tutorial.md appears verbatim in examples/tutorial.c.

The tutorial quotes the program; this keeps the two from drifting apart.
Usage: tutorial-sync.py docs/tutorial.md examples/tutorial.c
SPDX-License-Identifier: LGPL-2.1-or-later
"""
import re
import sys

markdown, source = (open(path, encoding='utf-8').read() for path in sys.argv[1:3])
blocks = re.findall(r'^```c\n(.*?)^```$', markdown, re.M | re.S)
stale = [block for block in blocks if block not in source]
for block in stale:
    print('not in examples/tutorial.c:\n' + block)
print(f'{len(blocks)} code blocks, {len(stale)} out of sync')
sys.exit(1 if stale or not blocks else 0)
