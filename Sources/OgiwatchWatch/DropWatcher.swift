import Glibc

/// Watches drop folders recursively and hands over files once they are complete.
///
/// Single-threaded by design: the owner calls `pump` in its loop, and every consumer call
/// happens inside `pump`, so a file in hand is always finished before the owner looks at
/// signals. Completeness is never taken from one event: a trigger arms a settle timer, any
/// later event on the path restarts it, and the file is read only if `fstat` shows it
/// unchanged before and after the read.
public final class DropWatcher {
    public let configuration: WatchConfiguration
    unowned let consumer: any WatchConsumer
    var inotify: Inotify?
    var directories: [Int32: [UInt8]] = [:]
    var descriptors: [[UInt8]: Int32] = [:]
    var queue = SettleQueue()
    var openCounts = OpenCounts()
    var retries: [[UInt8]: Backoff] = [:]
    var lostRoots: Set<[UInt8]> = []
    var inotifyRetry: Backoff?
    var skipNoticed: Set<[UInt8]> = []
    var watchLimitReported = false

    struct Backoff {
        var due: Double
        var delay: Double
    }

    public init(configuration: WatchConfiguration, consumer: any WatchConsumer) {
        self.configuration = configuration
        self.consumer = consumer
    }

    /// Paths armed and waiting for their settle period or a retry.
    public var pendingCount: Int { queue.count }

    /// True while some armed path is already due: the start-up catch-up is not finished.
    public var hasDueWork: Bool {
        queue.prune()
        return queue.nextDue.map { $0 <= MonotonicClock.now() } ?? false
    }

    /// Roots currently lost (deleted, moved away or unmounted) and being retried.
    public var lostRootPaths: [[UInt8]] { lostRoots.sorted { $0.lexicographicallyPrecedes($1) } }

    /// Sets up inotify, then watches and scans every root. Files found are armed; the caller
    /// drains them with `pump` before declaring itself ready.
    public func start() {
        openInotify()
        for root in configuration.roots { attachRoot(root, recovering: false) }
    }

    /// Waits for events (at most `maxWait` seconds, less when a timer is due), handles them,
    /// and reads due files for a bounded slice of time. Returns true when `wakeDescriptor`
    /// became readable, so the owner can handle a signal or a stop request.
    @discardableResult
    public func pump(maxWait: Double, wakeDescriptor: Int32? = nil) -> Bool {
        let now = MonotonicClock.now()
        queue.prune()
        var deadline = now + maxWait
        if let due = queue.nextDue { deadline = min(deadline, due) }
        for backoff in retries.values { deadline = min(deadline, backoff.due) }
        if let inotifyRetry { deadline = min(deadline, inotifyRetry.due) }
        var woke = false
        if let inotify {
            let (_, wake) = inotify.wait(timeout: deadline - now, wakeDescriptor: wakeDescriptor)
            woke = wake
            for event in inotify.read() { handle(event) }
        } else {
            var fds = [pollfd(fd: wakeDescriptor ?? -1, events: Int16(POLLIN), revents: 0)]
            woke = poll(&fds, 1, Int32(max(0, deadline - now) * 1000)) > 0 && fds[0].revents != 0
        }
        runRetries()
        readDueFiles(budgetSeconds: 0.25)
        return woke
    }

    /// Rescans every root as on start-up; the consumer's dedup makes this safe to repeat.
    func rescanAll(_ reason: WatchHealth.RescanReason) {
        consumer.health(.rescan(reason, root: nil))
        for root in configuration.roots where !lostRoots.contains(root) { attachTree(root) }
    }

    // MARK: Events

    private func handle(_ event: InotifyEvent) {
        if event.has(Inotify.queueOverflow) {
            openCounts.forgetAll()
            rescanAll(.overflow)
            return
        }
        guard let directory = directories[event.descriptor] else { return }
        let isRoot = configuration.roots.contains(directory)
        if event.has(Inotify.ignored) {
            forget(descriptor: event.descriptor)
            if isRoot { loseRoot(directory, reason: .watchRemoved) }
            return
        }
        if isRoot, event.mask & (Inotify.deleteSelf | Inotify.moveSelf | Inotify.unmount) != 0 {
            let reason: RootLoss = event.has(Inotify.unmount) ? .unmounted : event.has(Inotify.deleteSelf) ? .deleted : .movedAway
            loseRoot(directory, reason: reason)
            return
        }
        guard !event.name.isEmpty else { return }
        let path = PathBytes.join(directory, event.name)
        if event.has(Inotify.isDirectory) {
            if event.mask & (Inotify.create | Inotify.movedTo) != 0, !configuration.ignore.matches(event.name) {
                attachTree(path)
            } else if event.mask & (Inotify.movedFrom | Inotify.delete) != 0 {
                detachTree(path)
            }
            return
        }
        if event.mask & (Inotify.open | Inotify.closeWrite | Inotify.closeNoWrite) != 0,
           !configuration.ignore.matches(event.name) {
            if event.has(Inotify.open) { openCounts.opened(path) } else { openCounts.closed(path) }
        }
        if event.mask & (Inotify.movedFrom | Inotify.delete) != 0 {
            queue.cancel(path)
            openCounts.forget(path)
            skipNoticed.remove(path)
        } else if event.mask & (Inotify.closeWrite | Inotify.movedTo) != 0 {
            consider(path, name: event.name, trigger: true)
        } else if event.has(Inotify.create) {
            consider(path, name: event.name, trigger: false)
        }
    }

    /// Arms `path` when a trigger says it may be complete. A bare IN_CREATE only counts when
    /// the file already has a second link (WinSCP links `name.filepart` to `name`) or already
    /// holds bytes (the link's other name may be gone by the time the event is read), when it
    /// restarts a running settle period, or to notice a symlink or FIFO. A writer still busy
    /// with the file changes its stat and so keeps re-arming it.
    private func consider(_ path: [UInt8], name: [UInt8], trigger: Bool) {
        guard !configuration.ignore.matches(name) else { return }
        guard let stat = FileStat.lstat(path) else {
            queue.cancel(path)
            return
        }
        guard stat.kind == .regular else {
            noticeSpecial(path, stat.kind)
            return
        }
        guard trigger || stat.links > 1 || stat.size > 0 || queue.contains(path) else { return }
        queue.arm(.init(path: path, due: MonotonicClock.now() + configuration.settleSeconds, expected: stat, attempt: 0))
    }

    /// A file found by a scan: if it was last written longer ago than the settle time it is
    /// read at once, otherwise it waits like a fresh drop.
    func found(_ path: [UInt8], name: [UInt8], stat: FileStat) {
        guard !configuration.ignore.matches(name) else { return }
        guard stat.kind == .regular else {
            noticeSpecial(path, stat.kind)
            return
        }
        if queue.contains(path) || consumer.alreadyHandled(path, stat: stat) { return }
        let age = Double(MonotonicClock.realtimeNanoseconds() - max(stat.mtimeNanoseconds, stat.ctimeNanoseconds)) / 1e9
        let wait = age >= configuration.settleSeconds ? 0 : configuration.settleSeconds
        queue.arm(.init(path: path, due: MonotonicClock.now() + wait, expected: stat, attempt: 0))
    }

    /// A symlink, FIFO or device is noted, never followed or read.
    private func noticeSpecial(_ path: [UInt8], _ kind: FileStat.Kind) {
        noticeSkip(path, .notRegular(kind))
    }

    func noticeSkip(_ path: [UInt8], _ reason: SkipReason) {
        queue.cancel(path)
        guard skipNoticed.insert(path).inserted else { return }
        consumer.skipped(path, reason: reason)
    }

    // MARK: Reading

    private func readDueFiles(budgetSeconds: Double) {
        let stop = MonotonicClock.now() + budgetSeconds
        while MonotonicClock.now() < stop, let item = queue.popDue(now: MonotonicClock.now()) {
            read(item)
        }
    }

    private func read(_ item: SettleQueue.Item) {
        let now = MonotonicClock.now()
        if openCounts.isOpen(item.path), now - (item.heldOpenSince ?? now) < configuration.maxOpenWaitSeconds {
            var waiting = item
            waiting.due = now + configuration.settleSeconds
            waiting.heldOpenSince = item.heldOpenSince ?? now
            queue.arm(waiting)
            return
        }
        switch StableRead.read(item.path, beneath: root(of: item.path), expected: item.expected, maxBytes: configuration.maxFileBytes) {
        case .ready(let stat, let sha256, let content):
            let final = item.attempt >= configuration.incompleteRetries
            let file = ReadyFile(path: item.path, stat: stat, sha256: sha256, content: content,
                                 attempt: item.attempt, isFinalAttempt: final)
            switch consumer.ready(file) {
            case .done:
                break
            case .retryLater:
                guard !final else { break }
                queue.arm(.init(path: item.path, due: MonotonicClock.now() + configuration.incompleteRetrySeconds,
                                expected: stat, attempt: item.attempt + 1))
            case .postpone(let seconds):
                queue.arm(.init(path: item.path, due: MonotonicClock.now() + seconds, expected: stat, attempt: item.attempt))
            }
        case .changed:
            guard let stat = FileStat.lstat(item.path) else { return }
            queue.arm(.init(path: item.path, due: MonotonicClock.now() + configuration.settleSeconds, expected: stat, attempt: 0))
        case .gone:
            return
        case .notRegular(let kind):
            noticeSkip(item.path, .notRegular(kind))
        case .otherMount:
            noticeSkip(item.path, .otherMount)
        case .failed(let code):
            noticeSkip(item.path, .unreadable(errno: code))
        }
    }
}
