#!/usr/bin/python3
"""Writes 2026-12.xlsx with openpyxl: the members of 2026-12.csv as an HR
system's export workbook holds them — staff numbers and dues bases as
number cells, dates as date cells, the sheet named 人员信息 after a cover
sheet — which test-exchange imports with --sheet and --update and
compares with the CSV. Deterministic apart from the workbook's timestamps.
   /usr/bin/python3 gen-hr.py   (Debian: python3-openpyxl)"""
import csv, datetime, re
import openpyxl

def cell(header, v):
    if v == "":
        return None
    if header == "工号":
        return int(v)
    if header == "党费基数":
        return float(re.sub(r"[,元]", "", v)) if "." in v else int(re.sub(r"[,元]", "", v))
    m = re.fullmatch(r"(\d{4})\D(\d{1,2})\D(\d{1,2})\D?", v)
    if m:
        return datetime.date(*map(int, m.groups()))
    return v

with open("2026-12.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
wb = openpyxl.Workbook()
wb.active.title = "说明"
wb.active.append(["2026年12月人员信息导出"])
ws = wb.create_sheet("人员信息")
ws.append(rows[0])
for r in rows[1:]:
    ws.append([cell(h, v) for h, v in zip(rows[0], r)])
    for c in ws[ws.max_row]:
        if isinstance(c.value, datetime.date):
            c.number_format = "yyyy/m/d"
wb.save("2026-12.xlsx")
