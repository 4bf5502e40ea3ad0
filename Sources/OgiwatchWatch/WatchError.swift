import Glibc

/// Why watching could not be set up, phrased so an operator knows the fix.
public enum WatchError: Error, Sendable, Equatable {
    /// `inotify_add_watch` hit `fs.inotify.max_user_watches` (reported by the kernel as ENOSPC).
    case watchLimit(current: Int?, suggestion: String)
    /// `inotify_init1` hit `fs.inotify.max_user_instances` (EMFILE).
    case instanceLimit(current: Int?, suggestion: String)
    /// Any other system call failure, with the path bytes it concerned.
    case system(call: String, errno: Int32, path: [UInt8])

    public var description: String { describe(naming: PathBytes.display) }

    /// The text with the path named by `name`: the journal shows it in full, the daily
    /// summary by its drop folder.
    public func describe(naming name: ([UInt8]) -> String) -> String {
        switch self {
        case .watchLimit(let current, let suggestion):
            "inotify 监视数达到上限（fs.inotify.max_user_watches=\(current.map(String.init) ?? "?")），提高上限：\(suggestion)"
        case .instanceLimit(let current, let suggestion):
            "inotify 实例数达到上限（fs.inotify.max_user_instances=\(current.map(String.init) ?? "?")），提高上限：\(suggestion)"
        case .system(let call, let code, let path):
            (path.isEmpty ? "" : name(path) + "：") + "\(call) 失败（\(String(cString: strerror(code)))）"
        }
    }

    static func watchLimit() -> WatchError {
        let current = KernelLimits.read("/proc/sys/fs/inotify/max_user_watches")
        return .watchLimit(current: current,
                           suggestion: "sysctl fs.inotify.max_user_watches=\(max(524_288, (current ?? 0) * 2))")
    }

    static func instanceLimit() -> WatchError {
        let current = KernelLimits.read("/proc/sys/fs/inotify/max_user_instances")
        return .instanceLimit(current: current,
                              suggestion: "sysctl fs.inotify.max_user_instances=\(max(1024, (current ?? 0) * 2))")
    }
}
