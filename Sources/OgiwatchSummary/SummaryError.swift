/// Why no summary was written. Each case names what to change before the next run.
public enum SummaryError: Error, Sendable, Equatable, CustomStringConvertible {
    case badDate(String)
    case badAddress(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .badDate(let text):
            "invalid date '\(text)': use YYYY-MM-DD, e.g. --date 2026-11-20"
        case .badAddress(let text):
            "'\(text)' is not a usable mail address: set summary.from and summary.to to plain ASCII addresses such as reports-admin@example.org"
        case .cannotWrite(let path, let reason):
            "cannot write the summary to \(path): \(reason) (check that the directory exists and is writable)"
        }
    }
}
