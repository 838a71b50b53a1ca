#!/bin/sh
# The HTML report as a person sees it: headless Chromium opens the page
# pbo wrote, with name resolution switched off and a network log kept, and
# renders it to PNG and to A4 PDF. Asserted: no console message, no
# request the page made (the browser's own background calls to Google's
# update and account hosts are not the page's and are filtered out), the
# DOM after layout holds seed 001's and Jianghai's figures, every section
# starts a printed page, and a Chinese locale gives a Chinese page.
# Skipped (77) without chromium, or without pdftotext (poppler-utils).
# Usage: html-render-test.sh BUILDDIR SRCDIR
set -eu
build=$1 src=$2
pbo=$build/examples/pbo/pbo
[ -x "$pbo" ] || pbo=$build/examples/pbo
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium not found: skipped"; exit 77; }
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null \
  || { echo "pdftotext not found: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PBO_LOCALEDIR="$build/po"

fail() { echo "FAIL: $*" >&2; exit 1; }

# Runs the browser on $1 with the remaining arguments; its log in $tmp/log.
browse() {
  page=$1; shift
  rm -rf "$tmp/profile"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$tmp/profile" \
    --host-resolver-rules='MAP * ~NOTFOUND' --log-net-log="$tmp/net.json" \
    --enable-logging=stderr --v=0 --window-size=1200,1600 \
    "$@" "file://$page" 2>"$tmp/log"
  if grep -q 'CONSOLE' "$tmp/log"; then
    grep 'CONSOLE' "$tmp/log" >&2; fail "console messages on $page"
  fi
  requests=$(grep -o '"url":"[^"]*"' "$tmp/net.json" | sort -u \
             | grep -v -E '"url":"https?://[a-z0-9.-]*(google\.com|googleapis\.com)[/:]' || true)
  [ -z "$requests" ] || { echo "$requests" >&2; fail "network requests from $page"; }
}

figure() {  # FILE NAME VALUE: the element data-figure=NAME holds VALUE
  grep -q "data-figure=\"$2\"[^>]*>$3<" "$1" || fail "$1: $2 is not $3"
}

for sample in city-health jianghai; do
  LANG=C LC_ALL=C "$pbo" report "$src/examples/data/$sample.xml" --format html \
    --on 2024-06-30 -o "$tmp/$sample.html" || fail "pbo report $sample"
  browse "$tmp/$sample.html" --dump-dom > "$tmp/$sample.dom"
  grep -q '</html>' "$tmp/$sample.dom" || fail "$sample: no DOM"
  browse "$tmp/$sample.html" --screenshot="$tmp/$sample.png"
  [ "$(head -c 4 "$tmp/$sample.png" | od -An -c | tr -d ' ')" = '211PNG' ] || fail "$sample: no PNG"
  browse "$tmp/$sample.html" --no-pdf-header-footer --print-to-pdf="$tmp/$sample.pdf"
  pages=$(pdfinfo "$tmp/$sample.pdf" | awk '/^Pages:/ {print $2}')
  # Every section's heading is the first line of a printed page.
  for heading in Statistics Findings 三会一课 'Party dues' Recruitment; do
    found=no
    i=1
    while [ "$i" -le "$pages" ]; do
      first=$(pdftotext -f "$i" -l "$i" "$tmp/$sample.pdf" - | grep -v '^\s*$' | head -n 1)
      [ "$first" = "$heading" ] && { found=yes; break; }
      i=$((i + 1))
    done
    [ "$found" = yes ] || fail "$sample: section '$heading' does not start a page"
  done
  echo "$sample: $pages A4 pages, PNG $(wc -c < "$tmp/$sample.png") bytes"
done

# Seed 001 (examples/data/city-health.xml), read back from the rendered DOM.
d=$tmp/city-health.dom
figure "$d" units.all 12
figure "$d" units.committee 6
figure "$d" units.general-branch 3
figure "$d" units.branch 3
figure "$d" orgs.branch 144
figure "$d" members.all 3151
figure "$d" employment.in-service 2411
figure "$d" employment.retired 740
figure "$d" meetings.branches 144
d=$tmp/jianghai.dom
figure "$d" orgs.branch 9
figure "$d" members.all 127
figure "$d" recruits.candidate 1
figure "$d" chart.orgs 10

# Chinese: the language tag and the headings follow the locale.
if locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
  LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$pbo" report "$src/examples/data/jianghai.xml" \
    --format html --on 2024-06-30 -o "$tmp/zh.html"
  browse "$tmp/zh.html" --dump-dom > "$tmp/zh.dom"
  grep -q '<html lang="zh-CN">' "$tmp/zh.dom" || fail "zh: lang is not zh-CN"
  grep -q '统计' "$tmp/zh.dom" || fail "zh: headings are not Chinese"
  figure "$tmp/zh.dom" members.all 127
fi
echo "html render: ok"
