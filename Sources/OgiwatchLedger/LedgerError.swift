/// Why the ledger could not be opened or written. The daemon cannot keep its promise of
/// "checked exactly once" without it, so this stops the service with the path to fix.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case database(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "无法打开台账 \(path)：\(reason)（请确认状态目录存在且可写，或用 --state 指定 ogiwatch run 使用的状态目录）"
        case .database(let reason):
            "台账读写失败：\(reason)"
        }
    }
}
