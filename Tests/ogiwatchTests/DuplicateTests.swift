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
