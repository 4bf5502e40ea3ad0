import Foundation
import OgiwatchFixtures
import OgiwatchLedger
import OgiwatchWatch
import Testing

/// A file cut short (a copy still running) is retried, not reported; only one that stays cut
/// short through every retry gets its DOC.UNREADABLE finding.
@Suite(.serialized) struct IncompleteFileTests {
    @Test func cutShortThenCompletedIsCheckedOnceAndStuckOneIsReported() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let full = Array(try ReferenceReports.seedText("002").utf8)
        // Cut inside a three-byte UTF-8 character: the reader says "still being copied".
        let cut = (full.count / 2..<full.count).first { full[$0] >= 0xe0 }.map { $0 + 1 } ?? full.count / 2
        let partial = Array(full[..<cut])
        let stuckCut = ((cut + 3)..<full.count).first { full[$0] >= 0xe0 }.map { $0 + 1 } ?? cut
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try daemon.waitUntilWatching()

        scratch.write(scratch.drop, name: Array("stuck.txt".utf8), Array(full[..<stuckCut]))
        scratch.write(scratch.drop, name: Array("growing.txt".utf8), partial)
        Thread.sleep(forTimeInterval: 0.35)  // offered once, found cut short, waiting to retry
        scratch.write(scratch.drop, name: Array("growing.txt".utf8), full)

        let waiting = try Ledger(directory: scratch.state, readOnly: true).pending().map(\.path)
        #expect(waiting.contains(Array((scratch.drop + "/stuck.txt").utf8)), "held as pending, not reported")
        let seen = try LedgerProbe.wait(state: scratch.state, paths: 2, seconds: 30)
        #expect(daemon.terminate() == 0)
        #expect(seen.values.allSatisfy { $0 == 1 })
        let ledger = try Ledger(directory: scratch.state, readOnly: true)
        let growing = try ledger.versions(path: Array((scratch.drop + "/growing.txt").utf8))
        #expect(growing.map(\.status) == [.checked])
        #expect(growing.first?.facts.sha256 == SHA256.hex(full))
        #expect(growing.first?.findings.contains { $0.rule.hasPrefix("DOC.") } == false)
        let stuck = try ledger.versions(path: Array((scratch.drop + "/stuck.txt").utf8))
        #expect(stuck.map(\.status) == [.unreadable])
        #expect(stuck.first?.findings.map(\.rule) == ["DOC.UNREADABLE"])
        #expect(try ledger.pending().isEmpty)
    }
}
