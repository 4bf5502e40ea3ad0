import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchReaders
import OgiwatchWatch

/// What happens to one complete file: deduplicated against the ledger, checked, recorded in
/// one transaction and only then announced. A ledger error leaves the file unrecorded for the
/// caller to offer again; the announcement goes through `Announcer`, which sends again what
/// journald did not take.
final class FileIntake {
    private(set) var ruleSet: RuleSet
    private var checker: Checker
    private var maxFileBytes: Int
    private let ledger: Ledger
    let announcer: Announcer
    /// Versions recorded since start, for the service status line.
    private(set) var recordedCount = 0

    init(ruleSet: RuleSet, maxFileBytes: Int, ledger: Ledger, journal: JournalWriter) {
        self.ruleSet = ruleSet
        self.maxFileBytes = maxFileBytes
        self.checker = Checker(ruleSet: ruleSet, limits: ReadLimits(maxFileBytes: maxFileBytes))
        self.ledger = ledger
        self.announcer = Announcer(ledger: ledger, journal: journal, messageID: ruleSet.messageID(forRule:))
    }

    /// Switches to reloaded rules and limits; files already recorded keep their results.
    func use(ruleSet: RuleSet, maxFileBytes: Int) {
        self.ruleSet = ruleSet
        self.maxFileBytes = maxFileBytes
        checker = Checker(ruleSet: ruleSet, limits: ReadLimits(maxFileBytes: maxFileBytes))
        announcer.use(messageID: ruleSet.messageID(forRule:))
    }

    /// Decides what a ready file is (known, a duplicate, cut short, or new), checks it when new,
    /// and records and announces the result.
    func take(_ file: ReadyFile) throws(LedgerError) -> ReadyDisposition {
        if try ledger.contains(path: file.path, sha256: file.sha256, ruleSetVersion: ruleSet.version) {
            try ledger.clearPending(path: file.path)
            return .done
        }
        let facts = FileFacts(path: file.path, size: file.stat.size, mtimeNanoseconds: file.stat.mtimeNanoseconds,
                              ctimeNanoseconds: file.stat.ctimeNanoseconds, inode: file.stat.inode, sha256: file.sha256)
        // The same bytes under a name of another format are read another way: not a duplicate.
        let originals = try ledger.originals(sha256: file.sha256, ruleSetVersion: ruleSet.version, excluding: file.path)
        if let original = originals.first(where: { Self.format(of: $0.facts.path) == Self.format(of: file.path) }) {
            try commit(RecordedVersion(facts: facts, template: original.template, organ: original.organ, year: original.year,
                                       checkedAt: Date(), ruleSetVersion: ruleSet.version, status: .duplicate,
                                       duplicateOf: original.id), original: original)
            return .done
        }
        let result = check(file)
        if let problem = result.problem, problem.looksIncomplete, !file.isFinalAttempt {
            try ledger.setPending(path: file.path, sha256: file.sha256, attempts: file.attempt + 1, reason: problem.reason)
            return .retryLater
        }
        try commit(RecordedVersion(facts: facts, template: result.template, organ: result.organ, year: result.year,
                                   checkedAt: Date(), ruleSetVersion: ruleSet.version,
                                   status: result.problem == nil ? .checked : .unreadable, findings: result.findings))
        return .done
    }

    private func check(_ file: ReadyFile) -> CheckResult {
        let name = String(decoding: PathBytes.baseName(file.path), as: UTF8.self)
        guard let format = Self.format(of: file.path) else {
            return CheckResult(name: name, format: nil, findings: [], problem: DocumentProblem(.unsupported, "不是报告文件格式"))
        }
        guard let content = file.content else {
            let problem = DocumentProblem(.unreadable, "文件大小 \(file.stat.size) 字节，超过上限 \(maxFileBytes) 字节")
            return CheckResult(name: name, format: format,
                               findings: [Finding(rule: problem.rule, severity: .error, message: problem.reason)], problem: problem)
        }
        return checker.check(bytes: content, format: format, name: name)
    }

    private static func format(of path: [UInt8]) -> DocumentFormat? {
        DocumentFormat(fileName: String(decoding: PathBytes.baseName(path), as: UTF8.self))
    }

    /// Records a version, then announces it.
    private func commit(_ version: RecordedVersion, original: RecordedVersion? = nil) throws(LedgerError) {
        var stored = version
        stored.announcement = announcer.stateForNewVersion
        guard let id = try ledger.record(stored) else { return }
        recordedCount += 1
        stored.id = id
        announcer.announce(stored, original: original)
    }
}
