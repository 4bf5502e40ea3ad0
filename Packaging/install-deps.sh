#!/bin/sh
# Installs the Debian packages ogiwatch needs to build, test and run:
#   libsystemd-dev   journal and sd_notify (CSystemd)
#   poppler-utils    pdftotext for PDF reports
#   libreoffice-writer-nogui  soffice converts .doc and .wps reports to .docx (headless, no GUI)
#   systemd          systemd-journald (started standalone by the tests when none runs)
#   rsync, python3   integration tests (rsync drops, MIME parsing)
#   exim4-daemon-light  sendmail for the daily summary (local delivery in the mail test)
# Idempotent and non-interactive; uses sudo when not root.
set -eu
packages="libsystemd-dev poppler-utils libreoffice-writer-nogui systemd rsync python3 util-linux exim4-daemon-light"
# Packaging tests: debootstrap (a clean Debian 12 root for the .deb), systemd-journal-remote
# (journal forwarding on loopback), man-db (man -l), binutils (objdump and strip in build-deb.sh),
# systemd-container (systemd-nspawn boots the clean root to run the installed service),
# lintian (the .deb's checks), chromium (renders the daily summary's HTML part headless).
packages="$packages debootstrap systemd-journal-remote man-db binutils systemd-container lintian chromium"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "installing:$missing" >&2
run env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
