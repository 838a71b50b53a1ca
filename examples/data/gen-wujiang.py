#!/usr/bin/env python3
"""Writes wujiang-2014.xml: seed 000 (Wujiang district, 2015) before the
merger — the health bureau's Party committee and, beside it, the
family-planning commission's branch, as they stood at the end of 2014.
Deterministic.

Usage: gen-wujiang.py [OUTPUT]   (default: wujiang-2014.xml beside this script)
SPDX-License-Identifier: LGPL-2.1-or-later
"""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pbosample as ps  # noqa: E402

YEAR = 2014
SURNAMES = "沈吴王张陆徐周朱钱顾姚金杨李陈蒋孙费凌屠倪俞汝范潘"
REGION = "320584"  # 吴江市 (the district's code before 2012, on older cards)

# id, name, in-service, retired, probationary (admitted 2014), departments
BUREAU_BRANCHES = (
    ("wj-wsj-jg", "吴江区卫生局机关党支部", 29, 0, 1,
     ("办公室", "医政科", "疾病预防控制科", "财务审计科", "组织人事科", "规划信息科")),
    ("wj-wsj-lt", "吴江区卫生局离退休党支部", 0, 19, 0, ()),
    ("wj-fbs", "吴江区妇保所党支部", 10, 0, 0, ("妇女保健科", "儿童保健科")),
    ("wj-cdc", "吴江区疾病预防控制中心党支部", 41, 4, 1, ("传染病防制科", "检验科", "慢病科")),
    ("wj-wjs", "吴江区卫生监督所党支部", 30, 2, 0, ("医疗卫生监督科", "公共卫生监督科")),
    ("wj-xz", "吴江区中心血站党支部", 23, 1, 0, ("采血科", "检验科")),
    ("wj-jjz", "吴江区急救站党支部", 29, 1, 0, ("调度科", "急救科")),
    ("wj-ey", "吴江区第二人民医院党支部", 43, 6, 1, ("内科", "外科", "护理部")),
    ("wj-sy", "吴江区第四人民医院党支部", 38, 5, 0, ("内科", "外科", "护理部")),
)
HOSPITAL_BRANCHES = (
    ("wj-yy-nk1", "内科第一党支部", 47, 0, 1, ("心内科", "消化内科", "呼吸内科")),
    ("wj-yy-nk2", "内科第二党支部", 45, 0, 0, ("神经内科", "肾内科", "内分泌科")),
    ("wj-yy-wk", "外科党支部", 48, 0, 0, ("普外科", "骨科", "泌尿外科")),
    ("wj-yy-yj", "医技党支部", 44, 0, 0, ("检验科", "放射科", "药剂科")),
    ("wj-yy-hl", "护理党支部", 50, 0, 2, ("护理部",)),
    ("wj-yy-mjz", "门急诊党支部", 41, 0, 0, ("急诊科", "门诊部")),
    ("wj-yy-xz", "行政后勤党支部", 39, 0, 0, ("院办", "党办", "财务科", "总务科")),
    ("wj-yy-lt", "离退休党支部", 0, 46, 0, ()),
)
# 27 in service (5 at the guidance station) and 12 retired.
FAMILY_PLANNING = ("wj-jsw", "吴江区人口和计划生育委员会党支部", 27, 12, 0,
                   ("办公室",) * 6 + ("规划统计科",) * 6 + ("政策法规科",) * 5
                   + ("流动人口管理科",) * 5 + ("计生指导站",) * 5)
EDUCATION = ("本科", "本科", "大专", "硕士研究生", "中专")


class Builder:
    def __init__(self):
        self.rng = random.Random(20141231)
        self.n = 0

    def branch(self, spec, unit, established):
        bid, name, in_service, retired, prob, departments = spec
        b = ps.new_org(bid, "branch", name, unit=unit, established=established,
                       term_start="2012-12-20", term_years=3)
        for i in range(in_service + retired):
            self.n += 1
            is_prob = i < prob
            joined = ps.date(YEAR, 5 + i, 28) if is_prob else None
            m = ps.member(self.rng, f"wj{self.n:04d}", SURNAMES, i >= in_service, is_prob,
                          joined, YEAR)
            if i < in_service:
                m["education"] = self.rng.choice(EDUCATION)
                # The family-planning branch lists its departments in order:
                # its last five members are the guidance station's.
                m["department"] = (departments[i] if bid == "wj-jsw"
                                   else departments[i % len(departments)])
            b["members"].append(m)
        self.officers(b)
        return b

    def officers(self, b):
        for m in ps.appoint_officers(b, b["members"]):
            m["id-card"] = ps.id_card(REGION, m["born"], self.n + len(b["officers"]),
                                      m["gender"] == "male")


def appoint_committee(c, branch):
    """The committee's officers: the leaders in @branch's ranks."""
    full = [m for m in branch["members"] if m["status"] == "full"][5:10]
    since = c["attrs"]["term-start"]
    ps.add_officer(c, "secretary", full[0]["id"], since)
    ps.add_officer(c, "deputy-secretary", full[1]["id"], since)
    for m in full[2:]:
        ps.add_officer(c, "committee-member", m["id"], since)


def build():
    bld = Builder()
    bureau = ps.new_org("wj-wsj", "committee", "吴江区卫生局党委", unit="苏州市吴江区卫生局",
                        established="2012-12-18", term_start="2013-01-10", term_years=5)
    for spec in BUREAU_BRANCHES:
        unit = "苏州市吴江区卫生局" if spec[0].startswith("wj-wsj") else spec[1][:-3]
        bureau["orgs"].append(bld.branch(spec, unit, "2012-12-18"))
    hospital = ps.new_org("wj-yy", "committee", "吴江区第一人民医院党委", unit="吴江区第一人民医院",
                          established="2003-07-01", term_start="2011-06-28", term_years=5)
    for spec in HOSPITAL_BRANCHES:
        hospital["orgs"].append(bld.branch(spec, "吴江区第一人民医院", "2003-07-01"))
    bureau["orgs"].append(hospital)
    appoint_committee(bureau, bureau["orgs"][0])
    appoint_committee(hospital, hospital["orgs"][6])
    jsw = bld.branch(FAMILY_PLANNING, "苏州市吴江区人口和计划生育委员会", "2001-06-26")
    jg = bureau["orgs"][0]
    ps.add_meeting(jg, "general-assembly", "2014-12-18", "讨论预备党员转正", 28,
                   [jg["members"][14]["id"]])
    ps.add_meeting(jg, "lecture", "2014-06-27", "党的群众路线教育实践活动专题党课", 27)
    ps.add_meeting(jsw, "life-meeting", "2014-01-22", "2013年度组织生活会", 35)
    ps.add_meeting(hospital, "committee", "2014-11-05", "研究创名医院、建名科室工作", 7)
    return [bureau, jsw]


def figures(org):
    ms = [m for o, _ in ps.walk([org]) for m in o["members"]]
    return (sum(m["employment"] == "in-service" for m in ms),
            sum(m["employment"] == "retired" for m in ms))


def check(tops):
    bureau, jsw = tops
    by_id = {o["attrs"]["id"]: o for o, _ in ps.walk(tops)}
    assert figures(by_id["wj-wsj-jg"]) == (29, 0) and "机关党支部" in by_id["wj-wsj-jg"]["attrs"]["name"]
    assert figures(by_id["wj-wsj-lt"]) == (0, 19) and "离退休" in by_id["wj-wsj-lt"]["attrs"]["name"]
    assert figures(jsw) == (27, 12)
    assert sum(m.get("department") == "计生指导站" for m in jsw["members"]) == 5
    assert all(m["employment"] == "in-service" for m in jsw["members"]
               if m.get("department") == "计生指导站")
    assert len(by_id["wj-fbs"]["members"]) == 10 and "妇保" in by_id["wj-fbs"]["attrs"]["name"]
    # After the merger: 9 branches and one committee under the new
    # committee, 680 members in all.
    assert len(bureau["orgs"]) == 10 and sum(figures(bureau)) + sum(figures(jsw)) == 680


if __name__ == "__main__":
    ps.generate(build, check, "wujiang-2014.xml")
