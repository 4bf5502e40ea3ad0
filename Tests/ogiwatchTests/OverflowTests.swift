import Foundation
import Glibc
import OgiwatchFixtures
import Testing

/// A stopped daemon misses events; IN_Q_OVERFLOW makes it rescan and find everything.
@Suite(.serialized) struct OverflowTests {
    @Test func queueOverflowTriggersRescanAndNothingIsMissed() throws {
        try JournalRecords.ensureJournald()
        let limit = Int((try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 16384
        let count = limit + 200
        let scratch = try Scratch()
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try daemon.waitUntilWatching()
        daemon.signal(SIGSTOP)
        // Identical content: one real check, the rest are recorded as duplicates cheaply.
        let content = Array("一、总体情况\n同一份内容\n".utf8)
        for i in 0..<count { scratch.write(scratch.drop, name: Array("f\(i).txt".utf8), content) }
        daemon.signal(SIGCONT)
        let rescans = try JournalRecords.wait(matching: ["_PID=\(daemon.pid)", "OGIWATCH_EVENT=rescan"], seconds: 30) { !$0.isEmpty }
        #expect(rescans.first?.text("OGIWATCH_REASON") == "overflow")
        let seen = try LedgerProbe.wait(state: scratch.state, paths: count, seconds: 120)
        #expect(daemon.terminate() == 0)
        #expect(seen.count == count)
        #expect(seen.values.allSatisfy { $0 == 1 })
    }
}
