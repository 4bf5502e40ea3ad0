import Foundation
import OgiwatchCore
import OgiwatchEvents
import Testing
@testable import OgiwatchLedger

/// Real SQLite files in temporary directories.
@Suite struct LedgerTests {
    let directory: String
    let ledger: Ledger

    init() throws {
        directory = NSTemporaryDirectory() + "ogiwatch-ledger-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        ledger = try Ledger(directory: directory)
    }

    func version(_ name: [UInt8], sha: String, at seconds: Double = 1_700_000_000, status: VersionStatus = .checked,
                 findings: [Finding] = [], duplicateOf: Int64? = nil) -> RecordedVersion {
        RecordedVersion(facts: FileFacts(path: name, size: 10, mtimeNanoseconds: 5, ctimeNanoseconds: 6, inode: 7, sha256: sha),
                        template: "2021", organ: "某县人民政府", year: 2023, checkedAt: Date(timeIntervalSince1970: seconds),
                        ruleSetVersion: "r1", status: status, duplicateOf: duplicateOf, findings: findings)
    }

    @Test func recordsOncePerPathContentAndRuleSet() throws {
        let finding = Finding(rule: "T3.BALANCE", severity: .error, message: "不平衡",
                              location: Location(table: "三", row: "总计", column: "其他", line: 9), expected: "5", actual: "4")
        let first = try ledger.record(version(Array("/d/a.txt".utf8), sha: "aa", findings: [finding]))
        let replay = try ledger.record(version(Array("/d/a.txt".utf8), sha: "aa", findings: [finding]))
        #expect(first != nil)
        #expect(replay == nil)
        let stored = try ledger.versions(path: Array("/d/a.txt".utf8))
        #expect(stored.count == 1)
        #expect(stored.first?.findings == [finding])
        #expect(stored.first?.organ == "某县人民政府")
        #expect(try ledger.contains(path: Array("/d/a.txt".utf8), sha256: "aa", ruleSetVersion: "r1"))
        #expect(try !ledger.contains(path: Array("/d/a.txt".utf8), sha256: "aa", ruleSetVersion: "r2"))
    }

    @Test func nfcAndNfdTwinsAreTwoFiles() throws {
        let nfc: [UInt8] = [0xc3, 0xa9]
        let nfd: [UInt8] = [0x65, 0xcc, 0x81]
        #expect(String(decoding: nfc, as: UTF8.self) == String(decoding: nfd, as: UTF8.self))
        #expect(try ledger.record(version(nfc, sha: "aa")) != nil)
        #expect(try ledger.record(version(nfd, sha: "aa")) != nil)
        #expect(try ledger.versions(path: nfc).count == 1)
        #expect(try ledger.versions(path: nfd).count == 1)
    }

    @Test func findsTheOriginalOfADuplicate() throws {
        let id = try #require(try ledger.record(version(Array("/d/a.txt".utf8), sha: "cc")))
        try ledger.record(version(Array("/d/b.txt".utf8), sha: "cc", status: .duplicate, duplicateOf: id))
        let docx = try #require(try ledger.record(version(Array("/d/a.docx".utf8), sha: "cc", status: .unreadable)))
        #expect(try ledger.originals(sha256: "cc", ruleSetVersion: "r1", excluding: Array("/d/c.txt".utf8)).map(\.id) == [id, docx])
        #expect(try ledger.originals(sha256: "cc", ruleSetVersion: "r1", excluding: Array("/d/a.txt".utf8)).map(\.id) == [docx])
    }

    @Test func unchangedStatIsRecognised() throws {
        try ledger.record(version(Array("/d/a.txt".utf8), sha: "aa"))
        #expect(try ledger.isUnchanged(path: Array("/d/a.txt".utf8), size: 10, mtimeNanoseconds: 5, ctimeNanoseconds: 6,
                                       inode: 7, ruleSetVersion: "r1"))
        #expect(try !ledger.isUnchanged(path: Array("/d/a.txt".utf8), size: 11, mtimeNanoseconds: 5, ctimeNanoseconds: 6,
                                        inode: 7, ruleSetVersion: "r1"))
    }

    @Test func summaryQueriesByTimeRange() throws {
        try ledger.record(version(Array("/d/1.txt".utf8), sha: "1", at: 100))
        try ledger.record(version(Array("/d/2.txt".utf8), sha: "2", at: 200, status: .unreadable))
        try ledger.record(version(Array("/d/3.txt".utf8), sha: "3", at: 300))
        let day = try ledger.versions(checkedFrom: Date(timeIntervalSince1970: 150), to: Date(timeIntervalSince1970: 300))
        #expect(day.map(\.facts.path) == [Array("/d/2.txt".utf8)])
        #expect(try ledger.unreadable(checkedFrom: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 1000)).count == 1)
        try ledger.recordHealth(kind: .rescan, detail: "overflow", at: Date(timeIntervalSince1970: 250))
        #expect(try ledger.health(from: Date(timeIntervalSince1970: 200), to: Date(timeIntervalSince1970: 300)).map(\.kind) == [.rescan])
    }

    @Test func pendingRowsClearWhenTheVersionIsRecorded() throws {
        try ledger.setPending(path: Array("/d/p.docx".utf8), sha256: "pp", attempts: 1, reason: "ZIP 结尾缺失")
        try ledger.setPending(path: Array("/d/p.docx".utf8), sha256: "pp", attempts: 2, reason: "ZIP 结尾缺失")
        #expect(try ledger.pending().map(\.attempts) == [2])
        try ledger.record(version(Array("/d/p.docx".utf8), sha: "pp", status: .unreadable))
        #expect(try ledger.pending().isEmpty)
    }

    @Test func unannouncedVersionsSurviveReopening() throws {
        let id = try #require(try ledger.record(version(Array("/d/a.txt".utf8), sha: "aa")))
        try ledger.record(version(Array("/d/b.txt".utf8), sha: "bb"))
        var held = version(Array("/d/c.txt".utf8), sha: "cc")
        held.announcement = .held
        try ledger.record(held)
        try ledger.markAnnounced([id])
        let reopened = try Ledger(directory: directory, readOnly: true)
        let left = try reopened.unannounced(limit: 10)
        #expect(left.map(\.facts.path) == [Array("/d/b.txt".utf8), Array("/d/c.txt".utf8)])
        #expect(left.map(\.announcement) == [.underway, .held])
        #expect(try reopened.unannounced(limit: 1).count == 1)
    }

    @Test func unwritableDirectoryIsAClearError() {
        #expect(throws: LedgerError.self) { try Ledger(directory: "/proc/ogiwatch-nowhere") }
    }

    /// SQLite would wait on a FIFO for ever; it is refused before SQLite sees it.
    @Test func aFifoInPlaceOfTheLedgerIsRefusedWithoutWaiting() throws {
        let state = directory + "/fifo"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        #expect(mkfifo(state + "/ledger.sqlite", 0o600) == 0)
        for readOnly in [true, false] {
            #expect(throws: LedgerError.cannotOpen(path: state + "/ledger.sqlite", reason: "不是普通文件（FIFO、设备或目录）")) {
                try Ledger(directory: state, readOnly: readOnly)
            }
        }
    }
}
