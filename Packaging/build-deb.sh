#!/bin/sh
# Builds the Debian package of ogiwatch from a release build with the Swift standard library
# and Foundation linked statically, so the package needs no Swift toolchain.
#
#   Packaging/build-deb.sh            -> .build-deb/ogiwatch_<version>_<arch>.deb
#
# Environment: OGIWATCH_RELEASE_SCRATCH (default .build-release), OGIWATCH_DEB_DIR (default
# .build-deb). Needs dpkg-deb, binutils (objdump, strip), gzip; no debhelper.
set -eu
cd "$(dirname "$0")/.."
scratch=${OGIWATCH_RELEASE_SCRATCH:-.build-release}
out=${OGIWATCH_DEB_DIR:-.build-deb}

swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product ogiwatch >&2
bin="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/ogiwatch"

# The Swift runtime and Foundation must be inside the binary.
if ldd "$bin" | grep -Eq 'libswift|libFoundation|lib_FoundationICU|libdispatch|libBlocksRuntime'; then
    echo "build-deb.sh: $bin still links Swift runtime libraries dynamically:" >&2
    ldd "$bin" >&2
    exit 1
fi

version=$("$bin" --version)
arch=$(dpkg --print-architecture)
# Packaging/changelog names the version and the maintainer; it must describe this binary.
changelog_version=$(sed -n '1s/^ogiwatch (\([^)]*\)).*/\1/p' Packaging/changelog)
if [ "$changelog_version" != "$version" ]; then
    echo "build-deb.sh: Packaging/changelog is at $changelog_version but the binary is $version; add a changelog entry" >&2
    exit 1
fi
maintainer=$(sed -n 's/^ -- \(.*>\)  .*/\1/p' Packaging/changelog | head -n1)
stage="$out/stage"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN"

put() { # put MODE SOURCE DEST
    install -D -m "$1" "$2" "$stage$3"
}

put 0755 "$bin" /usr/bin/ogiwatch
strip --strip-unneeded "$stage/usr/bin/ogiwatch"
for rule in Rules/*.yaml; do
    put 0644 "$rule" "/usr/share/ogiwatch/rules/$(basename "$rule")"
done
put 0644 Packaging/ogiwatch.yaml /etc/ogiwatch/ogiwatch.yaml
put 0644 Packaging/ogiwatch.service /lib/systemd/system/ogiwatch.service
# The summary and mail units, where the tree has them.
for unit in Packaging/ogiwatch-*.service Packaging/ogiwatch-*.timer; do
    [ -f "$unit" ] && put 0644 "$unit" "/lib/systemd/system/$(basename "$unit")"
done
put 0644 Packaging/ogiwatch.sysusers /usr/lib/sysusers.d/ogiwatch.conf
put 0644 Packaging/ogiwatch.tmpfiles /usr/lib/tmpfiles.d/ogiwatch.conf
put 0644 README.md /usr/share/doc/ogiwatch/README.md
put 0644 Packaging/copyright /usr/share/doc/ogiwatch/copyright
put 0644 Packaging/lintian-overrides /usr/share/lintian/overrides/ogiwatch

# Generated from the binary and the rules it ships, so they cannot drift apart.
mkdir -p "$stage/usr/lib/systemd/catalog" "$stage/usr/share/man/man8" \
    "$stage/usr/share/bash-completion/completions" "$stage/usr/share/zsh/vendor-completions" \
    "$stage/usr/share/fish/vendor_completions.d"
"$stage/usr/bin/ogiwatch" rules catalog --rules Rules >"$stage/usr/lib/systemd/catalog/ogiwatch.catalog"
# bash-completion sources the script, so it carries no #! line.
"$stage/usr/bin/ogiwatch" --generate-completion-script bash | sed '1{/^#!/d}' >"$stage/usr/share/bash-completion/completions/ogiwatch"
"$stage/usr/bin/ogiwatch" --generate-completion-script zsh >"$stage/usr/share/zsh/vendor-completions/_ogiwatch"
"$stage/usr/bin/ogiwatch" --generate-completion-script fish >"$stage/usr/share/fish/vendor_completions.d/ogiwatch.fish"
gzip -9n <Packaging/ogiwatch.8 >"$stage/usr/share/man/man8/ogiwatch.8.gz"
# A native package: its Debian changelog is changelog.gz (Debian Policy 12.7).
gzip -9n <Packaging/changelog >"$stage/usr/share/doc/ogiwatch/changelog.gz"
find "$stage" -path "$stage/DEBIAN" -prune -o -type f -exec chmod go-w {} +

# Depends: the shlibs entry of every library the binary needs, plus the tools it runs:
# pdftotext (poppler-utils), prlimit (util-linux, essential, so versioned: prlimit came in
# 2.21), /bin/kill for ExecReload= (procps), systemd-sysusers, systemd-tmpfiles and
# journalctl in postinst (systemd), deb-systemd-helper in the maintainer scripts
# (init-system-helpers, essential).
# Like dpkg-shlibdeps: a library with a symbols file gets the lowest version that has every
# symbol the binary takes from it; one without gets its shlibs entry.
shlib_depends() {
    objdump -T "$bin" | awk '/\*UND\*/ { n = $NF; v = $(NF-1); if (v ~ /^\(/) { gsub(/[()]/, "", v); print n "@" v } else print n }' \
        >"$out/undefined"
    for soname in $(objdump -p "$bin" | awk '$1 == "NEEDED" { print $2 }'); do
        dep=$(cat /var/lib/dpkg/info/*.symbols 2>/dev/null | awk -v lib="$soname" -v list="$out/undefined" '
            BEGIN { while ((getline line < list) > 0) wanted[line] = 1 }
            /^[^ *|#]/ { inside = ($1 == lib); if (inside) { pkg = $2 }; next }
            inside && /^ / && ($1 in wanted) { print pkg, $2 }' | sort -k2,2V | tail -n1)
        if [ -n "$dep" ]; then
            case "$dep" in *" 0") dep="${dep%% *}" ;; *) dep="${dep%% *} (>= ${dep#* })" ;; esac
        else
            name=${soname%%.so*}
            major=${soname##*.so.}
            dep=$(cat /var/lib/dpkg/info/*.shlibs 2>/dev/null | awk -v n="$name" -v m="$major" \
                '$1 == n && $2 == m && !seen { $1 = ""; $2 = ""; sub(/^ +/, ""); print; seen = 1 }')
        fi
        if [ -z "$dep" ]; then
            path=$(ldd "$bin" | awk -v s="$soname" '$1 == s { print $3 }')
            dep=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n1 | cut -d: -f1)
        fi
        [ -n "$dep" ] || { echo "build-deb.sh: no package provides $soname" >&2; exit 1; }
        echo "$dep"
    done
}
mkdir -p "$out"
shlib_depends >"$out/depends"
# One entry per package, the highest version wanted.
depends=$( { cat "$out/depends"; echo "poppler-utils"; echo "util-linux (>= 2.21)"; echo "procps"; echo "systemd";
    echo "init-system-helpers (>= 1.54~)"; } \
    | sort -k1,1 -k3,3V | awk '{ last[$1] = $0 } END { for (p in last) print last[p] }' | sort | paste -sd, - | sed 's/,/, /g')

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<EOF
Package: ogiwatch
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: $depends
Recommends: default-mta | mail-transport-agent, libreoffice-writer-nogui | libreoffice-writer
Section: admin
Priority: optional
Description: checker for Open Government Information annual reports
 ogiwatch checks the annual reports on Open Government Information work
 that Chinese government organs publish: the six sections, the statistical
 tables, the information processing fee statement and more, against a rule
 set kept as YAML. It runs as a sandboxed systemd service watching drop
 folders with inotify, records checked versions in an SQLite ledger and
 writes each finding to the journal with one MESSAGE_ID per rule; the same
 engine runs one-shot as "ogiwatch check".
EOF
echo /etc/ogiwatch/ogiwatch.yaml >"$stage/DEBIAN/conffiles"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort | xargs md5sum) \
    >"$stage/DEBIAN/md5sums"

# The maintainer scripts do what dh_installsystemd generates: deb-systemd-helper enables
# the service and the daily summary timer on first installation (and keeps an
# administrator's disable across upgrades), deb-systemd-invoke starts them, and purge
# removes the symlinks. The summary and mail services are started by the timer only.
units="'ogiwatch.service' 'ogiwatch-summary.timer'"
cat >"$stage/DEBIAN/postinst" <<EOF
#!/bin/sh
set -e
if [ "\$1" = configure ]; then
    systemd-sysusers \${DPKG_ROOT:+--root="\$DPKG_ROOT"} ogiwatch.conf
    systemd-tmpfiles \${DPKG_ROOT:+--root="\$DPKG_ROOT"} --create ogiwatch.conf || true
    journalctl --update-catalog || true
fi
if [ "\$1" = configure ] || [ "\$1" = abort-upgrade ] || [ "\$1" = abort-deconfigure ] || [ "\$1" = abort-remove ]; then
    for unit in $units; do
        deb-systemd-helper unmask "\$unit" >/dev/null || true
        if deb-systemd-helper --quiet was-enabled "\$unit"; then
            deb-systemd-helper enable "\$unit" >/dev/null || true
        else
            deb-systemd-helper update-state "\$unit" >/dev/null || true
        fi
    done
    if [ -d /run/systemd/system ]; then
        systemctl --system daemon-reload >/dev/null || true
        if [ -n "\$2" ]; then action=restart; else action=start; fi
        deb-systemd-invoke \$action $units >/dev/null || true
    fi
fi
exit 0
EOF
cat >"$stage/DEBIAN/prerm" <<EOF
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "\$1" = remove ]; then
    deb-systemd-invoke stop $units >/dev/null || true
fi
exit 0
EOF
cat >"$stage/DEBIAN/postrm" <<EOF
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "\$1" = remove ]; then
    systemctl --system daemon-reload >/dev/null || true
fi
if [ "\$1" = remove ]; then
    journalctl --update-catalog >/dev/null 2>&1 || true
    if command -v deb-systemd-helper >/dev/null; then
        deb-systemd-helper mask $units >/dev/null || true
    fi
fi
if [ "\$1" = purge ]; then
    if command -v deb-systemd-helper >/dev/null; then
        deb-systemd-helper purge $units >/dev/null || true
        deb-systemd-helper unmask $units >/dev/null || true
    fi
    rm -rf /var/lib/ogiwatch
fi
exit 0
EOF
chmod 0755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm" "$stage/DEBIAN/postrm"

deb="$out/ogiwatch_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >&2
echo "$deb"
