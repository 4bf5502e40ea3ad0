import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchEvents
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchReaders
import OgiwatchWatch

/// What happens to one complete file: deduplicated against the ledger, checked through
/// `Checker` like `ogiwatch check` would, recorded in one transaction and only then announced.
/// A file that is no report is noted once. A ledger error leaves the file unrecorded for the
/// caller to offer again; the announcement goes through `Announcer`, which sends again what
/// journald did not take.
public final class FileIntake {
    public private(set) var ruleSet: RuleSet
    private var checker: Checker
    private let ledger: Ledger
    private let journal: JournalWriter
    let announcer: Announcer
    /// Versions recorded since start, for the service status line.
    public private(set) var recordedCount = 0

    public init(checker: Checker, ledger: Ledger, journal: JournalWriter) {
        self.ruleSet = checker.ruleSet
        self.checker = checker
        self.ledger = ledger
        self.journal = journal
        self.announcer = Announcer(ledger: ledger, journal: journal, messageID: checker.ruleSet.messageID(forRule:))
    }

    /// Switches to reloaded rules and limits; files already recorded keep their results.
    public func use(_ checker: Checker) {
        self.checker = checker
        ruleSet = checker.ruleSet
        announcer.use(messageID: checker.ruleSet.messageID(forRule:))
    }

    /// Decides what a ready file is (no report, known, a duplicate, cut short, or new), checks
    /// it when new, and records and announces the result.
    public func take(_ file: ReadyFile) throws(LedgerError) -> ReadyDisposition {
        guard Self.format(of: file.path) != nil else {
            try note(file.path)
            return .done
        }
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
        let result = checker.check(content: file.content, size: file.stat.size, name: Self.name(of: file.path))
        if let problem = result.problem, problem.looksIncomplete, !file.isFinalAttempt {
            try ledger.setPending(path: file.path, sha256: file.sha256, attempts: file.attempt + 1, reason: problem.reason)
            return .retryLater
        }
        try commit(RecordedVersion(facts: facts, template: result.template, organ: result.organ, year: result.year,
                                   checkedAt: Date(), ruleSetVersion: ruleSet.version,
                                   status: result.problem == nil ? .checked : .unreadable, findings: result.findings))
        return .done
    }

    /// True for a file the ledger has already seen as it is now: recorded with this rule set,
    /// or noted as no report. Spares reading it again at start-up.
    public func alreadyHandled(_ path: [UInt8], stat: FileStat) throws(LedgerError) -> Bool {
        if try ledger.isUnchanged(path: path, size: stat.size, mtimeNanoseconds: stat.mtimeNanoseconds,
                                  ctimeNanoseconds: stat.ctimeNanoseconds, inode: stat.inode, ruleSetVersion: ruleSet.version) {
            return true
        }
        guard Self.format(of: path) == nil else { return false }
        return try ledger.isNoted(path: path)
    }

    /// A file that is no report gets one journal entry in its life, not one per start.
    private func note(_ path: [UInt8]) throws(LedgerError) {
        let reason = DocumentReader.unsupportedFormat.reason
        guard try ledger.note(path: path, reason: reason) else { return }
        journal.send(.event(.notReport, priority: .notice, message: "\(PathBytes.display(path))：不是年度报告文件，不检查（\(reason)）",
                            file: FileIdentity(path: path)))
    }

    private static func name(of path: [UInt8]) -> String {
        String(decoding: PathBytes.baseName(path), as: UTF8.self)
    }

    private static func format(of path: [UInt8]) -> DocumentFormat? {
        DocumentFormat(fileName: name(of: path))
    }

    /// Records a version, then announces it with the version before it for comparison.
    private func commit(_ version: RecordedVersion, original: RecordedVersion? = nil) throws(LedgerError) {
        var stored = version
        stored.announcement = announcer.stateForNewVersion
        guard let id = try ledger.record(stored) else { return }
        recordedCount += 1
        stored.id = id
        stored.previous = try ledger.previousVersion(of: stored)
        announcer.announce(stored, original: original)
    }
}
