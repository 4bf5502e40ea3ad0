/// Why a watched folder went away, as inotify or a stat told it. The operator reads the
/// words in the journal and the daily summary, so each case has them in Chinese.
public enum RootLoss: String, Sendable, CaseIterable {
    case missing
    case notDirectory = "not-a-directory"
    case deleted
    case movedAway = "moved-away"
    case unmounted
    /// `IN_IGNORED` without one of the events above: the kernel dropped the watch.
    case watchRemoved = "watch-removed"

    public var chinese: String {
        switch self {
        case .missing: "目录不存在"
        case .notDirectory: "不是目录"
        case .deleted: "目录已被删除"
        case .movedAway: "目录已被移走或改名"
        case .unmounted: "所在文件系统已卸载"
        case .watchRemoved: "内核撤销了对它的监视"
        }
    }
}
