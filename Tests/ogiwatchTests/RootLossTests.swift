import Foundation
import OgiwatchFixtures
import Testing

/// A drop folder moved away is reported, re-attached when it reappears, and rescanned.
@Suite(.serialized) struct RootLossTests {
    @Test func movedRootIsReportedRecoveredAndRescanned() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try daemon.waitUntilWatching()
        let pid = "_PID=\(daemon.pid)"
        try FileManager.default.moveItem(atPath: scratch.drop, toPath: scratch.root + "/drop.old")
        let lost = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=root-lost"]) { !$0.isEmpty }
        #expect(lost.first?["OGIWATCH_ROOT"] == Array(scratch.drop.utf8))
        #expect(lost.first?.text("PRIORITY") == "3")

        try FileManager.default.createDirectory(atPath: scratch.drop, withIntermediateDirectories: false)
        let seed = try ReferenceReports.seed("004").path
        #expect(try Scratch.run("/usr/bin/cp", [seed, scratch.drop + "/back.txt"]) == 0)
        let checked = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 30) { !$0.isEmpty }
        #expect(checked.first?["OGIWATCH_FILE"] == Array((scratch.drop + "/back.txt").utf8))
        let entries = try JournalRecords.read(matching: [pid])
        #expect(entries.contains { $0.text("OGIWATCH_EVENT") == "root-recovered" })
        #expect(entries.contains { $0.text("OGIWATCH_EVENT") == "rescan" && $0.text("OGIWATCH_REASON") == "root-recovered" })
        #expect(daemon.terminate() == 0)
    }
}
