import Foundation
import OgiwatchCore

/// A day's totals over its reports, the newest version of each file recorded in the day,
/// as both `ogiwatch status` and the daily summary count them. Every report is exactly one
/// of clean, with errors, with warnings only, unreadable or duplicate, so the parts always
/// add up to `received`.
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

    /// `versions` are those of one day; a file recorded more than once counts as it now is.
    public init(_ versions: [RecordedVersion]) {
        for version in Self.newestPerPath(versions) {
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

    /// The newest of the versions recorded under each path, in the order they came: a
    /// report fixed and dropped again the same day is listed as it now is.
    public static func newestPerPath(_ versions: [RecordedVersion]) -> [RecordedVersion] {
        var newest: [[UInt8]: RecordedVersion] = [:]
        for version in versions where (newest[version.facts.path]?.checkedAt ?? .distantPast) <= version.checkedAt {
            newest[version.facts.path] = version
        }
        return newest.values.sorted { ($0.checkedAt, $0.id) < ($1.checkedAt, $1.id) }
    }
}
