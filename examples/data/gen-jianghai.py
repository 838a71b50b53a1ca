#!/usr/bin/env python3
"""Writes jianghai.xml: seed 002 (Jianghai district, Jiangmen, 2023) before
the restructuring — the health bureau's Party group with 9 organisations
below it. The same figures as examples/jianghai.c. Deterministic.

Usage: gen-jianghai.py [OUTPUT]   (default: jianghai.xml beside this script)
SPDX-License-Identifier: LGPL-2.1-or-later
"""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pbosample as ps  # noqa: E402

SURNAMES = "陈李黄梁林张何吴谭冯余甄区钟赵容关罗"
REGION = "440704"  # 江门市江海区

# id, name, unit, members, retired, probationary (admitted in 2023), established
BRANCHES = (
    ("jh-jg", "江海区卫生健康局机关党支部", "江门市江海区卫生健康局", 12, 0, 0, "2019-03-15"),
    ("jh-zxy", "江海区中西医结合医院党支部", "江海区中西医结合医院", 46, 9, 2, "2005-07-01"),
    ("jh-lyy", "礼乐颐养院党支部", "江海区礼乐颐养院", 6, 1, 0, "2012-05-20"),
    ("jh-fy", "江海区妇幼保健院党支部", "江海区妇幼保健院", 18, 3, 1, "2008-06-18"),
    ("jh-cdc", "江海区疾病预防控制中心党支部", "江海区疾病预防控制中心", 11, 2, 1, "2006-09-10"),
    ("jh-wjs", "江海区卫生监督所党支部", "江海区卫生监督所", 8, 1, 0, "2007-04-25"),
    ("jh-wh", "外海街道社区卫生服务中心党支部", "外海街道社区卫生服务中心", 9, 2, 0, "2010-11-08"),
    ("jh-ly", "礼乐街道社区卫生服务中心党支部", "礼乐街道社区卫生服务中心", 7, 1, 0, "2010-11-08"),
    ("jh-jn", "江南街道社区卫生服务中心党支部", "江南街道社区卫生服务中心", 10, 2, 1, "2011-03-22"),
)
# The hospital's 37 in-service members by department (支部建在科室上).
ZXY_DEPARTMENTS = ("内科",) * 12 + ("外科",) * 8 + ("中医科",) * 6 + ("护理部",) * 7 + ("行政",) * 4
PROBATION_DATES = ("2023-03-28", "2023-04-18", "2023-05-20", "2023-06-15", "2023-06-20")
POSITIONS = {"内科": "主治医师", "外科": "副主任医师", "中医科": "主治中医师",
             "护理部": "主管护师", "行政": "科员"}
EDUCATION = ("本科", "本科", "本科", "大专", "硕士研究生", "中专")


class People:
    """Members of the district, numbered m0001… in document order."""

    def __init__(self, rng):
        self.rng = rng
        self.n = 0
        self.probation = iter(PROBATION_DATES)

    def member(self, retired, probationary, department=None):
        self.n += 1
        joined = next(self.probation) if probationary else None
        m = ps.member(self.rng, f"m{self.n:04d}", SURNAMES, retired, probationary, joined)
        if department:
            m["department"] = department
        return m

    def detail(self, m, position, dues_base, phone_tail, mobile=False):
        """Every optional attribute, for the members the tests look at."""
        m.update({"ethnicity": "汉族", "education": self.rng.choice(EDUCATION),
                  "position": position, "dues-base": dues_base, "dues-category": "standard",
                  "phone": f"1380750{phone_tail:04d}",
                  "id-card": ps.id_card(REGION, m["born"], self.n, m["gender"] == "male")})
        if mobile:
            m["mobile"] = "true"


def branch_members(people, spec):
    bid, _, _, n, retired, prob, _ = spec
    members = []
    for i in range(n):
        is_retired = i >= n - retired
        dept = ZXY_DEPARTMENTS[i] if bid == "jh-zxy" and not is_retired else None
        members.append(people.member(is_retired, i < prob, dept))
    return members


def build():
    rng = random.Random(20230601)
    people = People(rng)
    top = ps.new_org("jh-hb", "committee", "江门市江海区卫生健康局党组",
                     unit="江门市江海区卫生健康局", established="2019-03-01")
    for index, spec in enumerate(BRANCHES):
        bid, name, unit, _, _, _, established = spec
        term = "2021-06-25" if index % 3 else "2020-07-01"
        b = ps.new_org(bid, "branch", name, unit=unit, established=established,
                       term_start=term, term_years=3)
        b["members"] = branch_members(people, spec)
        top["orgs"].append(b)
    dress(people, top)
    return [top]


def dress(people, top):
    """Officers, detailed members and meetings of the district."""
    jg, zxy = top["orgs"][0], top["orgs"][1]
    # 张海明 is the bureau's Party group secretary (seed 002).
    head = jg["members"][0]
    head.update({"name": "张海明", "gender": "male", "born": "1972-10-08",
                 "joined": "1994-06-20", "full-since": "1995-06-20"})
    people.detail(head, "党组书记、局长", "12850", 1)
    ps.add_officer(top, "secretary", head["id"], "2021-09-01")
    ps.add_officer(top, "committee-member", jg["members"][1]["id"], "2021-09-01")
    ps.add_officer(top, "committee-member", jg["members"][2]["id"], "2022-03-01")
    for b in top["orgs"]:
        full = [m for m in b["members"] if m["status"] == "full" and m["employment"] == "in-service"]
        roles = ("secretary", "deputy-secretary", "organization", "propaganda", "discipline")
        n_roles = 5 if len(b["members"]) > 30 else 3 if len(full) >= 7 else 1
        for role, m in zip(roles[:n_roles], full[1:] if b is jg else full):
            ps.add_officer(b, role, m["id"], b["attrs"]["term-start"])
    for i, m in enumerate(zxy["members"][2:14]):
        people.detail(m, POSITIONS[m["department"]],
                      f"{7200 + 350 * i}.50" if i % 4 == 1 else str(7200 + 350 * i), 100 + i,
                      mobile=(i == 5))
    people.detail(zxy["members"][0], "护士", "5200", 200)
    ps.add_meeting(jg, "lecture", "2023-03-24", "学习贯彻党的二十大精神专题党课", 12)
    ps.add_meeting(jg, "theme-day", "2023-05-26", "参观江门市革命烈士陵园主题党日", 11,
                   [jg["members"][5]["id"]])
    ps.add_meeting(zxy, "general-assembly", "2023-03-30", "讨论接收预备党员", 41,
                   [zxy["members"][20]["id"], zxy["members"][38]["id"]])
    ps.add_meeting(zxy, "committee", "2023-04-12", "支委会：研究支部建在科室上方案", 5)
    ps.add_meeting(zxy, "lecture", "2023-05-18", "卫健小课堂：业务大学习能力大提升", 39)
    ps.add_meeting(zxy, "life-meeting", "2023-01-16", "2022年度组织生活会", 44)
    ps.add_meeting(top["orgs"][3], "theme-day", "2023-07-01", "庆祝建党102周年主题党日", 17)
    # Recruitment (发展党员) in the hospital's branch: the general assembly of
    # 2023-03-30 discussed admissions; one candidate awaits the vote, two
    # activists are being trained, two staff have applied.
    ps.add_recruit(zxy, "jh-zxy-r1", "陈嘉怡", "candidate", "2021-05-10", "2021-09-01",
                   "2022-09-15", gender="female", born="1996-04-12", department="护理部")
    ps.add_recruit(zxy, "jh-zxy-r2", "黄志强", "activist", "2022-03-08", "2022-10-20",
                   gender="male", born="1993-11-30", department="急诊科")
    ps.add_recruit(zxy, "jh-zxy-r3", "李婉婷", "activist", "2023-01-05", "2023-04-18",
                   gender="female", born="1998-07-22", department="中医科")
    ps.add_recruit(zxy, "jh-zxy-r4", "梁俊杰", "applicant", "2023-05-20",
                   gender="male", born="2000-02-14", department="药剂科")
    ps.add_recruit(zxy, "jh-zxy-r5", "吴雪梅", "applicant", "2023-06-02",
                   gender="female", born="1999-09-09", department="检验科")


def check(tops):
    top = tops[0]
    assert len(top["orgs"]) == 9 and all(b["attrs"]["kind"] == "branch" for b in top["orgs"])
    zxy = top["orgs"][1]
    assert len(zxy["members"]) == 46
    assert sum(m["employment"] == "retired" for m in zxy["members"]) == 9
    assert sum(m["status"] == "probationary" for m in zxy["members"]) == 2
    assert sum(len(b["members"]) for b in top["orgs"]) == 127
    assert [r["stage"] for r in zxy["recruits"]] == ["candidate"] + ["activist"] * 2 + ["applicant"] * 2


if __name__ == "__main__":
    ps.generate(build, check, "jianghai.xml")
