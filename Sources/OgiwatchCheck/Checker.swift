import OgiwatchCore
import OgiwatchReaders

/// Reads one file and evaluates the rule set against it. (Skeleton: engine lands next.)
public struct Checker: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func check(path: String) -> CheckResult {
        let name = path
        let format = DocumentFormat(fileName: path)
        switch DocumentReader.read(path: path, limits: limits) {
        case .success:
            return CheckResult(name: name, format: format, findings: [])
        case .failure(let problem):
            return CheckResult(name: name, format: format,
                               findings: [Finding(rule: problem.rule, severity: .error, message: problem.reason)],
                               problem: problem)
        }
    }

    public func check(bytes: [UInt8], format: DocumentFormat, name: String) -> CheckResult {
        switch DocumentReader.read(bytes: bytes, format: format, limits: limits) {
        case .success:
            return CheckResult(name: name, format: format, findings: [])
        case .failure(let problem):
            return CheckResult(name: name, format: format,
                               findings: [Finding(rule: problem.rule, severity: .error, message: problem.reason)],
                               problem: problem)
        }
    }
}
