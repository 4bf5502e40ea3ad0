import Foundation
import OgiwatchFixtures
import Testing

/// The .deb as Debian's own checker sees it, and the metadata lintian cannot judge: who
/// maintains it, its changelog against its version, and the units its scripts enable.
@Suite(.serialized) struct LintianTests {
    @Test func lintianFindsNoError() throws {
        guard let lintian = Tool.which("lintian") else {
            print("LintianTests: skipped, lintian is not installed (apt-get install lintian)")
            return
        }
        let deb = try DebPackage.path()
        let result = try Tool.run(lintian, ["--no-cfg", "--show-overrides", deb], seconds: 600)
        #expect(!result.timedOut)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("E: ") }
        #expect(errors.isEmpty, "lintian errors:\n\(errors.joined(separator: "\n"))")
        // The one override is the one the package explains: Yams' own copy of libyaml.
        let overrides = try String(contentsOfFile: RepositoryFiles.path("Packaging/lintian-overrides"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(overrides == ["ogiwatch: embedded-library libyaml [usr/bin/ogiwatch]"])
        #expect(lines.filter { $0.hasPrefix("O: ") } == ["O: ogiwatch: embedded-library libyaml [usr/bin/ogiwatch]"], "\(result.output)")
    }

    @Test func maintainerChangelogCopyrightAndEnabledUnits() throws {
        let deb = try DebPackage.path()
        let maintainer = try DebPackage.field("Maintainer", of: deb)
        #expect(maintainer.wholeMatch(of: #/[^<>]+ <[^@<>\s]+@[^@<>\s]+\.[a-z]+>/#) != nil, "Maintainer: \(maintainer)")
        #expect(!maintainer.contains("localhost"))
        #expect(try DebPackage.field("Recommends", of: deb).contains("libreoffice-writer-nogui | libreoffice-writer"))
        #expect(try DebPackage.field("Depends", of: deb).contains("util-linux (>= "))

        let dir = try TemporaryDirectory()
        #expect(try Tool.run("dpkg-deb", ["-R", deb, dir.path]).status == 0)
        let doc = dir.path + "/usr/share/doc/ogiwatch"
        let copyright = try String(contentsOfFile: doc + "/copyright", encoding: .utf8)
        #expect(copyright.hasPrefix("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"))
        // gzip -9n: no file name and no time stamp in the header, so the package is reproducible.
        let gzipped = try #require(FileManager.default.contents(atPath: doc + "/changelog.gz"))
        #expect(Array(gzipped.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3])
        let changelog = try Tool.shell("gzip -dc '\(doc)/changelog.gz'").stdout
        #expect(changelog == (try String(contentsOfFile: RepositoryFiles.path("Packaging/changelog"), encoding: .utf8)))
        #expect(changelog.hasPrefix("ogiwatch (\(try DebPackage.field("Version", of: deb))) "))
        #expect(changelog.contains("\n -- \(maintainer)  "))

        // The timer is enabled and started with the service, as dh_installsystemd would, and
        // purge forgets both.
        let postinst = try String(contentsOfFile: dir.path + "/DEBIAN/postinst", encoding: .utf8)
        #expect(postinst.contains("for unit in 'ogiwatch.service' 'ogiwatch-summary.timer'; do"))
        #expect(postinst.contains("deb-systemd-helper enable \"$unit\""))
        #expect(postinst.contains("deb-systemd-invoke $action 'ogiwatch.service' 'ogiwatch-summary.timer'"))
        let postrm = try String(contentsOfFile: dir.path + "/DEBIAN/postrm", encoding: .utf8)
        #expect(postrm.contains("deb-systemd-helper purge 'ogiwatch.service' 'ogiwatch-summary.timer'"))
        let prerm = try String(contentsOfFile: dir.path + "/DEBIAN/prerm", encoding: .utf8)
        #expect(prerm.contains("deb-systemd-invoke stop 'ogiwatch.service' 'ogiwatch-summary.timer'"))
        let mailUnit = try String(contentsOfFile: dir.path + "/lib/systemd/system/ogiwatch-mail.service", encoding: .utf8)
        #expect(mailUnit.contains("\nExecStart=/usr/bin/ogiwatch summary --send-pending --config /etc/ogiwatch/ogiwatch.yaml\n"))
    }

    /// The package enables the timer; the README, the man page and the example configuration
    /// say so, and the configuration mails a local address.
    @Test func documentationAgreesTheSummaryIsOnAfterInstallation() throws {
        let readme = try String(contentsOfFile: RepositoryFiles.path("README.md"), encoding: .utf8)
        #expect(readme.contains("`ogiwatch-summary.timer` (enabled and started on\ninstallation"))
        let man = try Tool.run("man", ["-l", RepositoryFiles.path("Packaging/ogiwatch.8")], environment: ["MANWIDTH": "200"])
        let page = UnitFileTests.plain(man.stdout).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(page.contains("The daily summary is on after installation: the package enables and starts ogiwatch-summary.timer"))
        #expect(!page.contains("off until enabled"))
        let config = try String(contentsOfFile: RepositoryFiles.path("Packaging/ogiwatch.yaml"), encoding: .utf8)
        #expect(config.contains("  from: \"ogiwatch <ogiwatch@localhost>\"\n  to:\n    - root@localhost\n"))
        #expect(!config.contains("example.org"))
    }

    /// The man page an administrator reads documents every command the program has, and the
    /// formats it reads.
    @Test func manPageDocumentsEveryCommandAndFormat() throws {
        let man = try Tool.run("man", ["-l", RepositoryFiles.path("Packaging/ogiwatch.8")], environment: ["MANWIDTH": "200"])
        let page = UnitFileTests.plain(man.stdout).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for synopsis in ["ogiwatch status [--config FILE] [--state DIR]", "ogiwatch history [--config FILE] [--state DIR] FILE|ORGAN",
                         "ogiwatch rules try ID|DIR FILE...", "ogiwatch summary --send-pending [--config FILE] [--sendmail PROGRAM]"] {
            #expect(page.contains(synopsis), "\(synopsis)")
        }
        #expect(page.contains("and .doc or .wps converted to .docx by LibreOffice, soffice --headless, package libreoffice-writer-nogui"))
        #expect(page.contains("gets the finding DOC.UNSUPPORTED saying why and what to install"))
        #expect(page.contains("history FILE|ORGAN Every version of a report recorded in the ledger"))
        #expect(page.contains("rules try ID FILE... Evaluate one rule on the given reports"))
        #expect(page.contains("status The service's state, read from the state directory"))
    }
}
