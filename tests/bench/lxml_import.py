#!/usr/bin/env python3
"""The same import done the way a Python developer would: lxml iterparse
building plain dicts (orgs with their children, members, officers and
meetings; an id index), then the subtree statistics of the whole tree and of
every top-level org (members by status x employment, descendant orgs by
kind). Prints BENCH lines like the C programs.

    lxml_import.py FILE

Needs python3-lxml (Debian). SPDX-License-Identifier: LGPL-2.1-or-later
"""
import os
import resource
import sys
import time

from lxml import etree

NS = "{urn:libpbo:1}"
ORG, MEMBER, OFFICER, MEETING, ABSENT = (NS + t for t in
                                         ("org", "member", "officer", "meeting", "absent"))


def report(name, secs, nbytes, members, extra=""):
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"BENCH name={name} secs={secs:.6f} bytes={nbytes} members={members} "
          f"rss_kb={rss_kb}{' ' + extra if extra else ''}", flush=True)


def load(path):
    """Returns (top-level orgs, orgs by id, members by id)."""
    top, orgs, members, stack = [], {}, {}, []
    for event, elem in etree.iterparse(path, events=("start", "end"), no_network=True,
                                       resolve_entities=False, huge_tree=True):
        tag = elem.tag
        if event == "start":
            if tag == ORG:
                org = dict(elem.attrib)
                org.update(children=[], members=[], officers=[], meetings=[])
                orgs[org["id"]] = org
                (stack[-1]["children"] if stack else top).append(org)
                stack.append(org)
            continue
        if tag == MEMBER:
            member = dict(elem.attrib)
            member["org"] = stack[-1]["id"]
            members[member["id"]] = member
            stack[-1]["members"].append(member)
        elif tag == OFFICER:
            stack[-1]["officers"].append(dict(elem.attrib))
        elif tag == MEETING:
            meeting = dict(elem.attrib)
            meeting["absent"] = [a.get("member") for a in elem]
            stack[-1]["meetings"].append(meeting)
        elif tag == ORG:
            stack.pop()
        if tag != ABSENT:  # a meeting reads its <absent> children at its end
            elem.clear()
            while elem.getprevious() is not None:
                del elem.getparent()[0]
    return top, orgs, members


def subtree_stats(roots, count_roots):
    """Members by status_employment and orgs by kind (the roots themselves
    only when count_roots), without recursion."""
    counts, pending = {}, list(roots)
    is_root = set() if count_roots else {id(org) for org in roots}
    while pending:
        org = pending.pop()
        if id(org) not in is_root:
            counts[org["kind"]] = counts.get(org["kind"], 0) + 1
        for member in org["members"]:
            key = member["status"] + "_" + member["employment"]
            counts[key] = counts.get(key, 0) + 1
        pending.extend(org["children"])
    return counts


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: lxml_import.py FILE")
    path = sys.argv[1]
    size = os.path.getsize(path)
    t0 = time.monotonic()
    top, orgs, members = load(path)
    report("lxml-import", time.monotonic() - t0, size, len(members), f"orgs={len(orgs)}")

    t0 = time.monotonic()
    counts = subtree_stats(top, True)
    secs = time.monotonic() - t0
    report("lxml-stats-root", secs, 0, len(members),
           " ".join(f"{k}={v}" for k, v in sorted(counts.items())))

    t0 = time.monotonic()
    for org in top:
        subtree_stats([org], False)
    report("lxml-stats-top", time.monotonic() - t0, 0, len(members), f"orgs={len(top)}")


if __name__ == "__main__":
    main()
