#!/usr/bin/python3
"""Writes members.xlsx (with openpyxl, as a real spreadsheet program writes
it: shared strings, numbers, date cells with a date format, booleans, an
empty cell in the middle of a row), members-1904.xlsx (the same sheet in
the 1904 date system of old Mac workbooks) and members.csv, the same
members as CSV, which test-xlsx compares against. Deterministic apart
from the workbook's timestamps, which the reader ignores.
   /usr/bin/python3 gen-members.py   (Debian: python3-openpyxl)"""
import csv, datetime
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HEAD = ["编号", "姓名", "性别", "出生日期", "入党日期", "转正日期", "党员类别",
        "在职状态", "科室", "党费基数", "流动党员", "身份证号"]
D = datetime.date
ROWS = [
    ["x0001", "张海", "男", D(1975, 3, 2), D(2001, 6, 20), D(2002, 6, 20), "正式党员",
     "在职", "内科", 4000.5, False, "11010519491231002X"],
    ["x0002", "李梅", "女", D(1988, 11, 30), D(2023, 7, 1), None, "预备党员",
     "在职", None, 6200, True, None],
    ["x0003", "王建国", "男", D(1950, 1, 1), D(1972, 5, 4), D(1973, 5, 4), "正式党员",
     "退休", "离退休办", 3500, False, None],
]

def write(path, epoch=None):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "党员"
    ws.append(HEAD)
    for r in ROWS:
        ws.append(r)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, D):
                cell.number_format = "yyyy-mm-dd"
    wb.create_sheet("其他").append(["not", "read"])
    wb.save(path)

def text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, D):
        return v.isoformat()
    if isinstance(v, float) and v != int(v):
        return repr(v)
    return str(int(v)) if isinstance(v, (int, float)) else v

write("members.xlsx")
write("members-1904.xlsx", CALENDAR_MAC_1904)
with open("members.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(HEAD)
    for r in ROWS:
        w.writerow([text(v) for v in r])

# The same members as Excel itself stores them: shared strings (one with
# rich-text runs and a phonetic guide that is not part of the value),
# t="b" booleans, a built-in date format (14), an absolute relationship
# target, and cells without an r attribute. Written by hand with zipfile,
# since openpyxl writes inline strings only.
import zipfile
def excel_style(path):
    strings = []
    def s(v):
        if v not in strings:
            strings.append(v)
        return strings.index(v)
    def serial(d):
        return (d - D(1899, 12, 30)).days
    rows = []
    for i, r in enumerate([HEAD] + ROWS, start=1):
        cells = []
        for j, v in enumerate(r):
            ref = "" if j == 1 else ' r="%s%d"' % ("ABCDEFGHIJKL"[j], i)
            if v is None:
                continue
            if isinstance(v, bool):
                cells.append('<c%s t="b"><v>%d</v></c>' % (ref, v))
            elif isinstance(v, D):
                cells.append('<c%s s="1"><v>%d</v></c>' % (ref, serial(v)))
            elif isinstance(v, (int, float)):
                cells.append('<c%s><v>%s</v></c>' % (ref, repr(v)))
            else:
                cells.append('<c%s t="s"><v>%d</v></c>' % (ref, s(v)))
        rows.append('<row r="%d">%s</row>' % (i, "".join(cells)))
    def si(v):
        if v == "张海":   # rich text in two runs, and a phonetic guide
            return '<si><r><t>张</t></r><r><rPr><b/></rPr><t>海</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></si>'
        return "<si><t>%s</t></si>" % v
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook %s %s><sheets><sheet name="党员" sheetId="1" r:id="rId7"/></sheets></workbook>' % (ns, rel),
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0"?><styleSheet %s><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>' % ns,
        "xl/worksheets/data.xml": '<?xml version="1.0"?><worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, "".join(rows)),
    }
    parts["xl/sharedStrings.xml"] = '<?xml version="1.0"?><sst %s>%s</sst>' % (ns, "".join(si(v) for v in strings))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), parts[name])

excel_style("members-excel.xlsx")
