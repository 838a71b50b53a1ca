#!/bin/sh
# Messages follow the locale (docs/i18n.md): with LANG=zh_CN.UTF-8 (LC_ALL,
# LC_MESSAGES and LANGUAGE unset) a load error from the library — after its
# untranslated "file:line:col: " prefix — an error of the CLI and --help come
# out in Chinese; with LANG=C the same, byte for byte, in English. The CLI
# reads the build tree's catalogues through PBO_LOCALEDIR.
#
# Usage: i18n-test.sh PBO LOCALEDIR
# Needs the zh_CN.UTF-8 locale (Debian: locales, then
# `localedef -i zh_CN -f UTF-8 zh_CN.UTF-8`): skipped (77) without it,
# except on CI (CI set), where that fails.
set -eu
pbo=$1; localedir=$2
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
[ $fail -eq 0 ] && echo "i18n test passed"
exit $fail
