"""libpbo sample data: shared helpers of the generators and of the checker.

The canonical writer here emits format v1 exactly as libpbo's writer does
(docs/format.md, "Canonical output"), so that loading a sample and saving it
again gives the same bytes. Python 3 standard library only.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import datetime
import os
import sys
import xml.etree.ElementTree as ET

NS = "urn:libpbo:1"

# Attribute orders of the canonical form (lib/member-attr.c for members).
ORDER = {
    "org": ("id", "kind", "name", "unit", "established", "term-start", "term-years"),
    "officer": ("role", "member", "since"),
    "member": ("id", "name", "gender", "born", "joined", "full-since", "status",
               "employment", "ethnicity", "education", "position", "department",
               "dues-base", "dues-category", "phone", "id-card", "mobile"),
    "recruit": ("id", "name", "gender", "born", "stage", "applied", "activist-since",
                "candidate-since", "department"),
    "meeting": ("type", "date", "title", "attendance"),
    "absent": ("member",),
}

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
            "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def escape(value):
    return "".join(_ESCAPES.get(c, c) for c in value)


def new_org(id_, kind, name, **attrs):
    """An org as a plain dict: attributes plus its five child lists."""
    a = {"id": id_, "kind": kind, "name": name}
    a.update({k.replace("_", "-"): str(v) for k, v in attrs.items() if v is not None})
    return _empty_org(a)


def _empty_org(attrs):
    return {"attrs": attrs, "officers": [], "orgs": [], "members": [], "recruits": [],
            "meetings": []}


def add_recruit(org, id_, name, stage, applied, activist_since=None, candidate_since=None,
                **attrs):
    """A recruit (applicant, activist or candidate) of a branch."""
    a = {"id": id_, "name": name, "stage": stage, "applied": applied,
         "activist-since": activist_since, "candidate-since": candidate_since}
    a.update({k.replace("_", "-"): v for k, v in attrs.items()})
    org["recruits"].append({k: v for k, v in a.items() if v is not None})


def add_officer(org, role, member_id, since=None):
    a = {"role": role, "member": member_id}
    if since:
        a["since"] = since
    org["officers"].append(a)


def appoint_officers(org, members):
    """A branch's officers by its size: all five roles above 30 full members,
    three from 7 (a branch committee), else a secretary alone; appointed at
    the start of the term. Returns the members appointed."""
    full = [m for m in members if m["status"] == "full"]
    roles = ("secretary", "deputy-secretary", "organization", "propaganda", "discipline")
    n_roles = 5 if len(full) > 30 else 3 if len(full) >= 7 else 1
    chosen = full[:n_roles]
    for role, m in zip(roles, chosen):
        add_officer(org, role, m["id"], org["attrs"]["term-start"])
    return chosen


def add_meeting(org, type_, date, title=None, attendance=None, absent=()):
    a = {"type": type_, "date": date}
    if title:
        a["title"] = title
    if attendance is not None:
        a["attendance"] = str(attendance)
    org["meetings"].append({"attrs": a, "absent": list(absent)})


def _tag(name, attrs, indent, close):
    order = ORDER[name]
    unknown = set(attrs) - set(order)
    assert not unknown, f"<{name}> has unknown attributes {sorted(unknown)}"
    parts = [f'{k}="{escape(attrs[k])}"' for k in order if attrs.get(k) not in (None, "")]
    return "  " * indent + "<" + " ".join([name] + parts) + ("/>" if close else ">")


def _write_org(org, indent, out):
    children = (org["officers"] or org["orgs"] or org["members"] or org["recruits"]
                or org["meetings"])
    out.append(_tag("org", org["attrs"], indent, not children))
    if not children:
        return
    for o in org["officers"]:
        out.append(_tag("officer", o, indent + 1, True))
    for child in org["orgs"]:
        _write_org(child, indent + 1, out)
    for m in org["members"]:
        out.append(_tag("member", m, indent + 1, True))
    for r in org["recruits"]:
        out.append(_tag("recruit", r, indent + 1, True))
    for mt in org["meetings"]:
        out.append(_tag("meeting", mt["attrs"], indent + 1, not mt["absent"]))
        if mt["absent"]:
            for member_id in mt["absent"]:
                out.append(_tag("absent", {"member": member_id}, indent + 2, True))
            out.append("  " * (indent + 1) + "</meeting>")
    out.append("  " * indent + "</org>")


def canonical(tops):
    """The canonical document of a list of top-level orgs, as bytes."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    if tops:
        out.append(f'<pbo xmlns="{NS}" version="1">')
        for org in tops:
            _write_org(org, 1, out)
        out.append("</pbo>")
    else:
        out.append(f'<pbo xmlns="{NS}" version="1"/>')
    return ("\n".join(out) + "\n").encode("utf-8")


def write(tops, path):
    with open(path, "wb") as f:
        f.write(canonical(tops))


def generate(build, check, default_name):
    """A generator's main: build, assert the figures, then write argv[1]
    (default: @default_name beside the script)."""
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(sys.argv[0])), default_name)
    tops = build()
    check(tops)
    write(tops, out)


# ---- reading back (for the checker) ---------------------------------------

def _local(tag):
    assert tag.startswith("{" + NS + "}"), f"element {tag} is not in {NS}"
    return tag[len(NS) + 2:]


def read(path):
    """Parses a sample (no foreign content) back into new_org() dicts."""
    root = ET.parse(path).getroot()
    assert _local(root.tag) == "pbo" and root.get("version") == "1"
    tops = []
    stack = [(el, tops) for el in reversed(list(root))]
    while stack:
        el, holder = stack.pop()
        assert _local(el.tag) == "org", f"unexpected <{_local(el.tag)}>"
        org = _empty_org(dict(el.attrib))
        holder.append(org)
        for child in el:
            name = _local(child.tag)
            if name in ("officer", "member", "recruit"):
                org[name + "s"].append(dict(child.attrib))
            elif name == "meeting":
                org["meetings"].append({"attrs": dict(child.attrib),
                                        "absent": [a.get("member") for a in child]})
            else:
                assert name == "org", f"unexpected <{name}>"
        # Depth first, in document order: each holder receives its child
        # orgs in the order they are popped.
        stack.extend((c, org["orgs"]) for c in reversed(el) if _local(c.tag) == "org")
    return tops


def walk(tops):
    """Yields (org, parent) for every org, parents before children."""
    stack = [(o, None) for o in reversed(tops)]
    while stack:
        org, parent = stack.pop()
        yield org, parent
        stack.extend((c, org) for c in reversed(org["orgs"]))


# ---- people -----------------------------------------------------------------

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_card_check(first17):
    """GB 11643 (ISO 7064 MOD 11-2) check character of 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS))
    return "10X98765432"[total % 11]


def id_card(region, born, seq, male):
    """An 18-character citizen number: region code, birth date, a sequence
    number (odd for men, even for women) and the right check character."""
    seq = seq % 500 * 2 + (1 if male else 0)
    first17 = f"{region}{born.replace('-', '')}{seq:03d}"
    return first17 + id_card_check(first17)


def date(y, m, d):
    return datetime.date(y, m, d).isoformat()


def random_date(rng, first_year, last_year):
    day = datetime.date(first_year, 1, 1).toordinal()
    last = datetime.date(last_year, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(day, last)).isoformat()


def add_years(iso, years):
    d = datetime.date.fromisoformat(iso)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


# Characters of given names, by the name-bearer's gender.
GIVEN_MALE = "海明伟强军志雄锦荣冠杰振国永健建文斌俊峰涛勇磊庆德宏辉"
GIVEN_FEMALE = "丽芳敏静嘉欣婷慧玲颖诗惠仪淑贤秀娟燕红梅洁琳雪莉晓霞"


def person_name(rng, surnames, male):
    """A two- or three-character Chinese name fitting the gender."""
    given = GIVEN_MALE if male else GIVEN_FEMALE
    n = 1 if rng.random() < 0.3 else 2
    return rng.choice(surnames) + "".join(rng.sample(given, n))


def member(rng, id_, surnames, retired, probationary=False, joined=None, year=2023):
    """A member as of @year: a plausible gender, birth date, join date and
    full-since (one year after joining) for the employment and status."""
    male = rng.random() < (0.55 if retired else 0.4)
    if retired:
        born = random_date(rng, year - 83, year - 61)
    elif probationary:
        born = random_date(rng, year - 31, year - 23)
    else:
        born = random_date(rng, year - 57, year - 26)
    if joined is None:
        first = int(born[:4]) + 20
        joined = random_date(rng, first, min(first + 20, year - 2))
    m = {"id": id_, "name": person_name(rng, surnames, male),
         "gender": "male" if male else "female", "born": born, "joined": joined,
         "status": "probationary" if probationary else "full",
         "employment": "retired" if retired else "in-service"}
    if not probationary:
        m["full-since"] = add_years(joined, 1)
    return m
