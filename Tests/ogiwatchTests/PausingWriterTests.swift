import Foundation
import Glibc
import OgiwatchFixtures
import OgiwatchLedger
import OgiwatchWatch
import Testing

/// A slow upload (Samba, sftp) keeps the file open and pauses longer than the settle time:
/// the file is checked once, on its whole content, after the writer closes it.
@Suite(.serialized) struct PausingWriterTests {
    @Test func aFileStillOpenForWritingIsNotCheckedWhileTheWriterPauses() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let full = Array(try ReferenceReports.seedText("002").utf8)
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "300ms")
        try daemon.waitUntilWatching()

        let path = scratch.drop + "/slow.txt"
        let pieces = 4
        let step = full.count / pieces + 1
        // The daemon, busy for a moment, reads the file's IN_CREATE only after the first piece
        // is in: the file then looks worth arming, as a scan would find it.
        daemon.signal(SIGSTOP)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        for start in stride(from: 0, to: full.count, by: step) {
            let piece = Array(full[start..<min(start + step, full.count)])
            #expect(piece.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == piece.count)
            if start == 0 { daemon.signal(SIGCONT) }
            Thread.sleep(forTimeInterval: 1)  // longer than the settle time, with the file open
        }
        close(fd)

        let pid = "_PID=\(daemon.pid)"
        let checked = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"]) { !$0.isEmpty }
        Thread.sleep(forTimeInterval: 1)
        #expect(daemon.terminate() == 0)
        let versions = try Ledger(directory: scratch.state, readOnly: true).versions(path: Array(path.utf8))
        #expect(versions.count == 1, "checked \(versions.count) times")
        #expect(versions.first?.facts.sha256 == SHA256.hex(full), "on the whole content")
        #expect(versions.first?.findings.contains { $0.rule.hasPrefix("STRUCT.") } == false)
        #expect(try JournalRecords.read(matching: [pid, "OGIWATCH_EVENT=checked"]).count == 1)
        #expect(checked.first?.text("OGIWATCH_DIGEST") == SHA256.hex(full))
    }
}
