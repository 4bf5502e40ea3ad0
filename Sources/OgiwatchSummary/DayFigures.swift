import OgiwatchCore
import OgiwatchLedger

/// A day's totals over its reports, the newest version of each file recorded in the day.
/// Every report is exactly one of clean, with errors, with warnings only, unreadable or
/// duplicate, so the parts always add up to `received`.
public struct DayFigures: Sendable, Equatable {
    /// Reports recorded in the day, whatever became of them.
    public var received = 0
    /// Versions read and evaluated by the rules (clean + with errors + with warnings only).
    public var checked = 0
    public var clean = 0
    public var withErrors = 0
    public var withWarningsOnly = 0
    public var unreadable = 0
    /// Same content as an earlier file; counted once, under the original.
    public var duplicates = 0

    public init(_ versions: [RecordedVersion]) {
        for version in versions {
            received += 1
            switch version.status {
            case .duplicate: duplicates += 1
            case .unreadable: unreadable += 1
            case .checked:
                checked += 1
                let severities = version.findings.map(\.severity)
                if severities.contains(.error) {
                    withErrors += 1
                } else if severities.contains(.warning) {
                    withWarningsOnly += 1
                } else {
                    clean += 1
                }
            }
        }
    }
}
