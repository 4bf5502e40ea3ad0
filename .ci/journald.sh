#!/bin/sh
# Starts a standalone systemd-journald for tests on machines without systemd as PID 1
# (CI containers). Idempotent: does nothing when a journal socket already exists.
set -eu
socket=/run/systemd/journal/socket
if [ -S "$socket" ]; then
    exit 0
fi
mkdir -p /run/systemd/journal
journald=/lib/systemd/systemd-journald
[ -x "$journald" ] || journald=/usr/lib/systemd/systemd-journald
if [ ! -x "$journald" ]; then
    echo "journald.sh: systemd-journald not found; install the 'systemd' package" >&2
    exit 1
fi
# setsid + nohup: the daemon outlives the test process that started it.
setsid nohup "$journald" >/dev/null 2>&1 < /dev/null &
i=0
while [ ! -S "$socket" ]; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then
        echo "journald.sh: $socket did not appear within 10 s" >&2
        exit 1
    fi
    sleep 0.1
done
