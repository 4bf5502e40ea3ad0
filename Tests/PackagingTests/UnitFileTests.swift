import Foundation
import OgiwatchFixtures
import Testing

/// The service unit, sysusers.d and tmpfiles.d entries and the man page, checked with the
/// tools that read them on a Debian 12 system.
@Suite struct UnitFileTests {
    let unit = RepositoryFiles.path("Packaging/ogiwatch.service")

    /// `systemd-analyze security` rates the sandbox; the service and the summary unit must
    /// stay at 1.0 or lower (systemd-resolved rates 2.3).
    @Test(arguments: ["ogiwatch.service", "ogiwatch-summary.service"])
    func exposureScoreIsAtMostOne(name: String) throws {
        let path = RepositoryFiles.path("Packaging/" + name)
        let result = try Tool.run("systemd-analyze", ["security", "--offline=yes", "--threshold=10", path])
        #expect(result.status == 0, "\(result.output)")
        let line = result.output.split(separator: "\n").first { $0.contains("Overall exposure level for \(name)") }
        let score = line.flatMap { $0.split(separator: ":").last?.split(separator: " ").first }.flatMap { Double($0) }
        #expect(score != nil, "no overall exposure line in:\n\(result.output)")
        if let score { #expect(score <= 1.0, "\(name): exposure \(score)") }
    }

    /// Every unit in Packaging/, with /usr/bin/ogiwatch pointing at a binary that exists,
    /// passes `systemd-analyze verify` together (timers find their services).
    @Test func allUnitsVerify() throws {
        let dir = try TemporaryDirectory()
        let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.path("Packaging"))
            .filter { $0.hasSuffix(".service") || $0.hasSuffix(".timer") }.sorted()
        #expect(names.contains("ogiwatch.service"))
        for name in names {
            let text = try String(contentsOfFile: RepositoryFiles.path("Packaging/" + name), encoding: .utf8)
            try text.replacingOccurrences(of: "/usr/bin/ogiwatch", with: BuiltProducts.ogiwatch)
                .write(toFile: dir.path + "/" + name, atomically: true, encoding: .utf8)
        }
        let result = try Tool.run("systemd-analyze", ["verify", "--man=no"] + names.map { dir.path + "/" + $0 })
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains(dir.path + "/"), "warnings about unit lines:\n\(result.output)")
    }

    /// The unit as shipped, with ExecStart= pointing at a binary that exists, passes
    /// `systemd-analyze verify` (which refuses a missing executable).
    @Test func unitVerifies() throws {
        let text = try String(contentsOfFile: unit, encoding: .utf8)
        #expect(text.contains("ExecStart=/usr/bin/ogiwatch run --config /etc/ogiwatch/ogiwatch.yaml\n"))
        let dir = try TemporaryDirectory()
        let copy = dir.path + "/ogiwatch.service"
        try text.replacingOccurrences(of: "ExecStart=/usr/bin/ogiwatch", with: "ExecStart=\(BuiltProducts.ogiwatch)")
            .write(toFile: copy, atomically: true, encoding: .utf8)
        let result = try Tool.run("systemd-analyze", ["verify", "--man=no", copy])
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains(copy + ":"), "warnings about unit lines:\n\(result.output)")

        let broken = dir.path + "/broken/ogiwatch.service"
        try FileManager.default.createDirectory(atPath: dir.path + "/broken", withIntermediateDirectories: true)
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        let missing = try Tool.run("systemd-analyze", ["verify", "--man=no", broken])
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/ogiwatch") {
            #expect(missing.status != 0, "verify accepted a missing ExecStart binary")
        }
    }

    @Test func unitSettings() throws {
        let text = try String(contentsOfFile: unit, encoding: .utf8)
        let settings = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        for line in ["Type=notify", "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure", "User=ogiwatch",
                     "SupplementaryGroups=reports", "StateDirectory=ogiwatch", "ConfigurationDirectory=ogiwatch",
                     "ProtectSystem=strict", "ReadOnlyPaths=-/srv/ogiwatch/drop", "RestartPreventExitStatus=2"] {
            #expect(settings.contains(line), "missing \(line)")
        }
        #expect(settings.contains { $0.hasPrefix("WatchdogSec=") })
        #expect(settings.contains { $0.hasPrefix("MemoryMax=") })
        #expect(settings.contains { $0.hasPrefix("LimitNOFILE=") })
        #expect(settings.contains { $0.hasPrefix("LogRateLimitBurst=") })
    }

    /// The user and group land in a root's /etc/passwd and /etc/group, and the default drop
    /// root is created setgid for the group.
    @Test func sysusersAndTmpfilesCreateUserGroupAndDropRoot() throws {
        let root = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.path + "/etc", withIntermediateDirectories: true)
        let users = try Tool.run("systemd-sysusers", ["--root=\(root.path)", RepositoryFiles.path("Packaging/ogiwatch.sysusers")])
        #expect(users.status == 0, "\(users.output)")
        let passwd = try String(contentsOfFile: root.path + "/etc/passwd", encoding: .utf8)
        let group = try String(contentsOfFile: root.path + "/etc/group", encoding: .utf8)
        let user = passwd.split(separator: "\n").first { $0.hasPrefix("ogiwatch:") }.map { $0.split(separator: ":", omittingEmptySubsequences: false) }
        #expect(user?[5] == "/var/lib/ogiwatch")
        #expect(user?[6] == "/usr/sbin/nologin")
        if let uid = user.flatMap({ Int($0[2]) }) { #expect(uid < 1000, "a system user") }
        let reports = group.split(separator: "\n").first { $0.hasPrefix("reports:") }.map { $0.split(separator: ":", omittingEmptySubsequences: false) }
        #expect(reports != nil)

        let tmpfiles = try Tool.run("systemd-tmpfiles", ["--root=\(root.path)", "--create", RepositoryFiles.path("Packaging/ogiwatch.tmpfiles")])
        #expect(tmpfiles.status == 0, "\(tmpfiles.output)")
        let attributes = try FileManager.default.attributesOfItem(atPath: root.path + "/srv/ogiwatch/drop")
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        #expect(mode & 0o7777 == 0o2770, "mode \(String(mode, radix: 8))")
        let gid = (attributes[.groupOwnerAccountID] as? NSNumber)?.intValue
        #expect(gid != nil && gid == reports.flatMap { Int($0[2]) })
    }

    /// `man -l` renders the page without troff warnings.
    @Test func manPageRenders() throws {
        let page = RepositoryFiles.path("Packaging/ogiwatch.8")
        let result = try Tool.run("man", ["--warnings", "-l", page], environment: ["MANWIDTH": "80", "MAN_KEEP_FORMATTING": "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let text = Self.plain(result.stdout)
        for heading in ["NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "FILES AND PERMISSIONS", "JOURNAL", "SEVERAL MACHINES"] {
            #expect(text.contains("\n" + heading), "no \(heading) section")
        }
        #expect(text.contains("ReadOnlyPaths=/srv/drop"))
    }

    /// Terminal output without grotty's overstrikes (`X\bX` bold, `_\bX` underline).
    static func plain(_ text: String) -> String {
        var out: [Character] = []
        for c in text {
            if c == "\u{8}" { if !out.isEmpty { out.removeLast() } } else { out.append(c) }
        }
        return String(out)
    }
}
