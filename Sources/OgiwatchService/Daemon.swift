import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchEvents
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchReaders
import OgiwatchWatch

/// The service loop: watcher → `FileIntake` → ledger and journal, on one thread, with the
/// service manager told about readiness, reloads, stops and liveness. Signals arrive through
/// a pipe and are handled between files, so the file in hand is always finished. Neither a
/// stalled journald nor a full disk holds the loop: what they refuse waits and is retried.
public final class Daemon: WatchConsumer {
    private var config: ServiceConfig
    private var rules: LoadedRules
    private let intake: FileIntake
    private let ledger: Ledger
    private let journal: JournalWriter
    private let notifier = Notifier()
    private let statusFile: StatusFile
    private let loadConfig: (() throws -> ServiceConfig)?
    private var watcher: DropWatcher?
    private let startedAt = Date()
    private var published: ServiceStatus?
    private var statusFileFailed = false
    /// Set while the ledger cannot be written: when the next file may try, and the delay after.
    private var ledgerOutage: (due: Double, delay: Double)?

    /// `loadConfig` re-reads the config file with the command-line overrides applied; nil when
    /// there is no file, so a reload only re-reads the rules.
    public init(config: ServiceConfig, loadConfig: (() throws -> ServiceConfig)?, rules: LoadedRules, ledger: Ledger,
                journal: JournalWriter) {
        self.config = config
        self.rules = rules
        self.loadConfig = loadConfig
        self.intake = FileIntake(checker: config.checker(rules.ruleSet), ledger: ledger, journal: journal)
        self.ledger = ledger
        self.journal = journal
        self.statusFile = StatusFile(stateDirectory: config.resolvedStateDirectory())
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status.
    public func run() -> Int32 {
        let signals = SignalPipe.install()
        let watcher = makeWatcher()
        publish(.starting)
        journal.send(.event(.started, priority: .info, message: "ogiwatch 开始监视 \(config.watch.count) 个目录（规则集 \(rules.ruleSet.version)）",
                            fields: config.rootPaths.map { .init("OGIWATCH_ROOT", $0) }))
        watcher.start()
        // Catch-up: files found by the scan, including those young enough to still be settling.
        var stopping = false
        let catchUpEnd = MonotonicClock.now() + config.settleSeconds + 1
        while !stopping, watcher.hasDueWork || (watcher.pendingCount > 0 && MonotonicClock.now() < catchUpEnd) {
            if watcher.pump(maxWait: 0.05, wakeDescriptor: signals) { stopping = handle(SignalPipe.drain(signals)) }
            catchUpJournal()
        }
        notifier.ready(status: statusLine)
        let watchdog = notifier.watchdogInterval
        var nextWatchdog = MonotonicClock.now()
        while !stopping {
            if let watchdog, MonotonicClock.now() >= nextWatchdog {
                notifier.watchdog()
                nextWatchdog = MonotonicClock.now() + watchdog
            }
            publish(.running)
            let journalDue = intake.announcer.retry.map { max(0, $0.due - MonotonicClock.now()) } ?? 60
            if (self.watcher ?? watcher).pump(maxWait: min(watchdog ?? 60, 60, journalDue), wakeDescriptor: signals) {
                stopping = handle(SignalPipe.drain(signals))
            }
            catchUpJournal()
        }
        notifier.stopping()
        publish(.stopped)
        journal.send(.event(.stopping, priority: .info, message: "ogiwatch 停止（已检查 \(intake.recordedCount) 份）"))
        return 0
    }

    /// Sends what journald did not take earlier, when its retry is due.
    private func catchUpJournal() {
        if let retry = intake.announcer.retry, retry.due <= MonotonicClock.now() { intake.announcer.catchUp() }
    }

    private func makeWatcher() -> DropWatcher {
        // Every file that is not on the ignore list is offered: a report is checked, anything
        // else is noted once, so nothing dropped goes unanswered.
        let configuration = WatchConfiguration(
            roots: config.rootPaths, settleSeconds: config.settleSeconds, ignore: config.ignorePatterns,
            maxFileBytes: config.maxFileBytes, incompleteRetries: config.incompleteRetries,
            incompleteRetrySeconds: config.incompleteRetrySeconds)
        let watcher = DropWatcher(configuration: configuration, consumer: self)
        self.watcher = watcher
        return watcher
    }

    private var currentStatus: ServiceStatus {
        let lost = Set(watcher?.lostRootPaths ?? [])
        return ServiceStatus(state: .running, pid: getpid(), startedAt: startedAt,
                             roots: config.rootPaths.map { .init(path: PathBytes.display($0), lost: lost.contains($0)) },
                             queued: watcher?.pendingCount ?? 0, recordedSinceStart: intake.recordedCount,
                             ruleSetVersion: rules.ruleSet.version, ruleFiles: rules.files,
                             ledgerUnwritable: ledgerOutage != nil, journalBacklog: intake.announcer.retry != nil)
    }

    /// The service manager's one-line STATUS=.
    private var statusLine: String {
        let status = currentStatus
        return (["已检查 \(status.recordedSinceStart) 份，等待中 \(status.queued) 份"] + status.troubles).joined(separator: "，")
    }

    /// Writes the status file and tells the service manager, when anything changed.
    private func publish(_ state: ServiceStatus.State) {
        var status = currentStatus
        status.state = state
        guard status != published else { return }
        published = status
        if state == .running { notifier.status(statusLine) }
        do {
            try statusFile.write(status)
            statusFileFailed = false
        } catch {
            // Checking goes on without it; said once per failure, on stderr, which the unit's journal keeps.
            if !statusFileFailed {
                journal.writeFallback(.event(.skipped, priority: .warning,
                                             message: error.description))
            }
            statusFileFailed = true
        }
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
        defer { notifier.ready(status: statusLine) }
        do {
            let next = try loadConfig?() ?? config
            let loaded = try next.loadRules()
            let watchChanged = next.watchSettings != config.watchSettings
            config = next
            rules = loaded
            intake.use(next.checker(loaded.ruleSet))
            journal.send(.event(.configReloaded, priority: .info, message: "配置和规则已重新加载（规则集 \(loaded.ruleSet.version)）"))
            record(health: .configReloaded, loaded.ruleSet.version)
            if watchChanged { makeWatcher().start() }
        } catch {
            journal.send(.event(.configRejected, priority: .error, message: "新配置或规则无效，继续使用原配置：\(error)"))
            record(health: .configRejected, "\(error)")
        }
    }

    // MARK: WatchConsumer

    /// While the ledger cannot be written (a full disk), files stay in the drop folder and
    /// are offered again; one of them tries at a time, with a growing delay up to 30 s.
    public func ready(_ file: ReadyFile) -> ReadyDisposition {
        let now = MonotonicClock.now()
        if let outage = ledgerOutage, now < outage.due { return .postpone(seconds: outage.due - now) }
        do {
            let disposition = try intake.take(file)
            if ledgerOutage != nil {
                ledgerOutage = nil
                journal.send(.event(.ledgerRecovered, priority: .notice, message: "台账恢复写入，等待中的文件继续检查"))
            }
            return disposition
        } catch {
            if ledgerOutage == nil {
                journal.send(.event(.ledgerUnwritable, priority: .error,
                                    message: "台账无法写入（\(error.description)），\(PathBytes.display(file.path)) 等新文件留在投放目录中等待，恢复写入后自动检查",
                                    file: FileIdentity(path: file.path, sha256: file.sha256)))
            }
            let delay = min((ledgerOutage?.delay ?? 0.5) * 2, 30)
            ledgerOutage = (now + delay, delay)
            return .postpone(seconds: delay)
        }
    }

    public func skipped(_ path: [UInt8], reason: SkipReason) {
        let why = switch reason {
        case .notRegular(let kind): "不是普通文件（\(kind.rawValue)），不读取" + (kind == .symlink ? "，符号链接不跟随" : "")
        case .unreadable(let code): "无法打开：\(String(cString: strerror(code)))"
        case .otherMount: "位于投递目录中的另一个挂载点（mount 或 bind mount），不进入、不读取；如需检查，请把它作为单独的投递目录（watch）配置"
        }
        journal.send(.event(.skipped, priority: .notice, message: "\(PathBytes.display(path))：\(why)", file: FileIdentity(path: path)))
    }

    public func health(_ event: WatchHealth) {
        let entry = HealthEntry(event, roots: config.rootPaths)
        journal.send(entry.journalEntry)
        record(health: entry.kind, entry.detail)
    }

    public func alreadyHandled(_ path: [UInt8], stat: FileStat) -> Bool {
        (try? intake.alreadyHandled(path, stat: stat)) ?? false
    }

    private func record(health kind: ServiceEvent, _ detail: String) {
        do {
            try ledger.recordHealth(kind: kind, detail: detail)
        } catch {
            journal.send(.event(.skipped, priority: .error, message: "台账写入失败：\(error.description)"))
        }
    }
}
