#!/usr/bin/env python3
"""Writes city-health.xml, shaped exactly like seed 001 (a city health
commission's survey, 2023): the directly-affiliated units' Party committee
(直属单位党委) managing 12 units — 8 public hospitals and 4 health
institutions; 6 units with a primary-level committee, 3 with a general
branch, 3 with a single branch — with 144 branches and 3151 members, 2411
in service and 740 retired. Deterministic (fixed seed); the figures are
asserted before the file is written.

Usage: gen-city-health.py [OUTPUT]   (default: city-health.xml beside this script)
SPDX-License-Identifier: LGPL-2.1-or-later
"""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pbosample as ps  # noqa: E402

YEAR = 2023
BRANCHES, MEMBERS, IN_SERVICE, RETIRED = 144, 3151, 2411, 740
RETIRED_IN_RETIREE_BRANCHES = 690
RETIRED_PER_SINGLE_BRANCH = 8
BRANCH_CAP = 50
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"

CLINICAL = ("急诊科", "心血管内科", "呼吸与危重症医学科", "消化内科", "神经内科", "肾内科",
            "内分泌科", "普外科", "骨科", "神经外科", "胸外科", "泌尿外科", "妇产科", "儿科",
            "眼科", "耳鼻喉科", "口腔科", "手术麻醉科", "重症医学科", "检验科", "医学影像科",
            "药学部", "肿瘤科", "康复医学科", "中医科", "感染科", "护理部", "门诊部",
            "机关", "后勤保障部")
TCM = ("针灸推拿科", "脾胃病科", "心病科", "脑病科", "骨伤科", "肺病科", "肾病科", "妇科",
       "儿科", "治未病中心", "中药房", "检验科", "医学影像科", "护理部", "急诊科", "外科",
       "机关", "后勤保障部")
EYE = ("手术麻醉科", "白内障科", "眼底病科", "青光眼科", "角膜病科", "视光中心", "小儿眼科",
       "眼整形科", "护理部", "门诊部", "检验科", "机关", "后勤保障部")

# code, name, kind, branches (retirees' branches among them), naming, departments
UNITS = (
    ("rmyy", "市人民医院", "committee", 30, 3, "dept", CLINICAL),
    ("ey", "市第二人民医院", "committee", 24, 2, "dept", CLINICAL),
    ("sy", "市第三人民医院", "committee", 22, 2, "number", CLINICAL),
    ("zyy", "市中医院", "committee", 20, 2, "dept", TCM),
    ("wy", "市第五人民医院", "committee", 17, 2, "series", CLINICAL),
    ("ykyy", "市眼科医院", "committee", 14, 1, "dept", EYE),
    ("fy", "市妇幼保健院", "general-branch", 5, 1, "number", ("妇产科", "儿科", "保健部", "机关")),
    ("sry", "市第四人民医院", "general-branch", 5, 1, "number", ("精神科", "心理科", "护理部", "机关")),
    ("cdc", "市疾病预防控制中心", "general-branch", 4, 1, "number", ("传染病防制所", "检验所", "机关")),
    ("xz", "市中心血站", "branch", 1, 0, "unit", ("采供血科", "检验科", "机关")),
    ("jjzx", "市急救中心", "branch", 1, 0, "unit", ("调度科", "急救科", "机关")),
    ("wjzd", "市卫生健康综合监督执法支队", "branch", 1, 0, "unit", ("医疗监督科", "公卫监督科", "机关")),
)
NUMERALS = "一二三四五六七八九十"
EDUCATION_IN_SERVICE = (("本科", 48), ("硕士研究生", 24), ("博士研究生", 7), ("大专", 15), ("中专", 6))
EDUCATION_RETIRED = (("中专", 30), ("大专", 30), ("本科", 33), ("硕士研究生", 7))
TITLES = ("主任医师", "副主任医师", "主治医师", "住院医师", "主任护师", "副主任护师", "主管护师",
          "护师", "主管技师", "主管药师", "科员", "科长")
AREAS = ("城东", "城西", "城南", "城北")


def chinese_number(n):
    """1–99 in Chinese numerals (第二十党支部)."""
    tens, ones = divmod(n, 10)
    return ((NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "")
            + (NUMERALS[ones - 1] if ones else ""))


def branch_names(unit):
    code, name, kind, n, n_retired, naming, depts = unit
    n_work = n - n_retired
    if naming == "unit":
        work = [(name + "党支部", None)]
    elif naming == "dept":
        work = [(d + "党支部", d) for d in depts[:n_work]]
    elif naming == "series":
        series = ("内科", "外科", "医技", "护理", "机关")
        work = [(f"{series[i % 5]}第{chinese_number(i // 5 + 1)}党支部", None) for i in range(n_work)]
    else:
        work = [(f"第{chinese_number(i + 1)}党支部", None) for i in range(n_work)]
    if n_retired == 1:
        retired = ["离退休党支部"]
    else:
        retired = [f"离退休第{chinese_number(i + 1)}党支部" for i in range(n_retired)]
    return work, retired


def allocate(rng, n_slots, total, low, high):
    """@total split over @n_slots sizes within [low, high], randomly spread."""
    weights = [rng.uniform(0.55, 1.45) for _ in range(n_slots)]
    scale = total / sum(weights)
    sizes = [min(high, max(low, round(w * scale))) for w in weights]
    while sum(sizes) != total:
        i = rng.randrange(n_slots)
        if sum(sizes) < total and sizes[i] < high:
            sizes[i] += 1
        elif sum(sizes) > total and sizes[i] > low:
            sizes[i] -= 1
    return sizes


def weighted(rng, table):
    return rng.choices([v for v, _ in table], [w for _, w in table])[0]


class City:
    def __init__(self):
        self.rng = random.Random(2023001)
        self.n = 0

    def member(self, retired, department):
        rng = self.rng
        self.n += 1
        prob = not retired and rng.random() < 0.03
        joined = ps.date(YEAR, rng.randint(1, 11), rng.randint(1, 28)) if prob else None
        m = ps.member(rng, f"ch{self.n:05d}", SURNAMES, retired, prob, joined, YEAR)
        m["education"] = weighted(rng, EDUCATION_RETIRED if retired else EDUCATION_IN_SERVICE)
        if not retired:
            m["position"] = rng.choice(TITLES)
            m["department"] = department
        return m

    def branch(self, id_, name, unit, depts, department, n_in, n_ret, retirees):
        b = ps.new_org(id_, "branch", name, unit=unit, established="2019-06-28",
                       term_start=ps.date(2021 + self.rng.randint(0, 2), 6, 28), term_years=3)
        members = [self.member(False, department or self.rng.choice(depts)) for _ in range(n_in)]
        members += [self.member(True, None) for _ in range(n_ret)]
        ps.appoint_officers(b, members)
        self.meetings(b, members)
        n_groups = 4 if retirees and len(members) >= 40 else 3 if len(members) > 35 else 0
        for g in range(n_groups):
            name_g = f"{AREAS[g]}党小组" if retirees else f"第{NUMERALS[g]}党小组"
            group = ps.new_org(f"{id_}-g{g + 1}", "group", name_g, unit=unit)
            group["members"] = members[g::n_groups]
            b["orgs"].append(group)
        if not n_groups:
            b["members"] = members
        return b

    def meetings(self, b, members):
        """2023: quarterly general assemblies (now and then one missed), a
        lecture, the yearly life meeting and member review."""
        rng = self.rng
        plan = [("general-assembly", ps.date(YEAR, q * 3, 20), None) for q in (1, 2, 3, 4)]
        if rng.random() < 0.1:
            plan.pop()
        plan += [("lecture", ps.date(YEAR, 6, 28), "学习贯彻党的二十大精神"),
                 ("life-meeting", ps.date(YEAR, 1, 12), "2022年度组织生活会"),
                 ("member-review", ps.date(YEAR, 1, 13), "2022年度民主评议党员")]
        for type_, when, title in sorted(plan, key=lambda p: p[1]):
            absent = [m["id"] for m in rng.sample(members, min(len(members), rng.randint(0, 2)))]
            ps.add_meeting(b, type_, when, title, len(members) - len(absent), absent)


def unit_org(unit, code, name, kind, branches):
    org = ps.new_org(f"ch-{code}", kind, name + ("党委" if kind == "committee" else "党总支"),
                     unit=name, established="2019-06-28", term_start="2021-06-28",
                     term_years=5 if kind == "committee" else 3)
    org["orgs"] = branches
    # The leaders serve in the unit's first branches.
    leaders = [b["officers"][0]["member"] for b in branches[:5]]
    ps.add_officer(org, "secretary", leaders[0], "2021-06-28")
    ps.add_officer(org, "deputy-secretary", leaders[1], "2021-06-28")
    for member_id in leaders[2:]:
        ps.add_officer(org, "committee-member", member_id, "2021-06-28")
    return org


def build():
    city = City()
    rng = city.rng
    plan = [(u, branch_names(u)) for u in UNITS]
    n_work = sum(len(work) for _, (work, _) in plan)
    n_retiree_branches = sum(len(ret) for _, (_, ret) in plan)
    in_sizes = iter(allocate(rng, n_work, IN_SERVICE, 8, BRANCH_CAP - 2))
    ret_sizes = iter(allocate(rng, n_retiree_branches, RETIRED_IN_RETIREE_BRANCHES, 30, BRANCH_CAP))
    n_single = sum(u[2] == "branch" for u in UNITS)
    scattered = RETIRED - RETIRED_IN_RETIREE_BRANCHES - RETIRED_PER_SINGLE_BRANCH * n_single
    extra = allocate(rng, n_work - n_single, scattered, 0, 2)
    top = ps.new_org("ch-zs", "committee", "市卫生健康委直属单位党委",
                     established="2019-03-20", term_start="2021-11-18", term_years=5)
    k = 0
    for unit, (work, retired) in plan:
        code, name, kind, _, _, _, depts = unit
        branches = []
        for i, (bname, dept) in enumerate(work):
            bid = f"ch-{code}" if kind == "branch" else f"ch-{code}-{i + 1:02d}"
            n_ret = RETIRED_PER_SINGLE_BRANCH if kind == "branch" else extra[k]
            k += kind != "branch"
            branches.append(city.branch(bid, bname, name, depts, dept, next(in_sizes), n_ret, False))
        for j, bname in enumerate(retired):
            bid = f"ch-{code}-{len(work) + j + 1:02d}"
            branches.append(city.branch(bid, bname, name, depts, None, 0, next(ret_sizes), True))
        top["orgs"] += branches if kind == "branch" else [unit_org(unit, code, name, kind, branches)]
    return [top]


def check(tops):
    top = tops[0]
    kinds, members = {}, []
    for org, _ in ps.walk(tops):
        kinds[org["attrs"]["kind"]] = kinds.get(org["attrs"]["kind"], 0) + 1
        members += org["members"]
    units = top["orgs"]
    assert len(units) == 12 and all(u["attrs"].get("unit") for u in units)
    assert [u["attrs"]["kind"] for u in units].count("committee") == 6
    assert [u["attrs"]["kind"] for u in units].count("general-branch") == 3
    assert [u["attrs"]["kind"] for u in units].count("branch") == 3
    assert kinds["branch"] == BRANCHES and kinds["committee"] == 7 and kinds["general-branch"] == 3
    assert len(members) == MEMBERS
    assert sum(m["employment"] == "in-service" for m in members) == IN_SERVICE
    assert sum(m["employment"] == "retired" for m in members) == RETIRED
    assert all(o["attrs"].get("unit") for o, _ in ps.walk(units))


if __name__ == "__main__":
    ps.generate(build, check, "city-health.xml")
