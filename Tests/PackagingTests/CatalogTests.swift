import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchEvents
import OgiwatchFixtures
import OgiwatchJournal
import Testing

/// The journal message catalog that `ogiwatch rules catalog` prints for the package.
@Suite struct CatalogTests {
    static func catalog() throws -> String {
        let result = try Tool.run(BuiltProducts.ogiwatch, ["rules", "catalog", "--rules", RepositoryFiles.rulesDirectory])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// Entries by MESSAGE_ID: header lines and text.
    static func entries(_ catalog: String) -> [String: (headers: [String: String], text: String)] {
        var entries: [String: (headers: [String: String], text: String)] = [:]
        for block in catalog.components(separatedBy: "\n-- ").dropFirst() {
            let parts = block.components(separatedBy: "\n\n")
            let head = parts[0].split(separator: "\n").map(String.init)
            var headers: [String: String] = [:]
            for line in head.dropFirst() {
                if let colon = line.range(of: ": ") { headers[String(line[..<colon.lowerBound])] = String(line[colon.upperBound...]) }
            }
            entries[head[0]] = (headers, parts.dropFirst().joined(separator: "\n\n"))
        }
        return entries
    }

    /// Every rule id written in `Rules/*.yaml` has an entry under its MESSAGE_ID, so the
    /// catalog cannot drift from the rule files; so has every service event.
    @Test func everyRuleAndEventHasAnEntry() throws {
        let text = try Self.catalog()
        let entries = Self.entries(text)
        let set = try RuleLoader.load(rulesDirectory: RepositoryFiles.rulesDirectory, localDirectory: nil)

        var idsInFiles: [String] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.rulesDirectory).filter { $0.hasSuffix(".yaml") }
        for file in files {
            let yaml = try String(contentsOfFile: RepositoryFiles.rulesDirectory + "/" + file, encoding: .utf8)
            for line in yaml.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("- id: ") { idsInFiles.append(String(trimmed.dropFirst(6)).trimmingCharacters(in: .whitespaces)) }
            }
        }
        #expect(!idsInFiles.isEmpty)
        #expect(Set(idsInFiles) == Set(set.rules.map(\.id)), "rule ids read from the files and by the loader differ")

        for id in idsInFiles {
            let messageID = set.messageID(forRule: id)
            let entry = entries[messageID]
            #expect(entry != nil, "no catalog entry for \(id) (\(messageID))")
            #expect(entry?.headers["Subject"]?.hasPrefix(id + "：") == true, "\(id): \(entry?.headers["Subject"] ?? "-")")
            #expect(entry?.headers["Defined-By"] == "ogiwatch")
            #expect(entry?.headers["Support"] != nil)
            #expect(entry?.text.contains("journalctl OGIWATCH_RULE=\(id)") == true)
        }
        for event in ServiceEvent.allCases {
            let entry = entries[event.messageID]
            #expect(entry != nil, "no catalog entry for event \(event.rawValue)")
            #expect(entry?.headers["Subject"]?.contains(event.rawValue) == false, "event \(event.rawValue) has only the generic text")
        }
        #expect(entries.count == Set(idsInFiles).count + ServiceEvent.allCases.count, "duplicate or stray MESSAGE_IDs")
        for id in entries.keys {
            #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(id)")
        }
    }

    /// journalctl accepts the file: `--update-catalog` in a temporary root builds the
    /// database and `--list-catalog` lists every entry from it.
    @Test func journalctlImportsTheCatalog() throws {
        let text = try Self.catalog()
        let root = try TemporaryDirectory()
        let dir = root.path + "/usr/lib/systemd/catalog"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/ogiwatch.catalog", atomically: true, encoding: .utf8)
        let update = try Tool.run("journalctl", ["--root=\(root.path)", "--update-catalog"])
        #expect(update.status == 0, "\(update.output)")
        #expect(FileManager.default.fileExists(atPath: root.path + "/var/lib/systemd/catalog/database"))

        let list = try Tool.run("journalctl", ["--root=\(root.path)", "--list-catalog"])
        #expect(list.status == 0, "\(list.output)")
        let listed = Set(list.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(listed == Set(Self.entries(text).keys))

        let started = try Tool.run("journalctl", ["--root=\(root.path)", "--dump-catalog", ServiceEvent.started.messageID])
        #expect(started.stdout.contains("Defined-By: ogiwatch"))

        // A catalog of the same name under /usr/local (local rules, see ogiwatch(8)) takes the
        // place of the packaged one.
        let local = root.path + "/usr/local/lib/systemd/catalog"
        try FileManager.default.createDirectory(atPath: local, withIntermediateDirectories: true)
        try text.replacingOccurrences(of: "Subject: ", with: "Subject: LOCAL ")
            .write(toFile: local + "/ogiwatch.catalog", atomically: true, encoding: .utf8)
        #expect(try Tool.run("journalctl", ["--root=\(root.path)", "--update-catalog"]).status == 0)
        let replaced = try Tool.run("journalctl", ["--root=\(root.path)", "--dump-catalog", ServiceEvent.started.messageID])
        #expect(replaced.stdout.contains("Subject: LOCAL "), "\(replaced.output)")

        // The same check rejects a damaged file, so the acceptance above means something.
        try "-- not-an-id\ntext\n".write(toFile: dir + "/damaged.catalog", atomically: true, encoding: .utf8)
        let damaged = try Tool.run("journalctl", ["--root=\(root.path)", "--update-catalog"])
        #expect(damaged.status != 0)
    }

    /// Text lines stay within about 76 columns (CJK counts two) and none starts like a
    /// comment, which the catalog parser would drop.
    @Test func wrappedText() throws {
        for line in try Self.catalog().split(separator: "\n") where !line.hasPrefix("Subject: ") && !line.hasPrefix("#  ") {
            let width = line.reduce(0) { $0 + ($1.unicodeScalars.first.map { $0.value >= 0x2E80 } == true ? 2 : 1) }
            #expect(width <= 80, "\(line)")
            #expect(!line.hasPrefix("#") && !line.hasPrefix(";"), "\(line)")
        }
    }
}
