import Foundation
import OgiwatchCore
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchReaders
import OgiwatchWatch

/// The service loop: watcher → `FileIntake` → ledger and journal, on one thread, with the
/// service manager told about readiness, reloads, stops and liveness. Signals arrive through
/// a pipe and are handled between files, so the file in hand is always finished. Neither a
/// stalled journald nor a full disk holds the loop: what they refuse waits and is retried.
final class Daemon: WatchConsumer {
    private var config: ServiceConfig
    private var intake: FileIntake
    private let ledger: Ledger
    private let journal: JournalWriter
    private let notifier = Notifier()
    private let loadConfig: (() throws -> ServiceConfig)?
    private let reloadRules: (ServiceConfig) throws -> RuleSet
    private var watcher: DropWatcher?
    private var lastStatus = ""
    /// Set while the ledger cannot be written: when the next file may try, and the delay after.
    private var ledgerOutage: (due: Double, delay: Double)?

    /// `loadConfig` re-reads the config file with the command-line overrides applied; nil when
    /// there is no file, so a reload only re-reads the rules.
    init(config: ServiceConfig, loadConfig: (() throws -> ServiceConfig)?, ruleSet: RuleSet, ledger: Ledger, journal: JournalWriter,
         reloadRules: @escaping (ServiceConfig) throws -> RuleSet) {
        self.config = config
        self.loadConfig = loadConfig
        self.intake = FileIntake(ruleSet: ruleSet, maxFileBytes: config.maxFileBytes, ledger: ledger, journal: journal)
        self.ledger = ledger
        self.journal = journal
        self.reloadRules = reloadRules
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status.
    func run() -> Int32 {
        let signals = SignalPipe.install()
        let watcher = makeWatcher()
        journal.send(.event(.started, priority: 6, message: "ogiwatch 开始监视 \(config.watch.count) 个目录（规则集 \(intake.ruleSet.version)）",
                            fields: config.rootPaths.map { .init("OGIWATCH_ROOT", $0) }))
        watcher.start()
        // Catch-up: files found by the scan, including those young enough to still be settling.
        var stopping = false
        let catchUpEnd = MonotonicClock.now() + config.settleSeconds + 1
        while !stopping, watcher.hasDueWork || (watcher.pendingCount > 0 && MonotonicClock.now() < catchUpEnd) {
            if watcher.pump(maxWait: 0.05, wakeDescriptor: signals) { stopping = handle(SignalPipe.drain(signals)) }
            catchUpJournal()
        }
        notifier.ready(status: status())
        let watchdog = notifier.watchdogInterval
        var nextWatchdog = MonotonicClock.now()
        while !stopping {
            if let watchdog, MonotonicClock.now() >= nextWatchdog {
                notifier.watchdog()
                nextWatchdog = MonotonicClock.now() + watchdog
            }
            let journalDue = intake.announcer.retry.map { max(0, $0.due - MonotonicClock.now()) } ?? 60
            if (self.watcher ?? watcher).pump(maxWait: min(watchdog ?? 60, 60, journalDue), wakeDescriptor: signals) {
                stopping = handle(SignalPipe.drain(signals))
            }
            catchUpJournal()
            let text = status()
            if text != lastStatus {
                notifier.status(text)
                lastStatus = text
            }
        }
        notifier.stopping()
        journal.send(.event(.stopping, priority: 6, message: "ogiwatch 停止（已检查 \(intake.recordedCount) 份）"))
        return 0
    }

    /// Sends what journald did not take earlier, when its retry is due.
    private func catchUpJournal() {
        if let retry = intake.announcer.retry, retry.due <= MonotonicClock.now() { intake.announcer.catchUp() }
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
        "已检查 \(intake.recordedCount) 份，等待中 \(watcher?.pendingCount ?? 0) 份"
            + (watcher?.lostRootPaths.isEmpty == false ? "，\(watcher?.lostRootPaths.count ?? 0) 个目录丢失" : "")
            + (ledgerOutage != nil ? "，台账无法写入" : "") + (intake.announcer.retry != nil ? "，日志记录待补发" : "")
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
            intake.use(ruleSet: rules, maxFileBytes: next.maxFileBytes)
            journal.send(.event(.configReloaded, priority: 6, message: "配置和规则已重新加载（规则集 \(rules.version)）"))
            record(health: "config-reloaded", rules.version)
            if watchChanged { makeWatcher().start() }
        } catch {
            journal.send(.event(.configRejected, priority: 3, message: "新配置或规则无效，继续使用原配置：\(error)"))
            record(health: "config-rejected", "\(error)")
        }
    }

    // MARK: WatchConsumer

    /// While the ledger cannot be written (a full disk), files stay in the drop folder and
    /// are offered again; one of them tries at a time, with a growing delay up to 30 s.
    func ready(_ file: ReadyFile) -> ReadyDisposition {
        let now = MonotonicClock.now()
        if let outage = ledgerOutage, now < outage.due { return .postpone(seconds: outage.due - now) }
        do {
            let disposition = try intake.take(file)
            if ledgerOutage != nil {
                ledgerOutage = nil
                journal.send(.event(.ledgerRecovered, priority: 5, message: "台账恢复写入，等待中的文件继续检查"))
            }
            return disposition
        } catch {
            if ledgerOutage == nil {
                journal.send(.event(.ledgerUnwritable, priority: 3,
                                    message: "台账无法写入（\(error.description)），\(PathBytes.display(file.path)) 等新文件留在投放目录中等待，恢复写入后自动检查",
                                    file: FileIdentity(path: file.path, sha256: file.sha256)))
            }
            let delay = min((ledgerOutage?.delay ?? 0.5) * 2, 30)
            ledgerOutage = (now + delay, delay)
            return .postpone(seconds: delay)
        }
    }

    func skipped(_ path: [UInt8], reason: SkipReason) {
        let why = switch reason {
        case .notRegular(let kind): "不是普通文件（\(kind.rawValue)），不读取" + (kind == .symlink ? "，符号链接不跟随" : "")
        case .unreadable(let code): "无法打开：\(String(cString: strerror(code)))"
        case .otherMount: "位于投递目录中的另一个挂载点（mount 或 bind mount），不进入、不读取；如需检查，请把它作为单独的投递目录（watch）配置"
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
                                 ruleSetVersion: intake.ruleSet.version)) ?? false
    }

    private func record(health kind: String, _ detail: String) {
        do {
            try ledger.recordHealth(kind: kind, detail: detail)
        } catch {
            journal.send(.event(.skipped, priority: 3, message: "台账写入失败：\(error)"))
        }
    }
}
