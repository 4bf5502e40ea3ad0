/// Why the ledger could not be opened or written. The daemon cannot keep its promise of
/// "checked exactly once" without it, so this stops the service with the path to fix.
public enum LedgerError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case database(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the ledger at \(path): \(reason) (check that the state directory exists and is writable)"
        case .database(let reason):
            "ledger write failed: \(reason)"
        }
    }
}
