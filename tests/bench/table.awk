# table.awk — run.sh's table for one size. Input: pbo-gen's GEN line, then
# every BENCH line of every run; the fastest run of each measurement is
# kept. Variables: runs, writer_same, pbo_same (yes / no / "").
# SPDX-License-Identifier: LGPL-2.1-or-later

function parse(line, kv,    i, n, f, eq) {
  split("", kv)
  n = split(line, f, " ")
  for (i = 2; i <= n; i++) {
    eq = index(f[i], "=")
    if (eq > 0) kv[substr(f[i], 1, eq - 1)] = substr(f[i], eq + 1)
  }
}

$1 == "GEN" { parse($0, gen); next }

$1 == "BENCH" {
  parse($0, kv)
  name = kv["name"]
  if (!(name in secs) || kv["secs"] + 0 < secs[name] + 0) {
    secs[name] = kv["secs"]; bytes[name] = kv["bytes"]; members[name] = kv["members"]
    rss[name] = kv["rss_kb"]; line[name] = $0
  }
}

function field(name, key,    kv) { parse(line[name], kv); return kv[key] }

function row(label, name, note,    mbs, per) {
  if (!(name in secs)) { printf "  %-40s %10s\n", label, "-"; return }
  mbs = bytes[name] > 0 && secs[name] > 0 ? sprintf("%9.1f", bytes[name] / secs[name] / 1e6) : "        -"
  per = members[name] > 0 ? sprintf("%8.0f", rss[name] * 1024 / members[name]) : "       -"
  printf "  %-40s %10.4f %s %9.1f %s  %s\n", label, secs[name], mbs, rss[name] / 1024, per, note
}

function ratio(label, a, b, target,    r) {
  if (!(a in secs) || !(b in secs) || secs[b] <= 0) { printf "  %-46s      -   %s\n", label, target; return }
  r = secs[a] / secs[b]
  printf "  %-46s %6.2f   %s\n", label, r, target
}

function ops_note(name) {
  return name in secs ? field(name, "us_per_op") " us/op, " field(name, "failed") " refused" : ""
}

END {
  printf "\n== %s members: %.1f MB of XML, %.1f bytes/member; best of %s runs ==\n",
    gen["members"], gen["bytes"] / 1e6, gen["bytes_per_member"], runs
  printf "   (%s committees, %s general branches, %s branches, %s groups; %s retired, %s probationary)\n",
    gen["committees"], gen["general_branches"], gen["branches"], gen["groups"], gen["retired"],
    gen["probationary"]
  printf "  %-40s %10s %9s %9s %8s  %s\n", "measurement", "seconds", "MB/s", "peak MB", "B/member", "notes"
  row("reader loop (xmlTextReader)", "reader", "")
  row("SAX2 push-parser loop", "sax", "")
  row("xmlTextWriter loop -> file", "writer", writer_same == "yes" ? "output identical to input" : "output DIFFERS from input")
  row("xmlTextWriter loop -> memory", "writer-mem", "")
  row("SQLite import (SAX2 + inserts + indexes)", "sqlite-import", "db " sprintf("%.0f", field("sqlite-import", "db_bytes") / 1e6) " MB")
  row("SQLite stats, root (recursive CTE)", "sqlite-stats-root", "")
  row("SQLite stats, each top-level org", "sqlite-stats-top", field("sqlite-stats-top", "orgs") " orgs")
  row("lxml iterparse -> dicts", "lxml-import", "")
  row("lxml stats, root", "lxml-stats-root", "")
  row("lxml stats, each top-level org", "lxml-stats-top", "")
  print "  -- libpbo --"
  row("libpbo import (pbo_xml_load_file)", "pbo-import", "RSS growth " field("pbo-import", "bytes_per_member") " B/member")
  row("libpbo import, every attribute set", "pbo-import-all", "pbo-import-all" in secs ? "RSS growth " field("pbo-import-all", "bytes_per_member") " B/member (" sprintf("%.0f", field("pbo-import-all", "bytes") / field("pbo-import-all", "members")) " B of XML each)" : "")
  row("libpbo export -> file (no fsync)", "pbo-export", pbo_same == "" ? "" : pbo_same == "yes" ? "output identical to input" : "output DIFFERS from input")
  row("libpbo export -> memory", "pbo-export-mem", "")
  row("libpbo stats, 1e6 calls on the root", "pbo-stats-call", "pbo-stats-call" in secs ? field("pbo-stats-call", "ns_per_call") " ns/call" : "")
  row("libpbo stats, tree + each top-level org", "pbo-stats-root", "pbo-stats-root" in secs ? sprintf("%.1f us", secs["pbo-stats-root"] * 1e6) : "")
  row("libpbo 1e5 random transfers", "pbo-transfers", ops_note("pbo-transfers"))
  row("libpbo 1e4 random branch moves", "pbo-org-moves", ops_note("pbo-org-moves"))
  row("libpbo merge of two largest commissions", "pbo-merge", "pbo-merge" in secs ? sprintf("%.0f us, ", secs["pbo-merge"] * 1e6) field("pbo-merge", "moved_orgs") " orgs, " field("pbo-merge", "moved_members") " members, stats " field("pbo-merge", "ok") : "")
  row("libpbo free", "pbo-free", "")
  print "  -- ratios of seconds (targets: DESIGN §7, issue 6) --"
  ratio("reader loop / SAX2 loop", "reader", "sax", "(DESIGN: ≈2.2, 182 vs 400 MB/s)")
  ratio("libpbo import / reader loop", "pbo-import", "reader", "target ≤ 1.5")
  ratio("libpbo import / SAX2 loop", "pbo-import", "sax", "")
  ratio("libpbo export / xmlTextWriter loop", "pbo-export", "writer", "target ≤ 1.2 (and ≥ 140 MB/s)")
  ratio("libpbo export to memory / writer to memory", "pbo-export-mem", "writer-mem", "")
  ratio("lxml import / libpbo import", "lxml-import", "pbo-import", "target ≥ 2")
  ratio("SQLite import / libpbo import", "sqlite-import", "pbo-import", "target > 1")
  ratio("SQLite root stats / libpbo root stats", "sqlite-stats-root", "pbo-stats-root", "target > 1")
  ratio("lxml import / SQLite import", "lxml-import", "sqlite-import", "")
}
