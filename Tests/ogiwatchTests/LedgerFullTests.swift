import Foundation
import Glibc
import OgiwatchFixtures
import OgiwatchLedger
import Testing

/// A full state directory (a 256 KiB tmpfs, filled up) loses no report: files wait in the
/// drop folder, one journal entry says why, and once space returns every file is checked
/// and announced once, also across a restart.
@Suite(.serialized) struct LedgerFullTests {
    static var canMount: Bool { geteuid() == 0 }

    /// Writes zeros into `path` until the file system is full.
    static func fill(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        close(fd)
    }

    @Test(.enabled(if: canMount, "needs root to mount a 256 KiB tmpfs as the state directory"))
    func filesWaitWhileTheLedgerIsFullAndAreCheckedOnceAfter() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        #expect(try Scratch.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", scratch.state]) == 0)
        defer { _ = try? Scratch.run("/usr/bin/umount", ["-l", scratch.state]) }
        let first = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try first.waitUntilWatching()
        let filler = scratch.state + "/filler"
        Self.fill(filler)

        let count = 10
        for i in 0..<count {
            scratch.write(scratch.drop, name: Array("r\(i).txt".utf8), Array("一、总体情况\n第 \(i) 份报告。\n".utf8))
        }
        let pid = "_PID=\(first.pid)"
        let unwritable = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=ledger-unwritable"]) { !$0.isEmpty }
        Thread.sleep(forTimeInterval: 2)
        let whileFull = try LedgerProbe.versionsPerPath(state: scratch.state).count
        #expect(unwritable.count == 1, "one entry for the outage, not one per file")
        #expect(unwritable.first?.text("MESSAGE")?.contains("台账无法写入") == true)
        #expect(unwritable.first?.text("MESSAGE")?.contains("full") == true, "the reason is given")
        #expect(try JournalRecords.read(matching: [pid, "OGIWATCH_EVENT=skipped"]).isEmpty, "no file dropped")

        unlink(filler)
        let seen = try LedgerProbe.wait(state: scratch.state, paths: count, seconds: 90)
        let checked = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 30) { $0.count >= count }
        let recovered = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=ledger-recovered"]) { !$0.isEmpty }
        #expect(first.terminate() == 0)
        #expect(whileFull < count)
        #expect(seen.count == count && seen.values.allSatisfy { $0 == 1 }, "every file recorded once after space returned")
        #expect(checked.count == count && Set(checked.compactMap { $0["OGIWATCH_FILE"] }).count == count, "announced once each")
        #expect(recovered.count == 1)

        let second = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try second.waitUntilWatching()
        Thread.sleep(forTimeInterval: 1)
        #expect(second.terminate() == 0)
        let again = try JournalRecords.read(matching: ["_PID=\(second.pid)"]).filter { $0["OGIWATCH_FILE"] != nil }
        #expect(again.isEmpty, "nothing announced again after the restart")
        #expect(try Ledger(directory: scratch.state, readOnly: true).unannounced(limit: 100).isEmpty)
    }
}
