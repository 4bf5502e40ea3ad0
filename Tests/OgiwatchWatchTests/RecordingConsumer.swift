import OgiwatchWatch

/// Collects what the watcher hands over, and can ask for retries, so tests observe the
/// watcher's real decisions on a real file system.
final class RecordingConsumer: WatchConsumer {
    var readyFiles: [ReadyFile] = []
    var skips: [([UInt8], SkipReason)] = []
    var healthEvents: [WatchHealth] = []
    var retryWhile: (ReadyFile) -> Bool = { _ in false }
    var handled: Set<[UInt8]> = []

    func ready(_ file: ReadyFile) -> ReadyDisposition {
        readyFiles.append(file)
        return retryWhile(file) ? .retryLater : .done
    }

    func skipped(_ path: [UInt8], reason: SkipReason) { skips.append((path, reason)) }
    func health(_ event: WatchHealth) { healthEvents.append(event) }
    func alreadyHandled(_ path: [UInt8], stat: FileStat) -> Bool { handled.contains(path) }

    func readyPaths() -> [[UInt8]] { readyFiles.map(\.path) }

    /// Pumps `watcher` until `condition` holds or `seconds` pass; returns whether it held.
    @discardableResult
    func pump(_ watcher: DropWatcher, seconds: Double = 10, until condition: () -> Bool) -> Bool {
        let stop = MonotonicClock.now() + seconds
        while MonotonicClock.now() < stop {
            if condition() { return true }
            watcher.pump(maxWait: 0.05)
        }
        return condition()
    }
}
