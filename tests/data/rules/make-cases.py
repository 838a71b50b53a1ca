#!/usr/bin/env python3
"""Writes tests/data/rules/<CODE>/{trigger,clean}.xml: for every rule of
pbo_check() a small format-v1 file that triggers it and one that does not,
both judged on 2024-06-30 (test-rules-files.c checks them; meetings over
the 12 months ending then). Run it after changing a case; the files are
committed so that the test reads fixed inputs."""
import os

ON = "2024-06-30"
HERE = os.path.dirname(os.path.abspath(__file__))


def member(i, status="full", joined="2010-07-01", born=None, id_card=None,
           full_since="2011-07-01", extra=""):
    a = f'id="m{i:03d}" name="党员{i}"'
    if born:
        a += f' born="{born}"'
    a += f' joined="{joined}"'
    if status == "full":
        a += f' full-since="{full_since}"'
    a += f' status="{status}" employment="in-service"'
    if id_card:
        a += f' id-card="{id_card}"'
    return f"<member {a}{extra}/>"


def members(n, start=1, **kw):
    return [member(i, **kw) for i in range(start, start + n)]


def officers(roles, start=1, since=None):
    s = f' since="{since}"' if since else ""
    return [f'<officer role="{r}" member="m{start + k:03d}"{s}/>' for k, r in enumerate(roles)]


def meetings(types):
    """One meeting of each type on the 15th of every month of the period."""
    out = []
    for t in types:
        for k in range(12):
            y, m = (2023, 7 + k) if k < 6 else (2024, k - 5)
            out.append(f'<meeting type="{t}" date="{y}-{m:02d}-15"/>')
    return out


ALL_MEETINGS = ["general-assembly", "committee", "group", "lecture", "theme-day",
                "life-meeting", "member-review"]


def branch(body, id_="b", kind="branch", attrs='established="2015-01-01"', children=()):
    inner = "".join(children)
    return f'<org id="{id_}" kind="{kind}" name="{id_}" {attrs}>{inner}{"".join(body)}</org>'


def doc(*orgs):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<pbo xmlns="urn:libpbo:1" version="1">'
            + "".join(orgs) + "</pbo>\n")


def doc11(*parts):
    """A format-1.1 file (member records, standings, letters, work records)."""
    return doc(*parts).replace('version="1"', 'version="1.1"', 1)


def standing(i, s, since, to=None):
    extra = f' standing="{s}" standing-since="{since}"'
    if to:
        extra += f' outflow-to="{to}"'
    return member(i, extra=extra)


def letter(issued):
    return ('<transfers><letter number="2024-001" member="m009" name="党员9" from="b" '
            f'to-org="市一院党委" issued="{issued}" valid-days="90" dues-paid-to="2024-03"/>'
            '</transfers>')


def member_with(i, records, extra=""):
    """A full member (base 4000 yuan) holding member records (format 1.1)."""
    return member(i).replace("/>", f' dues-base="4000"{extra}>' + "".join(records) + "</member>")


def paid_through(last):
    """Payments of 40 yuan for every month of 2023 up to @last (YYYY-MM)."""
    y, m = map(int, last.split("-"))
    months = [(2023, k) for k in range(1, 13)] + [(2024, k) for k in range(1, 7)]
    return [f'<payment month="{a}-{b:02d}" amount="40.00" paid="{a}-{b:02d}-10"/>'
            for a, b in months if (a, b) <= (y, m)]


def trained(hours):
    return [f'<training year="2023" hours="{hours}"/>']


def election(candidates, seats, voters, voted):
    return (f'<election date="2023-05-10" method="direct" candidates="{candidates}" '
            f'seats="{seats}" voters="{voters}" voted="{voted}"/>')


def committee_branch(n_full, roles, extra=()):
    return branch(officers(roles) + members(n_full) + list(extra))


def meeting_case(missing):
    """A branch with a committee and a group, every meeting held but @missing."""
    held = [t for t in ALL_MEETINGS if t != missing]
    group = ('<org id="g" kind="group" name="g">' + member(9) + "</org>")
    body_t = officers(["secretary", "organization", "propaganda"]) + [group] + members(5) \
        + meetings(held)
    body_c = officers(["secretary", "organization", "propaganda"]) + [group] + members(5) \
        + meetings(ALL_MEETINGS)
    return doc(branch(body_t)), doc(branch(body_c))


def recruit(stage, applied, activist=None, candidate=None, born=None):
    a = f'id="r1" name="李"'
    if born:
        a += f' born="{born}"'
    a += f' stage="{stage}" applied="{applied}"'
    if activist:
        a += f' activist-since="{activist}"'
    if candidate:
        a += f' candidate-since="{candidate}"'
    return f"<recruit {a}/>"


CASES = {
    # Judged on 2024-06-30: the months before June count back from May.
    "PBO-D001": (doc11(branch([member_with(1, paid_through("2023-11"))])),
                 doc11(branch([member_with(1, paid_through("2023-12"))]))),
    "PBO-E001": (doc11(branch([member_with(1, trained("31.9"))])),
                 doc11(branch([member_with(1, trained("32.0"))]))),
    "PBO-E002": (doc11(branch(officers(["secretary"]) + [member_with(1, trained("55.9"))])),
                 doc11(branch(officers(["secretary"]) + [member_with(1, trained("56.0"))]))),
    "PBO-V001": (doc11(branch([member_with(1, ['<evaluation year="2022" result="qualified"/>'])])),
                 doc11(branch([member_with(1, ['<evaluation year="2023" result="qualified"/>'])]))),
    "PBO-B001": (doc(branch(members(2))), doc(branch(members(3)))),
    "PBO-B002": (doc(committee_branch(7, ["secretary"])),
                 doc(committee_branch(7, ["secretary", "organization", "propaganda"]))),
    "PBO-B003": (doc(committee_branch(8, ["secretary", "deputy-secretary", "organization",
                                          "propaganda", "discipline", "committee-member",
                                          "committee-member", "committee-member"])),
                 doc(committee_branch(8, ["secretary", "deputy-secretary", "organization",
                                          "propaganda", "discipline"]))),
    "PBO-B004": (doc(branch(members(51))), doc(branch(members(50)))),
    "PBO-C001": (doc(branch([], "c", "committee", children=[branch(members(99))])),
                 doc(branch([], "c", "committee", children=[branch(members(100))]))),
    "PBO-G001": (doc(branch([], "gb", "general-branch", children=[branch(members(49))])),
                 doc(branch([], "gb", "general-branch", children=[branch(members(50))]))),
    "PBO-M001": (doc(branch(members(3) + [member(4, id_card="440785197503021231")])),
                 doc(branch(members(3) + [member(4, id_card="44078519750302123X")]))),
    "PBO-O001": (doc(branch(officers(["secretary"], 4) + members(3)
                            + [member(4, "probationary", "2024-03-01")])),
                 doc(branch(officers(["secretary"]) + members(3)
                            + [member(4, "probationary", "2024-03-01")]))),
    "PBO-O002": (doc(branch(officers(["secretary"], since="2014-12-31") + members(3))),
                 doc(branch(officers(["secretary"], since="2015-01-01") + members(3)))),
    "PBO-P001": (doc(branch(members(3) + [member(4, "probationary", "2023-05-01")])),
                 doc(branch(members(3) + [member(4, "probationary", "2023-08-01")]))),
    "PBO-P002": (doc(branch(members(3) + [member(4, "probationary", "2022-01-01")])),
                 doc(branch(members(3) + [member(4, "probationary", "2023-05-01")]))),
    "PBO-R001": (doc(branch(members(3) + [recruit("applicant", "2024-03-01", born="2006-03-02")])),
                 doc(branch(members(3) + [recruit("applicant", "2024-03-02", born="2006-03-02")]))),
    "PBO-R002": (doc(branch(members(3) + [recruit("candidate", "2023-01-01", "2023-03-01",
                                                  "2024-02-29")])),
                 doc(branch(members(3) + [recruit("candidate", "2023-01-01", "2023-03-01",
                                                  "2024-03-01")]))),
    "PBO-R003": (doc(branch(members(3) + [member(4, "probationary", "2024-03-01",
                                                 born="2006-03-02")])),
                 doc(branch(members(3) + [member(4, "probationary", "2024-03-02",
                                                 born="2006-03-02")]))),
    "PBO-T001": (doc(branch(members(3), attrs='established="2015-01-01" term-start="2021-06-30" '
                                              'term-years="3"')),
                 doc(branch(members(3), attrs='established="2015-01-01" term-start="2021-07-01" '
                                              'term-years="3"'))),
    # 180 days before the end of the term (上级党组织一般提前6个月提醒).
    "PBO-T002": (doc(branch(members(3), attrs='established="2015-01-01" term-start="2021-12-27" '
                                              'term-years="3"')),
                 doc(branch(members(3), attrs='established="2015-01-01" term-start="2021-12-28" '
                                              'term-years="3"'))),
    # Six months on 2024-06-30 (2023-12-31 + 6 months is clamped to 2024-06-30).
    "PBO-S001": (doc11(branch(members(3) + [standing(4, "lost-contact", "2023-12-31")])),
                 doc11(branch(members(3) + [standing(4, "lost-contact", "2024-01-01")]))),
    "PBO-S002": (doc11(branch(members(3) + [standing(4, "outflow", "2023-12-31", "深圳")])),
                 doc11(branch(members(3) + [standing(4, "outflow", "2024-01-01", "深圳")]))),
    # 90 days of validity: 2024-03-31 + 90 = 2024-06-29, past on the 30th.
    "PBO-X001": (doc11(branch(members(3)), letter("2024-03-31")),
                 doc11(branch(members(3)), letter("2024-04-01"))),
    # A secretary with 党龄 from 2023-07-01: 12 months on 2024-07-01.
    "PBO-O003": (doc(branch(officers(["secretary"], 4) + members(3)
                            + [member(4, full_since="2023-07-01")])),
                 doc(branch(officers(["secretary"], 4) + members(3)
                            + [member(4, full_since="2023-06-30")]))),
    # N001: more than 4/5 of the entitled must vote; N002: 20 % more candidates.
    "PBO-N001": (doc11(branch(members(3) + [election(6, 5, 10, 8)])),
                 doc11(branch(members(3) + [election(6, 5, 10, 9)]))),
    "PBO-N002": (doc11(branch(members(3) + [election(5, 5, 10, 10)])),
                 doc11(branch(members(3) + [election(6, 5, 10, 10)]))),
    # W001 is judged once the file keeps work plans: b2 lacks its 2024 one.
    "PBO-W001": (doc11(branch(members(3) + ['<work-plan year="2024"/>'], id_="b1"),
                       branch(members(3, start=4) + ['<work-plan year="2023"/>'], id_="b2")),
                 doc11(branch(members(3) + ['<work-plan year="2024"/>'], id_="b1"),
                       branch(members(3, start=4) + ['<work-plan year="2024"/>'], id_="b2"))),
}
for code, t in zip(["PBO-L001", "PBO-L002", "PBO-L003", "PBO-L004", "PBO-L005", "PBO-L006",
                    "PBO-L007"], ALL_MEETINGS):
    CASES[code] = meeting_case(t)

if __name__ == "__main__":
    for code, (trigger, clean) in sorted(CASES.items()):
        os.makedirs(os.path.join(HERE, code), exist_ok=True)
        for name, text in (("trigger.xml", trigger), ("clean.xml", clean)):
            with open(os.path.join(HERE, code, name), "w", encoding="utf-8") as f:
                f.write(text)
    print(f"{len(CASES)} rules, on {ON}")
