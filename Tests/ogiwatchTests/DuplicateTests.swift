import Foundation
import OgiwatchFixtures
import OgiwatchLedger
import Testing

/// The same bytes under a new name are a duplicate (one entry, no findings repeated); new
/// bytes under a known name are checked again.
@Suite(.serialized) struct DuplicateTests {
    @Test func copyIsADuplicateAndRewriteIsRechecked() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try daemon.waitUntilWatching()
        let pid = "_PID=\(daemon.pid)"
        let first = try ReferenceReports.seed("001").path, second = try ReferenceReports.seed("003").path
        let a = scratch.drop + "/a.txt", b = scratch.drop + "/b.txt"

        #expect(try Scratch.run("/usr/bin/cp", [first, a]) == 0)
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"]) { $0.count == 1 }
        #expect(try Scratch.run("/usr/bin/cp", [a, b]) == 0)
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=duplicate"]) { $0.count == 1 }
        #expect(try Scratch.run("/usr/bin/cp", [second, a]) == 0)
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"]) { $0.count == 2 }
        Thread.sleep(forTimeInterval: 0.5)
        #expect(daemon.terminate() == 0)

        let entries = try JournalRecords.read(matching: [pid])
        let aboutB = entries.filter { $0["OGIWATCH_FILE"] == Array(b.utf8) }
        #expect(aboutB.count == 1)
        #expect(aboutB.first?.text("OGIWATCH_EVENT") == "duplicate")
        #expect(aboutB.first?["OGIWATCH_DUPLICATE_OF"] == Array(a.utf8))

        let ledger = try Ledger(directory: scratch.state, readOnly: true)
        let versionsA = try ledger.versions(path: Array(a.utf8))
        let versionsB = try ledger.versions(path: Array(b.utf8))
        #expect(versionsA.map(\.status) == [.checked, .checked])
        #expect(Set(versionsA.map(\.facts.sha256)).count == 2)
        #expect(versionsB.map(\.status) == [.duplicate])
        #expect(versionsB.first?.duplicateOf == versionsA.first?.id)
        #expect(versionsB.first?.findings.isEmpty == true)
    }
}

/// The same bytes under names of different formats are read differently: a .txt holding the
/// bytes of an earlier, unreadable .docx is checked on its own, and a later .txt copy is a
/// duplicate of the .txt.
@Suite(.serialized) struct CrossFormatDuplicateTests {
    @Test func sameBytesAsAnUnreadableDocxAreCheckedAsText() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try daemon.waitUntilWatching()
        let pid = "_PID=\(daemon.pid)"
        let seed = try ReferenceReports.seed("001").path
        let docx = scratch.drop + "/report.docx", txt = scratch.drop + "/report.txt", copy = scratch.drop + "/copy.txt"

        #expect(try Scratch.run("/usr/bin/cp", [seed, docx]) == 0)
        // Not a ZIP: taken for a .docx still being copied, retried, then reported unreadable.
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 20) { $0.count == 1 }
        #expect(try Scratch.run("/usr/bin/cp", [seed, txt]) == 0)
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"]) { $0.count == 2 }
        #expect(try Scratch.run("/usr/bin/cp", [seed, copy]) == 0)
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=duplicate"]) { $0.count == 1 }
        Thread.sleep(forTimeInterval: 0.5)
        #expect(daemon.terminate() == 0)

        let ledger = try Ledger(directory: scratch.state, readOnly: true)
        let asDocx = try #require(try ledger.versions(path: Array(docx.utf8)).first)
        let asText = try #require(try ledger.versions(path: Array(txt.utf8)).first)
        let asCopy = try #require(try ledger.versions(path: Array(copy.utf8)).first)
        #expect(asDocx.status == .unreadable)
        #expect(asText.status == .checked && asText.duplicateOf == nil)
        #expect(asCopy.status == .duplicate && asCopy.duplicateOf == asText.id)
        let verdicts = try JournalRecords.read(matching: [pid, "OGIWATCH_EVENT=checked"])
        let textVerdict = try #require(verdicts.first { $0["OGIWATCH_FILE"] == Array(txt.utf8) })
        #expect(textVerdict.text("OGIWATCH_VERDICT") != "无法读取")
        let textFindings = try JournalRecords.read(matching: [pid]).filter { $0["OGIWATCH_FILE"] == Array(txt.utf8) && $0["OGIWATCH_RULE"] != nil }
        #expect(textFindings.count == asText.findings.count)
        #expect(!textFindings.contains { $0.text("OGIWATCH_RULE")?.hasPrefix("DOC.") == true })
    }
}
