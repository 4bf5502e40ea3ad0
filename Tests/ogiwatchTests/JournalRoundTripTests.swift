import Foundation
import OgiwatchFixtures
import OgiwatchWatch
import Testing

/// Seeds dropped with cp, mv and rsync reach the real journal with exactly the findings that
/// `ogiwatch check --format json` prints for the same files, each once.
@Suite(.serialized) struct JournalRoundTripTests {
    /// The fields both sides share, as one comparable line (message compared separately).
    static func key(rule: String?, severity: String?, section: String?, table: String?, row: String?, column: String?,
                    line: String?, expected: String?, actual: String?) -> String {
        [rule, severity, section, table, row, column, line, expected, actual].map { $0 ?? "-" }.joined(separator: "|")
    }

    func checkOutput(_ file: String) throws -> [(key: String, message: String)] {
        try CheckCommandOutput.findings(file).map { object in
            func text(_ name: String) -> String? { object[name].map { "\($0)" } }
            return (Self.key(rule: text("rule"), severity: text("severity"), section: text("section"), table: text("table"),
                             row: text("row"), column: text("column"), line: text("line"), expected: text("expected"),
                             actual: text("actual")), text("message") ?? "")
        }
    }

    @Test func seedsDroppedThreeWaysMatchTheCheckCommand() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state)
        try daemon.waitUntilWatching()
        let seeds = try ["000", "001", "002", "003", "004"].map { try ReferenceReports.seed($0).path }
        for seed in seeds[0..<2] { #expect(try Scratch.run("/usr/bin/cp", [seed, scratch.drop + "/"]) == 0) }
        for seed in seeds[2..<4] {
            #expect(try Scratch.run("/usr/bin/cp", [seed, scratch.outside + "/"]) == 0)
            let name = URL(fileURLWithPath: seed).lastPathComponent
            #expect(try Scratch.run("/usr/bin/mv", [scratch.outside + "/" + name, scratch.drop + "/"]) == 0)
        }
        #expect(try Scratch.run("/usr/bin/rsync", [seeds[4], scratch.drop + "/"]) == 0)

        let pid = "_PID=\(daemon.pid)"
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 30) { $0.count >= 5 }
        Thread.sleep(forTimeInterval: 1)  // room for any duplicate announcement to show up
        #expect(daemon.terminate() == 0)
        let entries = try JournalRecords.read(matching: [pid])
        for seed in seeds {
            let dropped = scratch.drop + "/" + URL(fileURLWithPath: seed).lastPathComponent
            let mine = entries.filter { $0["OGIWATCH_FILE"] == Array(dropped.utf8) }
            #expect(mine.filter { $0.text("OGIWATCH_EVENT") == "checked" }.count == 1, "\(dropped) announced once")
            let findings = mine.filter { $0["OGIWATCH_RULE"] != nil }
            let journalKeys = findings.map { entry in
                Self.key(rule: entry.text("OGIWATCH_RULE"), severity: entry.text("OGIWATCH_SEVERITY"),
                         section: entry.text("OGIWATCH_SECTION"), table: entry.text("OGIWATCH_TABLE"),
                         row: entry.text("OGIWATCH_ROW"), column: entry.text("OGIWATCH_COLUMN"),
                         line: entry.text("OGIWATCH_LINE"), expected: entry.text("OGIWATCH_EXPECTED"),
                         actual: entry.text("OGIWATCH_ACTUAL"))
            }
            let expected = try checkOutput(dropped)
            #expect(!expected.isEmpty)
            #expect(journalKeys.sorted() == expected.map(\.key).sorted(), "findings for \(dropped)")
            for finding in expected {
                #expect(findings.contains { $0.text("MESSAGE")?.hasSuffix("：" + finding.message) == true })
            }
            let checked = mine.first { $0.text("OGIWATCH_EVENT") == "checked" }
            let errors = expected.filter { $0.key.split(separator: "|")[1] == "error" }.count
            #expect(checked?.text("OGIWATCH_ERRORS") == String(errors))
        }
    }
}
