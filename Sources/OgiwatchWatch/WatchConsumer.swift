/// A file that stayed unchanged through its settle period and was read in one piece.
public struct ReadyFile: Sendable {
    public var path: [UInt8]
    public var stat: FileStat
    public var sha256: String
    /// The bytes that were hashed; nil when the file exceeds `maxFileBytes`.
    public var content: [UInt8]?
    /// 0 on first offer; counts re-offers of a file the consumer found cut short.
    public var attempt: Int
    /// No further retry follows: a consumer should now report the file as it is.
    public var isFinalAttempt: Bool

    public init(path: [UInt8], stat: FileStat, sha256: String, content: [UInt8]?, attempt: Int = 0, isFinalAttempt: Bool = false) {
        self.path = path
        self.stat = stat
        self.sha256 = sha256
        self.content = content
        self.attempt = attempt
        self.isFinalAttempt = isFinalAttempt
    }
}

/// What the consumer wants done after it has looked at a ready file.
public enum ReadyDisposition: Sendable, Equatable {
    case done
    /// The content looks cut short (a copy in progress): offer it again later if unchanged.
    case retryLater
    /// The consumer cannot take any file now (its ledger cannot be written): offer this one
    /// again after `seconds`, without counting it as a retry.
    case postpone(seconds: Double)
}

/// Why an entry in a drop folder is not read.
public enum SkipReason: Sendable, Equatable {
    case notRegular(FileStat.Kind)
    case unreadable(errno: Int32)
    /// On another mount than its drop folder: a mount or bind mount inside it (a bind of
    /// /etc would otherwise be read as reports).
    case otherMount
}

/// Conditions an operator should see: lost events, lost roots, exhausted limits.
public enum WatchHealth: Sendable, Equatable {
    public enum RescanReason: String, Sendable {
        case overflow, rootRecovered = "root-recovered", inotifyRestored = "inotify-restored"
    }

    case rescan(RescanReason, root: [UInt8]?)
    case rootLost([UInt8], reason: RootLoss)
    case rootRecovered([UInt8])
    case watchLimit(WatchError, directory: [UInt8])
    case watchFailed(WatchError)
}

/// Receives the watcher's output on the watcher's own thread, one call at a time; the
/// watcher waits for each call to return, which is what bounds memory during a burst.
public protocol WatchConsumer: AnyObject {
    func ready(_ file: ReadyFile) -> ReadyDisposition
    func skipped(_ path: [UInt8], reason: SkipReason)
    func health(_ event: WatchHealth)
    /// Called for files found by a scan before they are read: true when this exact version
    /// (same size, mtime and ctime) was already handled, which spares re-hashing on start-up
    /// and after every rescan.
    func alreadyHandled(_ path: [UInt8], stat: FileStat) -> Bool
}
