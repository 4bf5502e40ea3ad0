/// How much a finding matters. The order is the order of `--fail-on`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// The word a clerk reads.
    public var chinese: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }
}
