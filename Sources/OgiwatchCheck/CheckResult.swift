import OgiwatchCore
import OgiwatchReaders

/// The outcome of checking one file: its findings plus what was learnt about the report.
public struct CheckResult: Sendable, Equatable {
    /// The file as named by the caller (for display; the daemon keeps raw bytes itself).
    public var name: String
    public var format: DocumentFormat?
    public var findings: [Finding]
    /// `2019` or `2021`, when detected.
    public var template: String?
    public var organ: String?
    public var year: Int?
    /// Set when the file could not be read; `findings` then holds its DOC.* finding.
    public var problem: DocumentProblem?

    public init(name: String, format: DocumentFormat?, findings: [Finding], template: String? = nil,
                organ: String? = nil, year: Int? = nil, problem: DocumentProblem? = nil) {
        self.name = name
        self.format = format
        self.findings = findings
        self.template = template
        self.organ = organ
        self.year = year
        self.problem = problem
    }

    /// The highest severity among the findings, nil for a clean report.
    public var worst: Severity? { findings.map(\.severity).max() }

    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}
