import OgiwatchCore

/// syslog's priority levels as journald stores them in `PRIORITY=`; `journalctl -p warning`
/// selects by them, so each entry's level is a decision, not a number picked in place.
public enum JournalPriority: Int, Sendable, Comparable {
    case emergency = 0, alert, critical, error, warning, notice, info, debug

    /// A finding's level follows its severity, so `journalctl -p warning` shows errors and warnings.
    public init(_ severity: Severity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .info: self = .info
        }
    }

    public static func < (lhs: JournalPriority, rhs: JournalPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
