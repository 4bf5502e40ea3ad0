import OgiwatchCore
import OgiwatchLedger

/// A checked report with errors or warnings: one row of the "needs attention" table.
public struct AttentionReport: Sendable, Equatable {
    public var path: [UInt8]
    public var organ: String?
    public var year: Int?
    public var errors: Int
    public var warnings: Int
    /// The worst findings first, as many as a reader takes in at a glance.
    public var topFindings: [Finding]

    static let findingsShown = 3

    /// Nil for a version that needs no attention: clean, unreadable (listed apart) or a duplicate.
    init?(_ version: RecordedVersion) {
        guard version.status == .checked else { return nil }
        errors = version.findings.count { $0.severity == .error }
        warnings = version.findings.count { $0.severity == .warning }
        guard errors + warnings > 0 else { return nil }
        path = version.facts.path
        organ = version.organ
        year = version.year
        topFindings = Array(version.findings.filter { $0.severity != .info }
            .enumerated().sorted { lhs, rhs in
                lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
            }
            .map(\.element).prefix(Self.findingsShown))
    }

    /// Most errors first, then most warnings; ties by name so the order is stable day to day.
    static func worstFirst(_ lhs: AttentionReport, _ rhs: AttentionReport) -> Bool {
        if lhs.errors != rhs.errors { return lhs.errors > rhs.errors }
        if lhs.warnings != rhs.warnings { return lhs.warnings > rhs.warnings }
        return lhs.path.lexicographicallyPrecedes(rhs.path)
    }
}
