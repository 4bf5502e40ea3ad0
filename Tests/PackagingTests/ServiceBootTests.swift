import Foundation
import OgiwatchFixtures
import Testing

/// The installed service under a real systemd 252: the clean root with the package boots in
/// systemd-nspawn, and a oneshot probe unit drives the service the way an operator would
/// (a report dropped into the default drop folder, a reload, a stop), writes what it saw to
/// a file and powers the container off.
@Suite struct ServiceBootTests {
    static let probe = #"""
        #!/bin/sh
        # Runs inside the booted container as probe.service.
        out=/var/lib/ogiwatch-probe
        mkdir -p $out
        logged() { [ -n "$(journalctl -u ogiwatch OGIWATCH_EVENT=$1 --quiet -o cat --no-pager)" ]; }
        wait_for() { # wait_for SECONDS EVENT
            n=$(( $1 * 5 ))
            while [ $n -gt 0 ]; do logged $2 && return 0; sleep 0.2; n=$((n - 1)); done
            return 1
        }
        wait_for 60 started
        systemctl is-active ogiwatch >$out/active-before
        systemctl show ogiwatch -p Type -p User -p SupplementaryGroups -p NRestarts -p StatusText >$out/show
        install -m 0640 -g reports /root/seed.txt /srv/ogiwatch/drop/seed.txt
        wait_for 60 checked
        journalctl -u ogiwatch -o export --no-pager OGIWATCH_EVENT=checked >$out/checked
        journalctl -u ogiwatch -x --no-pager -o short OGIWATCH_SEVERITY=info >$out/explained
        systemctl reload ogiwatch
        wait_for 30 config-reloaded
        systemctl is-active ogiwatch >$out/active-after-reload
        # The sandboxed summary unit reads the ledger the service wrote (today, to stdout).
        mkdir -p /etc/systemd/system/ogiwatch-summary.service.d
        printf '[Service]\nExecStart=\nExecStart=/usr/bin/ogiwatch summary --config /etc/ogiwatch/ogiwatch.yaml --date %s --output -\n' \
            "$(TZ=Asia/Shanghai date +%F)" >/etc/systemd/system/ogiwatch-summary.service.d/today.conf
        systemctl daemon-reload
        systemctl start ogiwatch-summary.service
        systemctl show ogiwatch-summary -p LoadState -p Result -p ExecMainStatus >$out/summary
        journalctl -u ogiwatch-summary -o cat --no-pager >$out/summary-journal
        stat -c %a /var/lib/ogiwatch >$out/state-mode
        systemctl stop ogiwatch
        systemctl show ogiwatch -p Result -p ExecMainStatus >$out/stopped
        journalctl -u ogiwatch -o cat --no-pager >$out/journal
        touch $out/done
        """#

    static let probeUnit = """
        [Unit]
        Description=ogiwatch service probe
        After=ogiwatch.service
        Wants=ogiwatch.service

        [Service]
        Type=oneshot
        ExecStart=/bin/sh -c '/usr/local/sbin/ogiwatch-probe >/var/log/ogiwatch-probe.log 2>&1; systemctl poweroff'

        [Install]
        WantedBy=multi-user.target
        """

    @Test func serviceRunsUnderSystemd() throws {
        guard let nspawn = Tool.which("systemd-nspawn") else {
            Issue.record("systemd-nspawn is not installed (Packaging/install-deps.sh installs systemd-container)")
            return
        }
        let deb = try DebPackage.path()
        let (scratch, root) = try CleanRoot.copy()
        _ = scratch
        try FileManager.default.copyItem(atPath: deb, toPath: root + "/tmp/ogiwatch.deb")
        try FileManager.default.copyItem(atPath: try SharedFiles.seed("000").path, toPath: root + "/root/seed.txt")
        let install = try CleanRoot.run(root, "apt-get install -y -qq --no-install-recommends /tmp/ogiwatch.deb", seconds: 600)
        try #require(install.status == 0, "\(install.output)")

        try FileManager.default.createDirectory(atPath: root + "/usr/local/sbin", withIntermediateDirectories: true)
        try Self.probe.write(toFile: root + "/usr/local/sbin/ogiwatch-probe", atomically: true, encoding: .utf8)
        chmod(root + "/usr/local/sbin/ogiwatch-probe", 0o755)
        try Self.probeUnit.write(toFile: root + "/etc/systemd/system/ogiwatch-probe.service", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/etc/systemd/system/multi-user.target.wants/ogiwatch-probe.service",
                                                   withDestinationPath: "/etc/systemd/system/ogiwatch-probe.service")

        // The probe powers the container off; timeout(1) stops it if it never does.
        let boot = try Tool.run("timeout", ["-k", "10", "240", nspawn, "--quiet", "--register=no", "--keep-unit",
                                            "--directory=\(root)", "--boot", "--console=pipe"], seconds: 270)
        let out = root + "/var/lib/ogiwatch-probe"
        let log = (try? String(contentsOfFile: root + "/var/log/ogiwatch-probe.log", encoding: .utf8)) ?? ""
        try #require(FileManager.default.fileExists(atPath: out + "/done"),
                     "the probe did not finish (nspawn \(boot.status)):\n\(boot.output.suffix(3000))\n\(log)")
        func read(_ name: String) -> String { (try? String(contentsOfFile: out + "/" + name, encoding: .utf8)) ?? "" }

        #expect(read("active-before").trimmingCharacters(in: .whitespacesAndNewlines) == "active")
        let show = read("show")
        #expect(show.contains("Type=notify") && show.contains("User=ogiwatch") && show.contains("SupplementaryGroups=reports"), "\(show)")
        #expect(show.contains("NRestarts=0"), "\(show)")

        // The sandboxed service read the report through the reports group and logged it.
        let checked = read("checked")
        #expect(checked.contains("OGIWATCH_FILE=/srv/ogiwatch/drop/seed.txt"), "\(read("journal"))")
        #expect(checked.contains("OGIWATCH_VERDICT="))
        #expect(checked.contains("_SYSTEMD_UNIT=ogiwatch.service"))
        // journalctl -x explains the findings from the installed catalog.
        #expect(read("explained").contains("Defined-By: ogiwatch"), "\(read("explained").prefix(2000))")

        #expect(read("active-after-reload").trimmingCharacters(in: .whitespacesAndNewlines) == "active")
        let summary = read("summary")
        #expect(summary.contains("Result=success") && summary.contains("ExecMainStatus=0"), "\(summary)\n\(read("summary-journal"))")
        #expect(summary.contains("LoadState=loaded"), "\(summary)")
        let summaryJournal = read("summary-journal")
        #expect(!summaryJournal.contains("ogiwatch summary:"), "\(summaryJournal)")
        #expect(summaryJournal.contains("From:") || summaryJournal.contains("only-on-findings"), "\(summaryJournal)")
        #expect(read("state-mode").trimmingCharacters(in: .whitespacesAndNewlines) == "750")

        let stopped = read("stopped")
        #expect(stopped.contains("Result=success") && stopped.contains("ExecMainStatus=0"), "\(stopped)")
        let journal = read("journal")
        #expect(!journal.contains("丢失"), "a watched folder was missing:\n\(journal)")
    }
}
