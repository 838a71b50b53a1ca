#!/bin/sh
# Messages follow the locale (docs/i18n.md): with LANG=zh_CN.UTF-8 (LC_ALL,
# LC_MESSAGES and LANGUAGE unset) a load error from the library — after its
# untranslated "file:line:col: " prefix — an error of the CLI and --help come
# out in Chinese; with LANG=C the same, byte for byte, in English. The CLI
# reads the build tree's catalogues through PBO_LOCALEDIR.
# Then the text tables of tree, stats, dues, meetings, report, recruits,
# log, diff, check and apply's summary on examples/data, under LANG=zh_CN.UTF-8: their
# headings are Chinese and no English word for a kind, status, employment,
# stage, meeting type, role, severity or state is left in them.
#
# Usage: i18n-test.sh PBO LOCALEDIR SRCDIR
# Needs the zh_CN.UTF-8 locale (Debian: locales, then
# `localedef -i zh_CN -f UTF-8 zh_CN.UTF-8`): skipped (77) without it,
# except on CI (CI set), where that fails.
set -eu
pbo=$1; localedir=$2; data=$3/examples/data
if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'; then
  if [ -n "${CI:-}" ]; then
    echo "the zh_CN.UTF-8 locale is missing (localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)" >&2; exit 1
  fi
  echo "no zh_CN.UTF-8 locale: skipped"; exit 77
fi
if [ ! -f "$localedir/zh_CN/LC_MESSAGES/libpbo.mo" ]; then
  echo "$localedir/zh_CN/LC_MESSAGES/libpbo.mo was not built" >&2; exit 1
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '<pbo xmlns="urn:libpbo:1" version="1">\n<org id="a" kind="branchx" name="x"/>\n</pbo>\n' > "$tmp/bad.xml"
printf '<pbo xmlns="urn:libpbo:1" version="1">\n<org id="a" kind="branch" name="x"/>\n</pbo>\n' > "$tmp/good.xml"

fail=0
# run LANG EXPECTED-STATUS ARGS…: the program's stdout and stderr in $tmp/out.
run () {
  lang=$1; want=$2; shift 2
  status=0
  env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="$lang" PBO_LOCALEDIR="$localedir" \
    "$pbo" "$@" > "$tmp/out" 2>&1 || status=$?
  if [ "$status" -ne "$want" ]; then
    echo "LANG=$lang pbo $*: exit $status, expected $want" >&2; cat "$tmp/out" >&2; fail=1
  fi
}
# expect TEXT: $tmp/out holds the line TEXT (fixed string).
expect () {
  if ! grep -qxF -- "$1" "$tmp/out"; then
    echo "expected the line: $1" >&2; echo "got:" >&2; cat "$tmp/out" >&2; fail=1
  fi
}

# A load error: the library's message, after the position.
run zh_CN.UTF-8 2 validate "$tmp/bad.xml"
expect "$tmp/bad.xml:2:36: 党组织“a”：类别“branchx”不是 committee（党委）、general-branch（党总支）、branch（党支部）或 group（党小组）"
run C 2 validate "$tmp/bad.xml"
expect "$tmp/bad.xml:2:36: org “a”: kind “branchx” is not committee, general-branch, branch or group"
# An error of the CLI itself.
run zh_CN.UTF-8 2 dues "$tmp/good.xml"
expect "pbo dues：必须指定 --month YYYY-MM"
run C 2 dues "$tmp/good.xml"
expect "pbo dues: --month YYYY-MM is required"
# --help: a command's (GOption: summary, options, description) and the tool's.
run zh_CN.UTF-8 0 tree --help
expect "显示党组织树及各组织的党员人数。"
expect "  --org=ID             只处理该党组织及其下级组织"
expect "退出状态：0 正常，1 发现问题或存在差异，2 输入或用法有误。"
run C 0 tree --help
expect "Print the organisation tree with member counts."
expect "  --org=ID             Only this org's subtree"
run zh_CN.UTF-8 0 --help
expect "用法：pbo 命令 [选项…] 参数"
expect "  check      FILE      按党内法规检查组织设置；有错误时退出状态为 1"
run C 0 --help
expect "Usage: pbo COMMAND [OPTION…] ARGS"
# Contracts stay as they are in every language: CSV headers, enum spellings.
run zh_CN.UTF-8 0 stats "$tmp/good.xml" --format csv
expect "id,kind,name,child_orgs,committees,general_branches,branches,groups,members,full,probationary,in_service,retired"
expect "a,branch,x,0,0,0,0,0,0,0,0,0,0"
# The text tables. english_words: the words that must not show through.
english_words='committee|general-branch|branch|group|full|probationary|in-service|retired'
english_words="$english_words|info|warning|error|applicant|activist|candidate|admission"
english_words="$english_words|general-assembly|lecture|theme-day|life-meeting|member-review"
english_words="$english_words|secretary|deputy-secretary|held|required|MISSING|yuan|members?"
english_words="$english_words|ready|never|Dues|Meetings|Statistics|ORGANISATION|KIND|Total"
english_words="$english_words|added|removed|renamed|moved|transferred|appointed|dismissed|vacated"
# table STATUS EXPECTED-LINE-PATTERN ARGS…: pbo ARGS under zh_CN exits with
# STATUS, prints a line matching the (grep -E) pattern, and no English word.
table () {
  want=$1; pattern=$2; shift 2
  run zh_CN.UTF-8 "$want" "$@"
  if ! grep -qE -- "$pattern" "$tmp/out"; then
    echo "pbo $*: no line matches $pattern:" >&2; cat "$tmp/out" >&2; fail=1
  fi
  # Rule sources are citations ("…2018, art. 11"), kept as they are.
  if sed 's/ \[[^]]*\]$//' "$tmp/out" | grep -owE "$english_words" > "$tmp/words"; then
    echo "pbo $*: English words in the Chinese text: $(sort -u "$tmp/words" | tr '\n' ' ')" >&2
    fail=1
  fi
}
run C 0 apply "$data/wujiang-2014.xml" "$data/wujiang-plan.xml" -o "$tmp/wj.xml" --date 2015-01-20
table 0 '^党组织 +类别 +党员 +正式党员 +预备党员 +在职 +离退休$' tree "$data/jianghai.xml"
table 0 '^  江海区卫生健康局机关党支部 \(jh-jg\) +党支部 +12 ' tree "$data/jianghai.xml"
table 0 '（jh-hb，党委）' stats "$data/jianghai.xml"
table 0 '^2024-03 应交党费$' dues --month 2024-03 "$data/jianghai.xml"
table 0 '^合计：[0-9.]+ 元$' dues --month 2024-03 "$data/jianghai.xml"
table 1 '^  支委会 +已开 +[0-9]+ 次  应开 +[0-9]+ 次（每 1 个月一次）' meetings --from 2024-01-01 --to 2024-12-31 "$data/jianghai.xml"
table 1 '^2024-01-01 至 2024-12-31 的会议$' meetings --from 2024-01-01 --to 2024-12-31 "$data/jianghai.xml"
table 0 '^党组织： +党委 1，党总支 0，党支部 9，党小组 0$' report "$data/jianghai.xml"
table 0 '^单位	类别	党支部	党员	正式党员	预备党员	在职	离退休$' report "$data/jianghai.xml"
table 0 ' 入党申请人（[0-9-]+ 申请入党）：下一步确定为入党积极分子' recruits "$data/jianghai.xml"
table 0 ' 入党积极分子（.*）：下一步列为发展对象' recruits "$data/jianghai.xml"
table 0 ' 发展对象（.*）：下一步接收为预备党员' recruits "$data/jianghai.xml"
table 0 '^#4 +2015-01-20  合并 +wj-jsw  新：wj-wsj-jg' log "$tmp/wj.xml"
table 0 '免去职务：wj-jsw:书记:' log "$tmp/wj.xml"
table 1 '^党员 wj0664 转接组织关系：wj-jsw → wj-fbs$' diff "$data/wujiang-2014.xml" "$tmp/wj.xml"
table 1 '^新设党委 wj-wjw ' diff "$data/wujiang-2014.xml" "$tmp/wj.xml"
table 0 '^ 调整前  调整后  党组织$' apply -n --date 2015-01-20 "$data/wujiang-2014.xml" "$data/wujiang-plan.xml"
table 0 '^ +641  已撤销  吴江区卫生局党委 \(wj-wsj\)$' apply -n --date 2015-01-20 "$data/wujiang-2014.xml" "$data/wujiang-plan.xml"
table 1 '^wj-jsw: 错误 PBO-T001: ' check "$data/wujiang-2014.xml"
table 1 ': 警告 PBO-L00[0-9]: ' check "$data/wujiang-2014.xml"
# CSV import errors, whole sentences in Chinese (the values quoted as typed).
printf 'id,姓名,性别,入党日期,党员类别,在职状态\nm901,张三,x,2020-01-01,正式,在职\nm902,李四,男,2020-01-01,foo,在职\n' \
  > "$tmp/bad.csv"
run zh_CN.UTF-8 2 import-csv "$data/jianghai.xml" "$tmp/bad.csv" --branch jh-jg -n
expect "$tmp/bad.csv:2: 性别: gender=“x”无效（应为 male（男）或 female（女））"
expect "$tmp/bad.csv:3: 党员类别: status=“foo”无效（应为 full（正式党员）或 probationary（预备党员））"
expect "$tmp/bad.csv：2 处问题：未导入任何党员"
printf 'id,name\nm1,"abc\n' > "$tmp/open.csv"
run zh_CN.UTF-8 2 import-csv "$data/jianghai.xml" "$tmp/open.csv" --branch jh-jg -n
expect "$tmp/open.csv:2:4: 带引号的字段没有结束（缺少一个引号）"
# The CSV of the same stays English: a contract.
run zh_CN.UTF-8 0 recruits "$data/jianghai.xml" --format csv
expect "branch,id,name,stage,applied,activist-since,candidate-since,next,eligible-on,ready"
[ $fail -eq 0 ] && echo "i18n test passed"
exit $fail
