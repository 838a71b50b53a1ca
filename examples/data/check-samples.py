#!/usr/bin/env python3
"""Checks the sample files and prints their figures (docs/samples.md).

For each file: it must be in libpbo's canonical form (re-serialising the
parsed document gives the same bytes), ids must be unique across orgs and
members, references must resolve (officers to members of the org's
subtree), nesting must follow the rules, full-since must not precede
joined, one holder per role except committee-member, and every ID-card
number must carry the right GB 11643 check character. Then it prints the
counts of orgs by kind and of members by status and employment, for the
whole file and, with --orgs, for every org.

The three samples must also show the figures of docs/samples.md.

Usage: check-samples.py [--orgs] FILE...   (exit 1 on the first failure)
SPDX-License-Identifier: LGPL-2.1-or-later
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pbosample as ps  # noqa: E402

MAY_HOLD = {None: {"committee", "general-branch", "branch"},
            "committee": {"committee", "general-branch", "branch"},
            "general-branch": {"branch"}, "branch": {"group"}, "group": set()}
KINDS = ("committee", "general-branch", "branch", "group")
# The figures docs/samples.md states (from the seeds): a sample that drifts
# from them fails.
EXPECTED = {
    "jianghai.xml": "committee=1 general-branch=0 branch=9 group=0 members=127 full=122 "
                    "probationary=5 in-service=106 retired=21",
    "wujiang-2014.xml": "committee=2 general-branch=0 branch=18 group=0 members=680 full=674 "
                        "probationary=6 in-service=584 retired=96",
    "city-health.xml": "committee=7 general-branch=3 branch=144 group=54 members=3151 "
                       "full=3076 probationary=75 in-service=2411 retired=740",
}


def fail(path, message):
    sys.exit(f"{path}: {message}")


def subtree_counts(org):
    """Counter of kinds (descendants) and of status/employment (members)."""
    c = collections.Counter()
    for o, _ in ps.walk([org]):
        if o is not org:
            c[o["attrs"]["kind"]] += 1
        for m in o["members"]:
            c["members"] += 1
            c[m["status"]] += 1
            c[m["employment"]] += 1
    return c


def check_org(path, org, parent, ids, member_org):
    a = org["attrs"]
    pkind = parent["attrs"]["kind"] if parent else None
    if a["kind"] not in MAY_HOLD[pkind]:
        fail(path, f"a {pkind or 'top level'} cannot hold the {a['kind']} {a['id']}")
    if org["members"] and a["kind"] not in ("branch", "group"):
        fail(path, f"the {a['kind']} {a['id']} holds members")
    for obj in [a] + org["members"]:
        if obj["id"] in ids:
            fail(path, f"duplicate id {obj['id']}")
        ids.add(obj["id"])
    for m in org["members"]:
        member_org[m["id"]] = org
        if m.get("full-since", "9999") < m["joined"]:
            fail(path, f"member {m['id']}: full-since before joined")
        card = m.get("id-card")
        if card and ps.id_card_check(card[:17]) != card[17]:
            fail(path, f"member {m['id']}: wrong ID-card check character")


def check_references(path, tops, member_org, parents):
    for org, _ in ps.walk(tops):
        roles = collections.Counter(o["role"] for o in org["officers"])
        if any(n > 1 for r, n in roles.items() if r != "committee-member"):
            fail(path, f"org {org['attrs']['id']}: a role held twice")
        for o in org["officers"]:
            holder = member_org.get(o["member"])
            while holder is not None and holder is not org:
                holder = parents[id(holder)]
            if holder is None:
                fail(path, f"officer {o['member']} is not a member of {org['attrs']['id']}")
        for mt in org["meetings"]:
            for member_id in mt["absent"]:
                if member_id not in member_org:
                    fail(path, f"absent member {member_id} is unknown")


def check_file(path):
    with open(path, "rb") as f:
        data = f.read()
    tops = ps.read(path)
    if ps.canonical(tops) != data:
        fail(path, "not in canonical form (save after load would change it)")
    ids, member_org, parents = set(), {}, {}
    for org, parent in ps.walk(tops):
        parents[id(org)] = parent
        check_org(path, org, parent, ids, member_org)
    check_references(path, tops, member_org, parents)
    return tops


def line(label, c):
    kinds = " ".join(f"{k}={c[k]}" for k in KINDS)
    return (f"{label}: {kinds} members={c['members']} full={c['full']} "
            f"probationary={c['probationary']} in-service={c['in-service']} "
            f"retired={c['retired']}")


def main(argv):
    per_org = "--orgs" in argv
    for path in (a for a in argv if a != "--orgs"):
        tops = check_file(path)
        total = collections.Counter()
        for top in tops:
            total.update(subtree_counts(top))
            total[top["attrs"]["kind"]] += 1
        name = os.path.basename(path)
        print(line(name, total))
        if name in EXPECTED and line(name, total) != f"{name}: {EXPECTED[name]}":
            fail(path, f"figures differ from docs/samples.md: {EXPECTED[name]}")
        if per_org:
            for org, _ in ps.walk(tops):
                a = org["attrs"]
                print("  " + line(f"{a['id']} {a['name']}", subtree_counts(org)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
