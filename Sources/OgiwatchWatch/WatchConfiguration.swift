/// What to watch and how patiently. The watcher knows nothing about reports: every file not on
/// the ignore list is offered, and the consumer decides what it is.
public struct WatchConfiguration: Sendable {
    /// Absolute directory paths, each watched recursively.
    public var roots: [[UInt8]]
    /// Quiet time after the last event on a path before it is read. Samba and scanners close
    /// a file several times seconds apart, so production wants seconds.
    public var settleSeconds: Double
    public var ignore: IgnorePatterns
    /// Files larger than this are hashed but their content is not kept in memory.
    public var maxFileBytes: Int
    /// How often a file whose content looks cut short is offered again while unchanged,
    /// and how long to wait between offers.
    public var incompleteRetries: Int
    public var incompleteRetrySeconds: Double
    /// Longest wait between attempts to re-attach a lost root or re-add a refused watch.
    public var maxBackoffSeconds: Double
    /// How long a settled file that some process still holds open waits before it is read
    /// anyway: a reader holding it open must not keep it unchecked for ever.
    public var maxOpenWaitSeconds: Double

    public init(roots: [[UInt8]], settleSeconds: Double = 2, ignore: IgnorePatterns = IgnorePatterns(),
                maxFileBytes: Int = 64 << 20,
                incompleteRetries: Int = 3, incompleteRetrySeconds: Double? = nil, maxBackoffSeconds: Double = 60,
                maxOpenWaitSeconds: Double = 900) {
        self.roots = roots
        self.settleSeconds = settleSeconds
        self.ignore = ignore
        self.maxFileBytes = maxFileBytes
        self.incompleteRetries = incompleteRetries
        self.incompleteRetrySeconds = incompleteRetrySeconds ?? max(settleSeconds * 3, 0.5)
        self.maxBackoffSeconds = maxBackoffSeconds
        self.maxOpenWaitSeconds = maxOpenWaitSeconds
    }
}
