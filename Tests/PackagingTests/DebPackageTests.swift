import Foundation
import OgiwatchFixtures
import Testing

/// The Debian package: what it holds, and that it installs and runs in a clean Debian 12
/// root that has no Swift toolchain.
@Suite(.serialized) struct DebPackageTests {
    /// Contents and metadata, read from the .deb itself.
    @Test func packageContents() throws {
        let deb = try DebPackage.path()
        let depends = try DebPackage.field("Depends", of: deb)
        for package in ["libc6", "libsystemd0", "libsqlite3-0", "poppler-utils", "util-linux"] {
            #expect(depends.contains(package), "Depends: \(depends)")
        }
        #expect(!depends.contains("swift"))

        let dir = try TemporaryDirectory()
        let extracted = try Tool.run("dpkg-deb", ["-R", deb, dir.path])
        #expect(extracted.status == 0, "\(extracted.output)")
        let root = dir.path
        let conffiles = try String(contentsOfFile: root + "/DEBIAN/conffiles", encoding: .utf8)
        #expect(conffiles.split(separator: "\n").contains("/etc/ogiwatch/ogiwatch.yaml"))
        for file in ["/usr/bin/ogiwatch", "/lib/systemd/system/ogiwatch.service", "/usr/lib/sysusers.d/ogiwatch.conf",
                     "/usr/lib/tmpfiles.d/ogiwatch.conf", "/usr/lib/systemd/catalog/ogiwatch.catalog",
                     "/usr/share/man/man8/ogiwatch.8.gz", "/etc/ogiwatch/ogiwatch.yaml", "/usr/share/doc/ogiwatch/copyright",
                     "/usr/share/doc/ogiwatch/changelog.gz", "/lib/systemd/system/ogiwatch-summary.timer"] {
            #expect(FileManager.default.fileExists(atPath: root + file), "missing \(file)")
        }
        let rules = try FileManager.default.contentsOfDirectory(atPath: root + "/usr/share/ogiwatch/rules").sorted()
        let shipped = try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.rulesDirectory).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(rules == shipped)

        // The Swift runtime and Foundation are inside the binary.
        let needed = try Tool.run("objdump", ["-p", root + "/usr/bin/ogiwatch"])
        let libraries = needed.stdout.split(separator: "\n").filter { $0.contains("NEEDED") }
        #expect(!libraries.isEmpty)
        #expect(!libraries.contains { $0.contains("swift") || $0.contains("Foundation") || $0.contains("dispatch") }, "\(libraries)")

        // Completions generated from the argument parser.
        let bash = try String(contentsOfFile: root + "/usr/share/bash-completion/completions/ogiwatch", encoding: .utf8)
        #expect(bash.contains("-F _ogiwatch ogiwatch") && bash.contains("catalog"))
        let zsh = try String(contentsOfFile: root + "/usr/share/zsh/vendor-completions/_ogiwatch", encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef ogiwatch"))
        let fish = try String(contentsOfFile: root + "/usr/share/fish/vendor_completions.d/ogiwatch.fish", encoding: .utf8)
        #expect(fish.contains("complete -c 'ogiwatch'"))

        // The installed man page renders, and the unit's Documentation= finds it.
        let man = try Tool.run("man", ["-l", root + "/usr/share/man/man8/ogiwatch.8.gz"], environment: ["MANWIDTH": "80"])
        #expect(man.status == 0 && UnitFileTests.plain(man.stdout).contains("ogiwatch run"), "\(man.stderr)")
        let unitCopy = dir.path + "/ogiwatch.service"
        let unit = try String(contentsOfFile: root + "/lib/systemd/system/ogiwatch.service", encoding: .utf8)
        try unit.replacingOccurrences(of: "/usr/bin/ogiwatch", with: root + "/usr/bin/ogiwatch").write(toFile: unitCopy, atomically: true, encoding: .utf8)
        let verify = try Tool.run("systemd-analyze", ["verify", unitCopy], environment: ["MANPATH": root + "/usr/share/man"])
        #expect(verify.status == 0, "\(verify.output)")
    }

    /// dpkg installs the package into a minimal Debian 12 root: the maintainer scripts create
    /// the user and group, the drop root and the catalog database and enable the service;
    /// the binary runs there and checks a seed report; purge takes it all away again.
    @Test func installsAndRunsInCleanRoot() throws {
        let deb = try DebPackage.path()
        let (scratch, root) = try CleanRoot.copy()
        _ = scratch
        try FileManager.default.copyItem(atPath: deb, toPath: root + "/tmp/ogiwatch.deb")
        let seed = try ReferenceReports.seed("000")
        try FileManager.default.copyItem(atPath: seed.path, toPath: root + "/tmp/seed.txt")
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/bin/swift"))

        // apt resolves the Depends from the mirror: the package declares all it needs.
        let install = try CleanRoot.run(root, "apt-get install -y -qq --no-install-recommends /tmp/ogiwatch.deb", seconds: 600)
        #expect(install.status == 0, "\(install.output)")

        let version = try CleanRoot.run(root, "ogiwatch --version")
        #expect(version.status == 0, "\(version.output)")
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == (try DebPackage.field("Version", of: deb)))

        let libraries = try CleanRoot.run(root, "ldd /usr/bin/ogiwatch")
        #expect(libraries.status == 0 && !libraries.stdout.contains("not found") && !libraries.stdout.contains("swift"), "\(libraries.output)")

        // The packaged binary finds its rules in /usr/share/ogiwatch/rules and reports the
        // same rules on the seed as the binary built from this tree.
        let check = try CleanRoot.run(root, "cd / && ogiwatch check --format json /tmp/seed.txt")
        #expect(check.status == 0 || check.status == 1, "\(check.output)")
        let packaged = Self.ruleIDs(check.stdout)
        #expect(!packaged.isEmpty, "\(check.output)")
        let local = try Tool.run(BuiltProducts.ogiwatch, ["check", "--format", "json", "--rules", RepositoryFiles.rulesDirectory, root + "/tmp/seed.txt"])
        #expect(packaged == Self.ruleIDs(local.stdout))
        let text = try CleanRoot.run(root, "ogiwatch check /tmp/seed.txt")
        #expect(text.stdout.contains("seed.txt"))

        // What the maintainer scripts did.
        let passwd = try String(contentsOfFile: root + "/etc/passwd", encoding: .utf8)
        #expect(passwd.contains("ogiwatch:x:"))
        let group = try String(contentsOfFile: root + "/etc/group", encoding: .utf8)
        #expect(group.contains("\nreports:x:") || group.hasPrefix("reports:x:"))
        let drop = try CleanRoot.run(root, "stat -c '%a %G' /srv/ogiwatch/drop")
        #expect(drop.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2770 reports")
        let wants = root + "/etc/systemd/system/multi-user.target.wants/ogiwatch.service"
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: wants))?.hasSuffix("/ogiwatch.service") == true)
        // The daily summary is on after installation, as README and ogiwatch(8) say.
        let timer = root + "/etc/systemd/system/timers.target.wants/ogiwatch-summary.timer"
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: timer))?.hasSuffix("/ogiwatch-summary.timer") == true)
        let catalog = try CleanRoot.run(root, "journalctl --list-catalog")
        #expect(catalog.stdout.contains("ogiwatch: "), "\(catalog.output)")
        let conffiles = try CleanRoot.run(root, "dpkg-query -W -f='${Conffiles}' ogiwatch")
        #expect(conffiles.stdout.contains("/etc/ogiwatch/ogiwatch.yaml"))

        // The installed unit verifies against the installed binary, and keeps its score.
        let verify = try CleanRoot.run(root, "systemd-analyze verify --man=no ogiwatch.service")
        #expect(verify.status == 0, "\(verify.output)")
        let security = try CleanRoot.run(root, "systemd-analyze security --offline=yes --threshold=10 /lib/systemd/system/ogiwatch.service")
        #expect(security.status == 0 && security.output.contains("Overall exposure level for ogiwatch.service: 0."), "\(security.output)")

        let purge = try CleanRoot.run(root, "dpkg --purge ogiwatch")
        #expect(purge.status == 0, "\(purge.output)")
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/bin/ogiwatch"))
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/ogiwatch/ogiwatch.yaml"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: wants)) == nil)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: timer)) == nil)
    }

    static func ruleIDs(_ jsonLines: String) -> [String] {
        jsonLines.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["rule"] as? String
        }.sorted()
    }
}
