import Foundation
import OgiwatchCore

/// The version of a file recorded before its present content: what a re-drop after a fix is
/// compared with (「上一版 3 个错误，本版 0 个」). Counts of a duplicate are its original's.
public struct PreviousVersion: Sendable, Equatable {
    public var id: Int64
    public var checkedAt: Date
    public var status: VersionStatus
    public var counts: FindingCounts
    /// The rules of its errors and warnings: what the summary calls fixed, new or still open.
    public var rules: Set<String>

    public init(id: Int64, checkedAt: Date, status: VersionStatus, counts: FindingCounts, rules: Set<String> = []) {
        self.id = id
        self.checkedAt = checkedAt
        self.status = status
        self.counts = counts
        self.rules = rules
    }

    /// 「上一版 3 个错误，本版 0 个」: the gravest severity either version has, before and now.
    public func comparison(with current: FindingCounts) -> String {
        guard let severity = Severity.allCases.reversed().first(where: { counts.count($0) > 0 || current.count($0) > 0 }) else {
            return "上一版、本版均未发现问题"
        }
        return "上一版 \(counts.count(severity)) 个\(severity.chinese)，本版 \(current.count(severity)) 个"
    }
}
