import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchReaders
import OgiwatchWatch

/// The service: watcher → checker → ledger → journal, on one thread.
///
/// Each ready file is deduplicated against the ledger, checked, recorded in one transaction
/// and only then announced; the `journaled` flag lets a restart re-send announcements a crash
/// cut off. Signals arrive through a pipe and are handled between files.
final class Daemon: WatchConsumer {
    private var config: ServiceConfig
    private var ruleSet: RuleSet
    private var checker: Checker
    private let ledger: Ledger
    private let journal: Journal
    private let notifier = Notifier()
    private let loadConfig: (() throws -> ServiceConfig)?
    private let reloadRules: (ServiceConfig) throws -> RuleSet
    private var watcher: DropWatcher?
    private var checkedCount = 0
    private var lastStatus = ""

    /// `loadConfig` re-reads the config file with the command-line overrides applied; nil when
    /// there is no file, so a reload only re-reads the rules.
    init(config: ServiceConfig, loadConfig: (() throws -> ServiceConfig)?, ruleSet: RuleSet, ledger: Ledger, journal: Journal,
         reloadRules: @escaping (ServiceConfig) throws -> RuleSet) {
        self.config = config
        self.loadConfig = loadConfig
        self.ruleSet = ruleSet
        self.checker = Checker(ruleSet: ruleSet, limits: ReadLimits(maxFileBytes: config.maxFileBytes))
        self.ledger = ledger
        self.journal = journal
        self.reloadRules = reloadRules
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status.
    func run() -> Int32 {
        let signals = SignalPipe.install()
        resendUnjournaled()
        let watcher = makeWatcher()
        journal.send(.event(.started, priority: 6, message: "ogiwatch 开始监视 \(config.watch.count) 个目录（规则集 \(ruleSet.version)）",
                            fields: config.rootPaths.map { .init("OGIWATCH_ROOT", $0) }))
        watcher.start()
        // Catch-up: files found by the scan, including those young enough to still be settling.
        var stopping = false
        let catchUpEnd = MonotonicClock.now() + config.settleSeconds + 1
        while !stopping, watcher.hasDueWork || (watcher.pendingCount > 0 && MonotonicClock.now() < catchUpEnd) {
            if watcher.pump(maxWait: 0.05, wakeDescriptor: signals) { stopping = handle(SignalPipe.drain(signals)) }
        }
        notifier.ready(status: status())
        let watchdog = notifier.watchdogInterval
        var nextWatchdog = MonotonicClock.now()
        while !stopping {
            if let watchdog, MonotonicClock.now() >= nextWatchdog {
                notifier.watchdog()
                nextWatchdog = MonotonicClock.now() + watchdog
            }
            if (self.watcher ?? watcher).pump(maxWait: min(watchdog ?? 60, 60), wakeDescriptor: signals) {
                stopping = handle(SignalPipe.drain(signals))
            }
            let text = status()
            if text != lastStatus {
                notifier.status(text)
                lastStatus = text
            }
        }
        notifier.stopping()
        journal.send(.event(.stopping, priority: 6, message: "ogiwatch 停止（已检查 \(checkedCount) 份）"))
        return 0
    }

    private func makeWatcher() -> DropWatcher {
        let configuration = WatchConfiguration(
            roots: config.rootPaths, settleSeconds: config.settleSeconds, ignore: config.ignorePatterns,
            isCandidate: { DocumentFormat(fileName: String(decoding: $0, as: UTF8.self)) != nil },
            maxFileBytes: config.maxFileBytes, incompleteRetries: config.incompleteRetries,
            incompleteRetrySeconds: config.incompleteRetrySeconds)
        let watcher = DropWatcher(configuration: configuration, consumer: self)
        self.watcher = watcher
        return watcher
    }

    private func status() -> String {
        "已检查 \(checkedCount) 份，等待中 \(watcher?.pendingCount ?? 0) 份"
            + (watcher?.lostRootPaths.isEmpty == false ? "，\(watcher?.lostRootPaths.count ?? 0) 个目录丢失" : "")
    }

    /// Returns true when the service should stop.
    private func handle(_ signals: [Int32]) -> Bool {
        if signals.contains(SIGTERM) || signals.contains(SIGINT) { return true }
        if signals.contains(SIGHUP) { reload() }
        return false
    }

    /// SIGHUP: re-read the config file and the rules; anything invalid keeps the old ones.
    private func reload() {
        notifier.reloading(monotonicMicroseconds: MonotonicClock.microseconds())
        defer { notifier.ready(status: status()) }
        do {
            let next = try loadConfig?() ?? config
            let rules = try reloadRules(next)
            let watchChanged = next.watchSettings != config.watchSettings
            config = next
            ruleSet = rules
            checker = Checker(ruleSet: rules, limits: ReadLimits(maxFileBytes: next.maxFileBytes))
            journal.send(.event(.configReloaded, priority: 6, message: "配置和规则已重新加载（规则集 \(rules.version)）"))
            record(health: "config-reloaded", rules.version)
            if watchChanged { makeWatcher().start() }
        } catch {
            journal.send(.event(.configRejected, priority: 3, message: "新配置或规则无效，继续使用原配置：\(error)"))
            record(health: "config-rejected", "\(error)")
        }
    }

    // MARK: WatchConsumer

    func ready(_ file: ReadyFile) -> ReadyDisposition {
        do {
            return try process(file)
        } catch {
            journal.send(.event(.skipped, priority: 3, message: "\(PathBytes.display(file.path))：无法写入台账：\(error)",
                                file: FileIdentity(path: file.path, sha256: file.sha256)))
            return .done
        }
    }

    private func process(_ file: ReadyFile) throws(LedgerError) -> ReadyDisposition {
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
            let problem = DocumentProblem(.unreadable, "文件大小 \(file.stat.size) 字节，超过上限 \(config.maxFileBytes) 字节")
            return CheckResult(name: name, format: format,
                               findings: [Finding(rule: problem.rule, severity: .error, message: problem.reason)], problem: problem)
        }
        return checker.check(bytes: content, format: format, name: name)
    }

    /// Records a version, then announces it and marks it announced.
    private func commit(_ version: RecordedVersion, original: RecordedVersion? = nil) throws(LedgerError) {
        guard let id = try ledger.record(version) else { return }
        checkedCount += 1
        var stored = version
        stored.id = id
        try announce(stored, original: original)
    }

    private func announce(_ version: RecordedVersion, original: RecordedVersion?) throws(LedgerError) {
        let builder = VersionEntries(messageID: ruleSet.messageID(forRule:))
        for entry in builder.entries(for: version, original: original) { journal.send(entry) }
        try ledger.markJournaled(version.id)
    }

    private func resendUnjournaled() {
        do {
            for version in try ledger.unjournaled() {
                let original = try version.duplicateOf.flatMap { id throws(LedgerError) in try ledger.version(id: id) }
                try announce(version, original: original)
            }
        } catch {
            journal.send(.event(.skipped, priority: 3, message: "台账读取失败：\(error)"))
        }
    }

    func skipped(_ path: [UInt8], reason: SkipReason) {
        let why = switch reason {
        case .notRegular(let kind): "不是普通文件（\(kind.rawValue)），不读取" + (kind == .symlink ? "，符号链接不跟随" : "")
        case .unreadable(let code): "无法打开：\(String(cString: strerror(code)))"
        }
        journal.send(.event(.skipped, priority: 5, message: "\(PathBytes.display(path))：\(why)", file: FileIdentity(path: path)))
    }

    func health(_ event: WatchHealth) {
        let entry = HealthEntry(event)
        journal.send(entry.journalEntry)
        record(health: entry.kind, entry.detail)
    }

    func alreadyHandled(_ path: [UInt8], stat: FileStat) -> Bool {
        (try? ledger.isUnchanged(path: path, size: stat.size, mtimeNanoseconds: stat.mtimeNanoseconds,
                                 ctimeNanoseconds: stat.ctimeNanoseconds, inode: stat.inode,
                                 ruleSetVersion: ruleSet.version)) ?? false
    }

    private func record(health kind: String, _ detail: String) {
        do {
            try ledger.recordHealth(kind: kind, detail: detail)
        } catch {
            journal.send(.event(.skipped, priority: 3, message: "台账写入失败：\(error)"))
        }
    }
}
