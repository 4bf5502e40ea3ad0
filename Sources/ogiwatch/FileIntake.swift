import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchReaders
import OgiwatchWatch

/// What happens to one complete file: deduplicated against the ledger, checked, recorded in
/// one transaction and only then announced. The `journaled` flag lets a restart re-send
/// announcements a crash cut off, so the journal loses nothing the ledger holds.
final class FileIntake {
    private(set) var ruleSet: RuleSet
    private var checker: Checker
    private var maxFileBytes: Int
    private let ledger: Ledger
    private let journal: Journal
    /// Versions recorded since start, for the service status line.
    private(set) var recordedCount = 0

    init(ruleSet: RuleSet, maxFileBytes: Int, ledger: Ledger, journal: Journal) {
        self.ruleSet = ruleSet
        self.maxFileBytes = maxFileBytes
        self.checker = Checker(ruleSet: ruleSet, limits: ReadLimits(maxFileBytes: maxFileBytes))
        self.ledger = ledger
        self.journal = journal
    }

    /// Switches to reloaded rules and limits; files already recorded keep their results.
    func use(ruleSet: RuleSet, maxFileBytes: Int) {
        self.ruleSet = ruleSet
        self.maxFileBytes = maxFileBytes
        checker = Checker(ruleSet: ruleSet, limits: ReadLimits(maxFileBytes: maxFileBytes))
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
        if let original = try ledger.original(sha256: file.sha256, ruleSetVersion: ruleSet.version, excluding: file.path) {
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
        guard let format = DocumentFormat(fileName: name) else {
            return CheckResult(name: name, format: nil, findings: [], problem: DocumentProblem(.unsupported, "不是报告文件格式"))
        }
        guard let content = file.content else {
            let problem = DocumentProblem(.unreadable, "文件大小 \(file.stat.size) 字节，超过上限 \(maxFileBytes) 字节")
            return CheckResult(name: name, format: format,
                               findings: [Finding(rule: problem.rule, severity: .error, message: problem.reason)], problem: problem)
        }
        return checker.check(bytes: content, format: format, name: name)
    }

    /// Records a version, then announces it and marks it announced.
    private func commit(_ version: RecordedVersion, original: RecordedVersion? = nil) throws(LedgerError) {
        guard let id = try ledger.record(version) else { return }
        recordedCount += 1
        var stored = version
        stored.id = id
        try announce(stored, original: original)
    }

    private func announce(_ version: RecordedVersion, original: RecordedVersion?) throws(LedgerError) {
        let builder = VersionEntries(messageID: ruleSet.messageID(forRule:))
        for entry in builder.entries(for: version, original: original) { journal.send(entry) }
        try ledger.markJournaled(version.id)
    }

    /// Sends the announcements a crash cut off between recording a version and announcing it.
    func resendUnjournaled() {
        do {
            for version in try ledger.unjournaled() {
                let original = try version.duplicateOf.flatMap { id throws(LedgerError) in try ledger.version(id: id) }
                try announce(version, original: original)
            }
        } catch {
            journal.send(.event(.skipped, priority: 3, message: "台账读取失败：\(error)"))
        }
    }
}
