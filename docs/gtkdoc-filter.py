#!/usr/bin/env python3
"""Doxygen INPUT_FILTER for libpbo's public headers.

The headers are documented in gtk-doc style (a comment naming the symbol,
then @param: lines, a description, Returns:). Doxygen reads that as plain
prose and would miss the parameters, the return values, and the enum values
and struct fields described in the type's comment. This filter rewrites each
comment into Doxygen commands, on the fly; the headers stay as they are.

- "/* libpbo — ... */" at the top, and the overview comments between
  declarations, become the file's documentation (\\file).
- "/** name: ... */" before a declaration becomes a Doxygen comment:
  @p: → \\param (\\param[out] for "(out)" annotations), Returns: → \\return,
  #define'd names get \\def. Enum values and struct fields described as
  @NAME: in the type's comment get a trailing "/**< ... */" on their line.
- One-line comments ("/** pbo_org_get_id: (transfer none): the id. */")
  describe a getter: the text is the brief description and the return
  value, and the function's one parameter is the object read. A function
  with more than one parameter needs a full comment: the filter documents
  no parameter for it, so Doxygen reports it (tests/doc-coverage.sh).
- Fields after "/*< private >*/" are marked private padding.
- In the prose: %TRUE → TRUE, #PboTree → PboTree, @tree → \\p tree,
  <pbo/edit.h> → `<pbo/edit.h>`.

Usage: gtkdoc-filter.py HEADER (writes the filtered header to stdout).
SPDX-License-Identifier: LGPL-2.1-or-later
"""
import re
import sys

ANY_COMMENT = re.compile(r'/\*.*?\*/', re.S)
TAG = re.compile(r'^@(\w+):\s?(.*)$')
ANNOTATIONS = re.compile(r'^((?:\([^()]*\)\s*)+):?\s*')
IDENT = re.compile(r'[A-Za-z_]\w*')


def convert_prose(text):
    """gtk-doc markup in running text → Doxygen / Markdown."""
    text = re.sub(r'<(pbo/[\w.-]+)>', r'`<\1>`', text)
    text = re.sub(r'%(TRUE|FALSE|NULL)\b', r'\\c \1', text)
    text = re.sub(r'(?<![\w&])[%#]([A-Za-z_]\w*)', r'\1', text)
    text = re.sub(r'(?<![\w`])@([A-Za-z_]\w*)', r'\\p \1', text)
    return text


def split_annotations(text):
    """'(out) (transfer none): the org' → ('(out) (transfer none)', 'the org')."""
    m = ANNOTATIONS.match(text)
    if not m:
        return '', text
    return m.group(1).strip(), text[m.end():]


def with_annotations(annotations, text):
    text = convert_prose(text)
    return f'<em>{annotations}</em> {text}' if annotations else text


class Doc:
    """A parsed gtk-doc comment."""

    def __init__(self, comment):
        body = comment[3:-2]
        lines = [re.sub(r'^\s*\*(?!/) ?', '', line) for line in body.split('\n')]
        while lines and not lines[0].strip():
            lines.pop(0)
        self.one_line = '\n' not in body.strip()
        self.name, _, first = lines[0].strip().partition(':') if lines else ('', '', '')
        self.name = self.name.strip()
        self.params = {}       # name → text, in order
        self.description = []  # lines
        self.returns = ''
        self.first = first.strip()
        self._parse(lines[1:])

    def _parse(self, lines):
        current = None         # ('param', name) | 'returns' | None
        in_params = True
        for line in lines:
            stripped = line.strip()
            tag = TAG.match(stripped)
            if not stripped:
                current = None
                if in_params and self.params:
                    in_params = False
                if not in_params:
                    self.description.append('')
                continue
            if tag and in_params:
                current = ('param', tag.group(1))
                self.params[tag.group(1)] = tag.group(2)
            elif stripped.startswith('Returns:'):
                current = 'returns'
                self.returns = stripped[len('Returns:'):].strip()
            elif current == 'returns':
                self.returns += ' ' + stripped
            elif isinstance(current, tuple) and line.startswith(' '):
                self.params[current[1]] += ' ' + stripped
            else:
                in_params = False
                current = None
                self.description.append(line.rstrip())
        while self.description and not self.description[-1]:
            self.description.pop()
        while self.description and not self.description[0]:
            self.description.pop(0)


def find_declaration(text, pos):
    """The declaration after a comment: (kind, name, params, returns_value)."""
    rest = text[pos:].lstrip()
    if rest.startswith('#'):
        m = re.search(r'#define\s+(\w+)(\(([^)]*)\))?', rest)
        params = [p.strip() for p in m.group(3).split(',')] if m.group(2) else []
        return 'macro', m.group(1), params, True
    if re.match(r'typedef\s+(enum|struct)\s*\{', rest):
        end = matching_brace(rest, rest.index('{'))
        return 'body', IDENT.search(rest, end).group(0), [], False
    decl = rest[:rest.index(';')]
    if decl.startswith('typedef') and '(*' in decl:
        name = re.search(r'\(\*\s*(\w+)\)', decl).group(1)
        args = decl[decl.rindex('(') + 1:decl.rindex(')')]
        return 'funcptr', name, parameter_names(args), not decl.startswith('typedef void')
    if decl.startswith('typedef'):
        return 'type', IDENT.findall(decl)[-1], [], False
    head, _, args = decl.partition('(')
    args = args[:args.rindex(')')]
    name = IDENT.findall(head)[-1]
    returns_value = not re.search(r'\bvoid\s+' + name + r'\s*$', head.strip())
    return 'function', name, parameter_names(args), returns_value


def parameter_names(args):
    names = []
    for arg in args.split(','):
        arg = re.sub(r'\[[^\]]*\]', '', arg).strip()
        if arg and arg != 'void':
            names.append(IDENT.findall(arg)[-1])
    return names


def render(doc, kind, name, params, returns_value):
    """The Doxygen comment for @doc, documenting declaration @name."""
    out = []
    if kind == 'macro':
        out.append(f'\\def {name}')
    annotations, first = split_annotations(doc.first)
    if doc.one_line:
        if first:
            out.append(convert_prose(first))
        if kind in ('function', 'funcptr', 'macro') and len(params) == 1:
            out.append(f'\\param {params[0]} the object read '
                       '(a one-line comment documents a getter of its argument)')
        if kind in ('function', 'funcptr') and returns_value and first:
            out.append('\\return ' + with_annotations(annotations, first))
    else:
        out.extend(convert_prose(line) for line in doc.description)
        if kind in ('function', 'funcptr', 'macro'):
            for pname, text in doc.params.items():
                ann, text = split_annotations(text)
                direction = '[out]' if re.search(r'\bout\b', ann) else ''
                out.append(f'\\param{direction} {pname} ' + with_annotations(ann, text))
        if doc.returns:
            ann, text = split_annotations(doc.returns)
            out.append('\\return ' + with_annotations(ann, text))
    return '/**\n' + ''.join(f' * {line}'.rstrip() + '\n' for line in out) + ' */'


def member_name(line):
    """The enum value or struct field declared on @line, or None."""
    code = line.split('/*')[0]
    m = re.match(r'\s*([A-Z_][A-Z0-9_]*)\s*(=[^,]*)?,?\s*$', code)
    if m:
        return m.group(1)
    m = re.search(r'(\w+)\s*(\[[^\]]*\])?\s*;\s*$', code)
    return m.group(1) if m else None


def document_members(body, descriptions):
    """Appends the @NAME: descriptions of the type's comment to its members."""
    out = []
    private = False
    for line in body.split('\n'):
        if '/*< private >*/' in line:
            private = True
        name = member_name(line)
        if name and private:
            line += ' /**< Private: reserved padding; do not use. */'
        elif name and name in descriptions:
            ann, text = split_annotations(descriptions[name])
            line += ' /**< ' + with_annotations(ann, text).replace('*/', '* /') + ' */'
        out.append(line)
    return '\n'.join(out)


def matching_brace(text, start):
    depth = 0
    for i in range(start, len(text)):
        depth += {'{': 1, '}': -1}.get(text[i], 0)
        if depth == 0:
            return i
    raise ValueError('unbalanced braces')


def file_doc(comment):
    """A plain comment: the file's head or an overview → part of \\file."""
    lines = [re.sub(r'^\s*\*? ?', '', line) for line in comment[2:-2].split('\n')]
    lines = [line for line in lines if 'SPDX-License-Identifier' not in line]
    return '/** \\file\n' + ''.join(f' * {convert_prose(line)}'.rstrip() + '\n'
                                     for line in lines) + ' */'


def filter_header(text):
    out = []
    pos = 0
    while True:
        m = ANY_COMMENT.search(text, pos)
        if m is None:
            out.append(text[pos:])
            return ''.join(out)
        out.append(text[pos:m.start()])
        comment, pos = m.group(0), m.end()
        at_line_start = m.start() == 0 or text[m.start() - 1] == '\n'
        if comment.startswith('/**') and not comment.startswith('/**<'):
            doc = Doc(comment)
            kind, name, params, returns_value = find_declaration(text, pos)
            out.append(render(doc, kind, name, params, returns_value))
            if kind == 'body':
                start = text.index('{', pos)
                end = matching_brace(text, start)
                out.append(text[pos:start])
                out.append(document_members(text[start:end], doc.params))
                pos = end
        elif at_line_start and '\n' in comment and not comment.startswith('/*<'):
            out.append(file_doc(comment))
        else:
            out.append(comment)


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        sys.stdout.write(filter_header(f.read()))


if __name__ == '__main__':
    main()
