import OgiwatchCore
import OgiwatchReaders

/// Reads one file and evaluates the rule set against it: the one pipeline shared by
/// `ogiwatch check`, the daemon and the benchmark. Every file gets its findings here,
/// including one that cannot be read, so a refusal has the same words and severity
/// (the rule's message and any local override) wherever it is reported.
public struct Checker: Sendable {
    public let ruleSet: RuleSet
    public let limits: ReadLimits
    public let converter: OfficeConverter

    public init(ruleSet: RuleSet, limits: ReadLimits = .standard, converter: OfficeConverter = .installed) {
        self.ruleSet = ruleSet
        self.limits = limits
        self.converter = converter
    }

    public func check(path: String) -> CheckResult {
        let format = DocumentFormat(fileName: path)
        return result(name: path, format: format, DocumentReader.read(path: path, limits: limits, converter: converter))
    }

    /// For callers that read the file themselves (the daemon hashes the same bytes): `content`
    /// is nil when the file of `size` bytes was over the size limit and not kept.
    public func check(content: [UInt8]?, size: Int64, name: String) -> CheckResult {
        guard let format = DocumentFormat(fileName: name) else {
            return result(name: name, format: nil, .failure(DocumentReader.unsupportedFormat))
        }
        guard let content else {
            return result(name: name, format: format, .failure(FileBytes.tooBig(Int(clamping: size), maxBytes: limits.maxFileBytes)))
        }
        return check(bytes: content, format: format, name: name)
    }

    public func check(bytes: [UInt8], format: DocumentFormat, name: String) -> CheckResult {
        result(name: name, format: format, DocumentReader.read(bytes: bytes, format: format, limits: limits, converter: converter))
    }

    /// Checks a document already read, e.g. one built in memory.
    public func check(document: Document, format: DocumentFormat?, name: String) -> CheckResult {
        let (report, findings) = ruleSet.evaluate(document)
        return CheckResult(name: name, format: format, findings: findings, template: report.template?.id,
                           organ: report.organ, year: report.year)
    }

    /// One rule tried on one file through the same reading as `check`, saying why it fired
    /// or not (`ogiwatch rules try`).
    public func trial(_ rule: RuleSpec, path: String) -> RuleTrial {
        let format = DocumentFormat(fileName: path)
        switch DocumentReader.read(path: path, limits: limits, converter: converter) {
        case .success(let document):
            return ruleSet.trial(rule, on: document)
        case .failure(let problem):
            let findings = result(name: path, format: format, .failure(problem)).findings.filter { $0.rule == rule.id }
            let why = findings.isEmpty ? "未触发：文件无法读取（\(problem.rule)：\(problem.reason)），规则无从检查" : "文件无法读取，由读取环节报告"
            return RuleTrial(rule: rule.id, report: "未能读取", steps: [why], findings: findings)
        }
    }

    private func result(name: String, format: DocumentFormat?, _ read: Result<Document, DocumentProblem>) -> CheckResult {
        switch read {
        case .success(let document):
            return check(document: document, format: format, name: name)
        case .failure(let problem):
            let rule = ruleSet.rule(problem.rule)
            let message = rule.map { $0.message.replacingOccurrences(of: "{reason}", with: problem.reason) } ?? problem.reason
            let finding = Finding(rule: problem.rule, severity: rule?.severity ?? .error, message: message)
            return CheckResult(name: name, format: format, findings: [finding], problem: problem)
        }
    }
}
