import Foundation
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchLedger
import Testing

/// Versions a previous run recorded but did not finish announcing go out on start-up. One cut
/// off while being sent (kill -9 between sending and marking) may already be partly in the
/// journal, so its entries carry `OGIWATCH_RESENT=1`; one held back while journald was down
/// was never sent, and goes out plain.
@Suite(.serialized) struct ResentEntryTests {
    static func version(_ path: String, sha: String, _ announcement: Announcement) -> RecordedVersion {
        RecordedVersion(facts: FileFacts(path: Array(path.utf8), size: 3, mtimeNanoseconds: 1, ctimeNanoseconds: 1, inode: 1, sha256: sha),
                        checkedAt: Date(), ruleSetVersion: "earlier", status: .checked,
                        findings: [Finding(rule: "FEE.STATEMENT", severity: .error, message: "第六部分未说明信息处理费收取情况")],
                        announcement: announcement)
    }

    @Test func aSendCutOffIsMarkedAsAResendAndAHeldOneIsNot() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let cutOff = scratch.outside + "/cut-off.txt", held = scratch.outside + "/held.txt", done = scratch.outside + "/done.txt"
        do {
            let ledger = try Ledger(directory: scratch.state)
            try ledger.record(Self.version(cutOff, sha: "aa", .underway))
            try ledger.record(Self.version(held, sha: "bb", .held))
            try ledger.record(Self.version(done, sha: "cc", .done))
        }
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        let pid = "_PID=\(daemon.pid)"
        let recovered = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=journal-recovered"]) { !$0.isEmpty }
        #expect(daemon.terminate() == 0)

        let entries = try JournalRecords.read(matching: [pid]).filter { $0["OGIWATCH_FILE"] != nil }
        let aboutCutOff = entries.filter { $0["OGIWATCH_FILE"] == Array(cutOff.utf8) }
        let aboutHeld = entries.filter { $0["OGIWATCH_FILE"] == Array(held.utf8) }
        #expect(aboutCutOff.count == 2 && aboutHeld.count == 2, "the finding and the verdict of each")
        #expect(aboutCutOff.allSatisfy { $0.text("OGIWATCH_RESENT") == "1" && $0.text("MESSAGE")?.hasSuffix("（补发）") == true })
        #expect(aboutHeld.allSatisfy { $0["OGIWATCH_RESENT"] == nil && $0.text("MESSAGE")?.contains("补发") == false })
        #expect(aboutCutOff.contains { $0.text("OGIWATCH_RULE") == "FEE.STATEMENT" && $0.text("PRIORITY") == "3" })
        #expect(!entries.contains { $0["OGIWATCH_FILE"] == Array(done.utf8) }, "an announced version is not sent again")
        #expect(recovered.first?.text("OGIWATCH_RESENT_VERSIONS") == "2")
        #expect(try Ledger(directory: scratch.state, readOnly: true).unannounced(limit: 10).isEmpty)
    }
}
