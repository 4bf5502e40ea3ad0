import Foundation
import OgiwatchEvents
import OgiwatchFixtures
import Synchronization
import Testing
@testable import OgiwatchJournal

/// Round trips through a real systemd-journald, read back with journalctl.
@Suite(.serialized) struct JournalTests {
    @Test func binaryFileNameArrivesByteExactAndCannotForgeFields() throws {
        try JournalRecords.ensureJournald()
        let marker = UUID().uuidString
        let path: [UInt8] = Array("/tmp/\(marker)/a\nPRIORITY=0\n".utf8) + [0x1b, 0xff] + Array("é.txt".utf8)
        let entry = JournalEntry.event(.checked, priority: .info, message: "检查完成",
                                       file: FileIdentity(path: path, sha256: marker))
        Journal().send(entry)
        let found = try JournalRecords.wait(matching: ["OGIWATCH_DIGEST=\(marker)"]) { $0.count == 1 }
        #expect(found.count == 1)
        #expect(found.first?["OGIWATCH_FILE"] == path)
        #expect(found.first?.text("PRIORITY") == "6")
        #expect(found.first?.text("MESSAGE_ID") == ServiceEvent.checked.messageID)
        #expect(found.first?.text("SYSLOG_IDENTIFIER") == "ogiwatch")
        #expect(found.first?.text("CODE_FILE")?.hasSuffix("JournalTests.swift") == true)
    }

    @Test func fallsBackToOneLineWhenJournaldIsNotUsed() {
        let lines = Mutex<[String]>([])
        let journal = Journal(useJournald: false) { line in lines.withLock { $0.append(line) } }
        journal.send(JournalEntry.event(.rescan, priority: .notice, message: "事件队列溢出，重新扫描"))
        #expect(lines.withLock { $0 } == ["<5>事件队列溢出，重新扫描 [OGIWATCH_EVENT=rescan]"])
    }
}
