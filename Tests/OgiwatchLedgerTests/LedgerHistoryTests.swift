import Foundation
import OgiwatchCore
import Testing
@testable import OgiwatchLedger

/// The reads behind `ogiwatch history` and the comparison of a new version with its previous one.
@Suite struct LedgerHistoryTests {
    let ledger: Ledger

    init() throws {
        let directory = NSTemporaryDirectory() + "ogiwatch-history-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        ledger = try Ledger(directory: directory)
    }

    @discardableResult
    func record(_ path: String, sha: String, organ: String, ruleSet: String = "r1", errors: Int = 0, status: VersionStatus = .checked,
                duplicateOf: Int64? = nil) throws -> Int64 {
        let findings = (0..<errors).map { Finding(rule: "T3.BALANCE", severity: .error, message: "不平衡 \($0)") }
        let facts = FileFacts(path: Array(path.utf8), size: 1, mtimeNanoseconds: 1, ctimeNanoseconds: 1, inode: 1, sha256: sha)
        return try #require(try ledger.record(RecordedVersion(facts: facts, organ: organ, year: 2023, checkedAt: Date(), ruleSetVersion: ruleSet,
                                                              status: status, duplicateOf: duplicateOf, findings: findings)))
    }

    @Test func previousIsTheLastOtherContentOfTheSamePath() throws {
        try record("/d/a.txt", sha: "v1", organ: "甲县", errors: 3)
        try record("/d/a.txt", sha: "v1", organ: "甲县", ruleSet: "r2", errors: 2)   // same content, rules reloaded
        try record("/d/a.txt", sha: "v2", organ: "甲县")
        let versions = try ledger.versions(path: Array("/d/a.txt".utf8))
        #expect(versions.map { $0.previous?.counts.errors } == [nil, nil, 2])
        #expect(versions.last?.previous?.comparison(with: versions[2].counts) == "上一版 2 个错误，本版 0 个")
        #expect(try ledger.previousVersion(of: versions[2]) == versions[2].previous)
    }

    /// A duplicate has no findings of its own: the comparison uses its original's.
    @Test func previousDuplicateCountsWithItsOriginal() throws {
        let original = try record("/d/b.txt", sha: "x", organ: "乙县", errors: 4)
        try record("/d/c.txt", sha: "x", organ: "乙县", status: .duplicate, duplicateOf: original)
        try record("/d/c.txt", sha: "y", organ: "乙县", errors: 1)
        #expect(try ledger.versions(path: Array("/d/c.txt".utf8)).last?.previous?.counts == FindingCounts(errors: 4))
    }

    @Test func organMatchesAPartOfTheNameAndNoWildcard() throws {
        try record("/d/1.txt", sha: "1", organ: "某某区人民政府办公室")
        try record("/d/2.txt", sha: "2", organ: "某某区教育局")
        try record("/d/3.txt", sha: "3", organ: "100%_县")
        #expect(try ledger.versions(organ: "某某区").map(\.organ) == ["某某区人民政府办公室", "某某区教育局"])
        #expect(try ledger.versions(organ: "%").map(\.organ) == ["100%_县"])
        #expect(try ledger.versions(organ: "_").map(\.organ) == ["100%_县"])
        #expect(try ledger.versions(organ: "其他").isEmpty)
        #expect(try ledger.latestVersion()?.organ == "100%_县")
    }

    @Test func aNoteIsTakenOnce() throws {
        #expect(try ledger.note(path: Array("/d/x.xlsx".utf8), reason: "不是报告"))
        #expect(try !ledger.note(path: Array("/d/x.xlsx".utf8), reason: "不是报告"))
        #expect(try ledger.isNoted(path: Array("/d/x.xlsx".utf8)))
        #expect(try !ledger.isNoted(path: Array("/d/y.xlsx".utf8)))
        #expect(try ledger.noted(path: Array("/d/x.xlsx".utf8))?.reason == "不是报告")
        #expect(try ledger.noted(path: Array("/d/y.xlsx".utf8)) == nil)
    }
}

/// What the summary calls fixed, new or still open comes from the ledger's previous version.
@Suite struct PreviousVersionRulesTests {
    @Test func previousNamesTheRulesOfItsErrorsAndWarningsOnly() throws {
        let directory = NSTemporaryDirectory() + "ogiwatch-previous-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let ledger = try Ledger(directory: directory)
        let path = Array("/d/a.txt".utf8)
        func facts(_ sha: String) -> FileFacts { FileFacts(path: path, size: 1, mtimeNanoseconds: 1, ctimeNanoseconds: 1, inode: 1, sha256: sha) }
        _ = try ledger.record(RecordedVersion(facts: facts("v1"), checkedAt: Date(), ruleSetVersion: "r", status: .checked, findings: [
            Finding(rule: "T3.BALANCE", severity: .error, message: "不平衡"),
            Finding(rule: "T3.BALANCE", severity: .error, message: "又不平衡"),
            Finding(rule: "T3.BLANK_CELLS", severity: .warning, message: "空白"),
            Finding(rule: "META.STAT_PERIOD", severity: .info, message: "未说明统计期限"),
        ]))
        _ = try ledger.record(RecordedVersion(facts: facts("v2"), checkedAt: Date(), ruleSetVersion: "r", status: .checked))
        let previous = try #require(try ledger.versions(path: path).last?.previous)
        #expect(previous.rules == ["T3.BALANCE", "T3.BLANK_CELLS"])
        #expect(previous.counts == FindingCounts(errors: 2, warnings: 1, infos: 1))
    }
}
