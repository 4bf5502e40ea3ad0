import Foundation
import OgiwatchCore
import OgiwatchLedger
import OgiwatchSummary
import Testing

/// The summary compares a report with the previous version the ledger records for it, the
/// one the journal's verdict names: both say the same of every re-drop.
@Suite struct PreviousVersionTests {
    /// A file whose earlier content was a duplicate of another report's: the journal counts
    /// that version with its original's findings, and so does the mail.
    @Test func aDuplicateBeforeCountsWithItsOriginalAsInTheJournal() throws {
        let scenario = try LedgerScenario()
        let original = try #require(try scenario.add(Array("/srv/drop/乙县/原件.docx".utf8), minutes: -900,
                                                     findings: [LedgerScenario.error(), LedgerScenario.error("T4.GROUP_TOTAL")], sha256: "aa"))
        let path = Array("/srv/drop/丙县/2025年报.docx".utf8)
        let facts = FileFacts(path: path, size: 1000, mtimeNanoseconds: 1, ctimeNanoseconds: 1, inode: 99, sha256: "aa")
        _ = try scenario.ledger.record(RecordedVersion(facts: facts, organ: "丙县人民政府", year: 2025,
                                                   checkedAt: scenario.day.start.addingTimeInterval(-600), ruleSetVersion: "rules-7",
                                                   status: .duplicate, duplicateOf: original))
        try scenario.add(path, minutes: 60, findings: [LedgerScenario.warning()], sha256: "bb")

        let today = try #require(try scenario.ledger.versions(path: path).last)
        let journalWords = try #require(today.previous?.comparison(with: today.counts))
        #expect(journalWords == "上一版 2 个错误，本版 0 个")
        let text = try MimeProbe(file: try scenario.writeMail().path).text
        #expect(text.contains("  已改好：丙县/2025年报.docx：\(journalWords)\n"), "\(text)")
        #expect(text.contains("与上一版相比：改正 2 个问题 · 新出现 1 个 · 仍未改正 0 个（重新提交 1 份）"), "\(text)")
    }
}
