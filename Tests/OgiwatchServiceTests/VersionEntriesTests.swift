import Foundation
import OgiwatchCore
import OgiwatchLedger
import Testing
@testable import OgiwatchService

/// The verdict entry's wording of a comparison with the previous version.
@Suite struct VersionEntriesTests {
    func verdict(findings: [Finding], previous: PreviousVersion?) -> String? {
        let facts = FileFacts(path: Array("/srv/drop/a.docx".utf8), size: 1, mtimeNanoseconds: 0, ctimeNanoseconds: 0, inode: 1, sha256: "ab")
        let version = RecordedVersion(id: 2, facts: facts, checkedAt: Date(), ruleSetVersion: "r", status: .checked,
                                      findings: findings, previous: previous)
        return VersionEntries(messageID: { _ in "00" }).entries(for: version, original: nil, resent: false).last?.message
    }

    @Test func comparesTheGravestSeverityEitherVersionHas() {
        let warning = Finding(rule: "X", severity: .warning, message: "w")
        let earlier = PreviousVersion(id: 1, checkedAt: Date(), status: .checked, counts: FindingCounts(errors: 3, warnings: 1))
        #expect(verdict(findings: [], previous: earlier) == "/srv/drop/a.docx：检查完成，未发现问题（错误 0，警告 0，提示 0）；上一版 3 个错误，本版 0 个")
        let warned = PreviousVersion(id: 1, checkedAt: Date(), status: .checked, counts: FindingCounts(warnings: 2))
        #expect(verdict(findings: [warning], previous: warned) == "/srv/drop/a.docx：检查完成，发现问题（错误 0，警告 1，提示 0）；上一版 2 个警告，本版 1 个")
        let clean = PreviousVersion(id: 1, checkedAt: Date(), status: .checked, counts: FindingCounts())
        #expect(verdict(findings: [], previous: clean) == "/srv/drop/a.docx：检查完成，未发现问题（错误 0，警告 0，提示 0）；上一版、本版均未发现问题")
        #expect(verdict(findings: [], previous: nil) == "/srv/drop/a.docx：检查完成，未发现问题（错误 0，警告 0，提示 0）")
    }
}
