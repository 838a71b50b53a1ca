#!/usr/bin/python3
"""pbo export --format xlsx: the workbook openpyxl reads holds the members
exactly as the member CSV does, and pbo import-csv reads it back into an
equal tree. Skipped (77) without openpyxl or when pbo was built without
libxlsxwriter (then it must refuse with exit status 2).
Without libzip (no .xlsx import) the import back is left out.
   xlsx-export-test.py PBO SRCDIR yes|no (libxlsxwriter) yes|no (libzip)"""
import csv, io, os, subprocess, sys, tempfile

pbo, src, have = sys.argv[1], sys.argv[2], sys.argv[3] == "yes"
can_import = sys.argv[4] == "yes"

def run(*args, status=0):
    r = subprocess.run([pbo] + list(args), capture_output=True, text=True)
    if r.returncode != status:
        sys.exit("pbo %s: exit %d, expected %d\n%s" % (" ".join(args), r.returncode, status,
                                                      r.stderr))
    return r.stdout

with tempfile.TemporaryDirectory() as d:
    a, b, x = (os.path.join(d, n) for n in ("a.xml", "b.xml", "a.xlsx"))
    run("init", a, "--id", "b1", "--kind", "branch", "--name", "一支部")
    with open(a, "rb") as f, open(b, "wb") as g:
        g.write(f.read())
    run("import-csv", a, "--branch", "b1", "--id-prefix", "s", "--map", "备注=-",
        os.path.join(src, "tests/data/hr/2026-11.csv"))
    if not have:
        run("export", a, "--format", "xlsx", "-o", x, status=2)
        sys.exit(77)
    try:
        import openpyxl
    except ImportError:
        sys.exit(77)
    run("export", a, "--format", "xlsx", "--month", "2026-11", "-o", x)
    wb = openpyxl.load_workbook(x)
    assert wb.sheetnames == ["members", "statistics", "dues", "findings"], wb.sheetnames
    got = [["" if v is None else str(v) for v in r] for r in wb["members"].iter_rows(values_only=True)]
    want = list(csv.reader(io.StringIO(run("export", a, "--format", "csv", "--raw"))))
    assert got == want, (got, want)
    stats = list(wb["statistics"].iter_rows(values_only=True))
    assert stats[1][0] == "b1" and stats[1][8] == 3, stats
    dues = list(wb["dues"].iter_rows(values_only=True))
    assert dues[0][:3] == ("branch", "member", "name") and len(dues) >= 4, dues
    assert wb["findings"]["A1"].value == "severity"
    # The workbook imports back: the same members, field for field.
    if can_import:
        run("import-csv", b, x)
        assert run("export", b, "--format", "csv") == run("export", a, "--format", "csv")
    # Without -o there is no terminal workbook.
    run("export", a, "--format", "xlsx", status=2)
print("ok")
