import Foundation
import OgiwatchFixtures
import Testing

/// The installed service under a real systemd 252: the clean root with the package boots in
/// systemd-nspawn, and a oneshot probe unit drives the service the way an operator would
/// (a report dropped into the default drop folder, a reload, a frozen process that the
/// watchdog restarts, a stop), writes what it saw to a file and powers the container off.
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
        # The day's summary written to the state directory, then sent by the mail unit that
        # ogiwatch-summary.service starts on success, through a sendmail stand-in that keeps it.
        printf '#!/bin/sh\n{ echo "ARGS $*"; cat; } >>/var/tmp/sent-mail\n' >/usr/sbin/sendmail
        chmod 755 /usr/sbin/sendmail
        sed -i 's/policy: only-on-findings/policy: always/' /etc/ogiwatch/ogiwatch.yaml
        printf '[Service]\nExecStart=\nExecStart=/usr/bin/ogiwatch summary --config /etc/ogiwatch/ogiwatch.yaml --date %s\n' \
            "$(TZ=Asia/Shanghai date +%F)" >/etc/systemd/system/ogiwatch-summary.service.d/today.conf
        systemctl daemon-reload
        systemctl start ogiwatch-summary.service
        n=300
        while [ $n -gt 0 ] && [ "$(systemctl show -p ActiveState --value ogiwatch-mail)" != inactive -o ! -s /var/tmp/sent-mail ]; do
            sleep 0.2; n=$((n - 1))
        done
        ls /var/lib/ogiwatch/summaries >$out/summaries
        systemctl show ogiwatch-mail -p Result -p ExecMainStatus >$out/mail
        cp /var/tmp/sent-mail $out/sent-mail || true
        journalctl -u ogiwatch-mail -o cat --no-pager >$out/mail-journal
        # The watchdog: a service frozen with SIGSTOP stops pinging, systemd aborts and restarts
        # it, and the new process catches up on the report that arrived meanwhile.
        mkdir -p /etc/systemd/system/ogiwatch.service.d
        printf '[Service]\nWatchdogSec=2s\nTimeoutAbortSec=2s\nRestartSec=1s\n' >/etc/systemd/system/ogiwatch.service.d/watchdog.conf
        systemctl daemon-reload
        systemctl restart ogiwatch
        sleep 5
        first=$(systemctl show -p MainPID --value ogiwatch)
        systemctl show ogiwatch -p NRestarts -p ActiveState >$out/watchdog-before
        kill -STOP "$first"
        { cat /root/seed.txt; echo 本年度另有一项补充说明。; } >/root/late.txt
        install -m 0640 -g reports /root/late.txt /srv/ogiwatch/drop/late.txt
        n=200
        while [ $n -gt 0 ]; do
            now=$(systemctl show -p MainPID --value ogiwatch)
            [ "$now" != "$first" ] && [ "$now" != 0 ] && [ "$(systemctl is-active ogiwatch)" = active ] && break
            sleep 0.2; n=$((n - 1))
        done
        echo "MainPIDBefore=$first" >$out/watchdog-after
        systemctl show ogiwatch -p NRestarts -p MainPID -p ActiveState >>$out/watchdog-after
        late() { journalctl -u ogiwatch OGIWATCH_EVENT=checked OGIWATCH_FILE=/srv/ogiwatch/drop/late.txt -o cat --no-pager --quiet; }
        n=300
        while [ $n -gt 0 ] && [ -z "$(late)" ]; do sleep 0.2; n=$((n - 1)); done
        late >$out/late
        journalctl -u ogiwatch -o cat --no-pager | grep -i watchdog >$out/watchdog-log
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
        try FileManager.default.copyItem(atPath: try ReferenceReports.seed("000").path, toPath: root + "/root/seed.txt")
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
        #expect(!summaryJournal.contains("错误："), "\(summaryJournal)")
        #expect(summaryJournal.contains("From:") || summaryJournal.contains("only-on-findings"), "\(summaryJournal)")
        #expect(read("state-mode").trimmingCharacters(in: .whitespacesAndNewlines) == "750")

        // The mail unit, started by the summary unit, handed the day's summary to sendmail
        // as the ogiwatch user and marked it sent.
        let day = try Tool.shell("TZ=Asia/Shanghai date +%F").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(read("summaries") == "\(day).eml.sent\n", "\(read("summaries"))\n\(read("mail-journal"))")
        #expect(read("mail").contains("Result=success") && read("mail").contains("ExecMainStatus=0"), "\(read("mail"))")
        let sent = read("sent-mail")
        #expect(sent.hasPrefix("ARGS -t -i\nDate: "), "\(sent.prefix(500))")
        #expect(sent.contains("\nTo: root@localhost\n") && sent.contains("\nFrom: ogiwatch <ogiwatch@localhost>\n"), "\(sent.prefix(800))")
        #expect(read("mail-journal").contains("已发送 \(day).eml"), "\(read("mail-journal"))")

        // Frozen, the service missed its watchdog pings: systemd restarted it, and the new
        // process checked the report dropped while the old one was frozen.
        let before = read("watchdog-before"), after = read("watchdog-after")
        #expect(before.contains("ActiveState=active"), "\(before)")
        let restarts = { (text: String) in
            text.split(separator: "\n").first { $0.hasPrefix("NRestarts=") }.flatMap { Int($0.dropFirst("NRestarts=".count)) }
        }
        let firstPID = after.split(separator: "\n").first { $0.hasPrefix("MainPIDBefore=") }?.dropFirst("MainPIDBefore=".count)
        #expect(restarts(after) != nil && restarts(after) == restarts(before).map { $0 + 1 }, "\(before)\n\(after)")
        #expect(after.contains("ActiveState=active") && !after.contains("MainPID=\(firstPID ?? "?")\n"), "\(after)")
        #expect(read("watchdog-log").contains("Watchdog timeout"), "\(read("watchdog-log"))\n\(read("journal").suffix(2000))")
        #expect(!read("late").isEmpty, "the restarted service did not check late.txt:\n\(read("journal").suffix(2000))")

        let stopped = read("stopped")
        #expect(stopped.contains("Result=success") && stopped.contains("ExecMainStatus=0"), "\(stopped)")
        let journal = read("journal")
        #expect(!journal.contains("丢失"), "a watched folder was missing:\n\(journal)")
    }
}
