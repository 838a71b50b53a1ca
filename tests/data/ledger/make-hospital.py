#!/usr/bin/env python3
"""Writes hospital.xml: a hospital's two branches over the 18 months
2023-01 to 2024-06 with a dues ledger in arrears, training hours,
民主评议 results and star ratings (tests/test-member-records.c and
test_ledger_cli check its figures; docs/reports.md explains them).

  b1 内科党支部: m1 (secretary, base 4000 → 40.00) pays every month;
     m2 (base 6000 → 90.00) stops paying after 2023-12 (6 months owed);
     m3 (retired, base 2500 → 12.50) fell behind 2023-03..08 and paid
     those months late in 2023-10 (补缴).
  b2 外科党支部: m4 (secretary, base 12000 → 240.00) had a reduction to
     120.00 for 2023-07..12 approved by the branch; m5 (base 3000 → 15.00)
     is exempt from 2024-01 on; m6 (probationary, joined 2024-03-15, base
     5000 → 50.00) paid March and April only.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = [(2023, m) for m in range(1, 13)] + [(2024, m) for m in range(1, 7)]


def pay(y, m, amount, paid=None, extra=""):
    paid = paid or f"{y}-{m:02d}-10"
    return f'<payment month="{y}-{m:02d}" amount="{amount}" paid="{paid}"{extra}/>'


def member(i, name, base, records, status="full", joined="2005-07-01", employment="in-service",
           id_card=None):
    full = ' full-since="2006-07-01"' if status == "full" else ""
    card = f' id-card="{id_card}"' if id_card else ""
    head = (f'<member id="m{i}" name="{name}" joined="{joined}"{full} status="{status}" '
            f'employment="{employment}" dues-base="{base}"{card}>')
    return "      " + head + "\n" + "".join(f"        {r}\n" for r in records) + "      </member>\n"


def year_records(hours, result, scores):
    out = [f'<evaluation year="2023" result="{result}"/>'] if result else []
    if scores:
        out.append('<rating year="2023" life="%d" dues="%d" service="%d" example="%d" '
                   'work="%d" law="%d"/>' % scores)
    out.append(f'<training year="2023" hours="{hours}"/>')
    return out


m1 = [pay(y, m, "40.00") for y, m in MONTHS] + year_records("40.0", "excellent", (5, 5, 5, 4, 5, 5))
m2 = [pay(y, m, "90.00") for y, m in MONTHS if y == 2023] + year_records("32.0", "qualified", (3, 2, 4, 3, 4, 5))
m3 = [pay(y, m, "12.50", "2023-10-20" if y == 2023 and 3 <= m <= 8 else None,
          ' kind="arrears"' if y == 2023 and 3 <= m <= 8 else "") for y, m in MONTHS] \
     + year_records("20.5", None, (4, 3, 4, 4, 3, 5))
m4 = [pay(y, m, "120.00" if y == 2023 and m >= 7 else "240.00", None,
          ' kind="reduced" approved="2023-06-20"' if y == 2023 and m >= 7 else "")
      for y, m in MONTHS] + year_records("60.0", "excellent", (5, 4, 5, 5, 5, 5))
m5 = [pay(y, m, "15.00") if y == 2023 else
      f'<payment month="{y}-{m:02d}" amount="0.00" kind="exempt" approved="2023-12-15"/>'
      for y, m in MONTHS] + year_records("32.0", "basically-qualified", (3, 3, 2, 3, 3, 4))
m6 = [pay(2024, 3, "50.00"), pay(2024, 4, "50.00")]

doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<pbo xmlns="urn:libpbo:1" version="1.1">\n'
       '  <org id="h" kind="committee" name="市第一人民医院党委">\n'
       '    <org id="b1" kind="branch" name="内科党支部">\n'
       '      <officer role="secretary" member="m1"/>\n'
       + member(1, "王建国", 4000, m1) + member(2, "李娜", 6000, m2)
       + member(3, "张秀英", 2500, m3, employment="retired", id_card="11010519491231002X")
       + '    </org>\n    <org id="b2" kind="branch" name="外科党支部">\n'
       '      <officer role="secretary" member="m4"/>\n'
       + member(4, "刘洋", 12000, m4) + member(5, "陈静", 3000, m5)
       + member(6, "杨帆", 5000, m6, status="probationary", joined="2024-03-15")
       + "    </org>\n  </org>\n</pbo>\n")
with open(os.path.join(HERE, "hospital.xml"), "w", encoding="utf-8") as f:
    f.write(doc)

# A training sheet as a spreadsheet program writes it (numbers as numbers),
# naming m1 by id and m3 by name and ID card (test_import_records_xlsx).
try:
    import openpyxl
except ImportError:   # the committed workbook stays as it is
    openpyxl = None
if openpyxl is not None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "学时"
    ws.append(["工号", "姓名", "身份证号", "年度", "学时", "课程"])
    ws.append(["m1", None, None, 2024, 8.5, "党课"])
    ws.append([None, "张秀英", "11010519491231002x", 2024, 12, "党史学习"])
    wb.save(os.path.join(HERE, "training.xlsx"))
