#!/usr/bin/env bash
# Installs what ogiwatch needs, builds it, and runs the watcher on a demo drop folder:
# the demo reports are dropped with cp, mv and rsync, and the findings are read back from
# the systemd journal with journalctl. Stops by itself; the folder stays for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
Packaging/install-deps.sh
swift build --product ogiwatch 2>&1 | tail -n 1
bin=$(swift build --show-bin-path)/ogiwatch
demo=${OGIWATCH_DEMO_DIR:-/tmp/ogiwatch-demo}
rm -rf "$demo"
mkdir -p "$demo/drop" "$demo/state" "$demo/incoming"
.ci/journald.sh
start=$(date +%s)
"$bin" run --watch "$demo/drop" --state "$demo/state" --settle 300ms --rules Rules 2>"$demo/ogiwatch.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
sleep 1
reports=(Tests/Reports/seeds/*.txt)
cp "${reports[0]}" "${reports[1]}" "$demo/drop/"
cp "${reports[2]}" "$demo/incoming/" && mv "$demo/incoming/$(basename "${reports[2]}")" "$demo/drop/"
mkdir -p "$demo/drop/街道"
rsync -a "${reports[3]}" "${reports[4]}" "$demo/drop/街道/"
# Real published reports: a PDF and a saved web page.
cp Tests/Reports/real/hongze-district-2023.pdf Tests/Reports/real/web/shanghai-szfbgt_2019.html "$demo/drop/"
sleep 4
kill -TERM $pid
wait $pid || true
trap - EXIT
echo "== systemd 日志中演示投放目录 $demo/drop 的检查结果（journalctl SYSLOG_IDENTIFIER=ogiwatch）"
journalctl --no-pager --since "@$start" SYSLOG_IDENTIFIER=ogiwatch -o cat 2>/dev/null || cat "$demo/ogiwatch.log"
echo
echo "== 同一引擎的一次性检查：ogiwatch check $demo/drop"
"$bin" check --rules Rules "$demo/drop" || true
