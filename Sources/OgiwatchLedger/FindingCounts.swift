import OgiwatchCore

/// How many findings of each severity a version has: what a verdict, a history line and the
/// comparison with a previous version print.
public struct FindingCounts: Sendable, Equatable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int

    public init(errors: Int = 0, warnings: Int = 0, infos: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
    }

    public init(_ findings: [Finding]) {
        self.init()
        for finding in findings { add(finding.severity) }
    }

    public mutating func add(_ severity: Severity, count: Int = 1) {
        switch severity {
        case .error: errors += count
        case .warning: warnings += count
        case .info: infos += count
        }
    }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: infos
        }
    }

    /// 「错误 3，警告 0，提示 1」
    public var chinese: String {
        Severity.allCases.reversed().map { "\($0.chinese) \(count($0))" }.joined(separator: "，")
    }
}
