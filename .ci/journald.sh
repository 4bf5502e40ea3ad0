#!/bin/sh
# Starts a standalone systemd-journald for tests on machines without systemd as PID 1
# (CI containers). Idempotent: does nothing when a journald already answers. A socket left
# behind by a journald that was killed (its machine kept /run) does not count: connecting
# to it is refused, so the stale sockets are removed and a new journald is started.
set -eu
socket=/run/systemd/journal/socket
listening() {
    [ -S "$socket" ] && systemd-cat -t ogiwatch-ci true 2>/dev/null
}
if listening; then
    exit 0
fi
command -v systemd-cat >/dev/null || { echo "journald.sh: systemd-cat not found; install the 'systemd' package" >&2; exit 1; }
mkdir -p /run/systemd/journal
# Test suites call this concurrently: one starts journald, the others wait and find it.
exec 9>/run/systemd/journal/.ogiwatch-ci.lock
flock 9
if listening; then
    exit 0
fi
rm -f /run/systemd/journal/socket /run/systemd/journal/stdout /run/systemd/journal/dev-log \
    /run/systemd/journal/io.systemd.journal
journald=/lib/systemd/systemd-journald
[ -x "$journald" ] || journald=/usr/lib/systemd/systemd-journald
if [ ! -x "$journald" ]; then
    echo "journald.sh: systemd-journald not found; install the 'systemd' package" >&2
    exit 1
fi
# setsid + nohup: the daemon outlives the test process that started it.
setsid nohup "$journald" >/dev/null 2>&1 </dev/null 9>&- &
i=0
while ! listening; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then
        echo "journald.sh: $socket did not answer within 10 s" >&2
        exit 1
    fi
    sleep 0.1
done
