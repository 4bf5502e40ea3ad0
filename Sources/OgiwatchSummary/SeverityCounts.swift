import OgiwatchCore

/// How many findings of each severity a version has: the figures a report's line and the
/// comparison with its previous version quote.
public struct SeverityCounts: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init(_ findings: [Finding]) {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    /// 「错误 3 · 警告 1」; severities with no finding are left out.
    public var phrase: String {
        let parts = [("错误", errors), ("警告", warnings), ("提示", infos)].filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "无问题" : parts.joined(separator: " · ")
    }
}
