import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchReaders

/// Checks seed reports, or copies of them changed in code, with the shipped rule set.
enum SeedReport {
    static let checker: Checker = {
        do {
            return Checker(ruleSet: try RuleLoader.load(rulesDirectory: RepositoryFiles.rulesDirectory, localDirectory: nil))
        } catch {
            fatalError("the shipped rule set does not load: \(error)")
        }
    }()

    static func text(_ seed: String) throws -> String { try ReferenceReports.seedText(seed) }

    /// Findings for a text report held in memory.
    static func check(_ text: String, name: String = "report.txt") -> CheckResult {
        checker.check(bytes: Array(text.utf8), format: .txt, name: name)
    }

    static func check(seed: String) throws -> CheckResult { check(try text(seed), name: seed) }

    /// Findings as comparable (rule, severity) pairs.
    static func rules(_ result: CheckResult) -> [String] {
        result.findings.map { "\($0.rule) \($0.severity.rawValue)" }.sorted()
    }

    static func fired(_ result: CheckResult, _ rule: String) -> Bool {
        result.findings.contains { $0.rule == rule }
    }
}

extension String {
    /// The text with one occurrence of `old` replaced; fails loudly when `old` is absent so a
    /// mutation that silently does nothing cannot make a test pass.
    func replacingOnce(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { fatalError("fixture text not found: \(old)") }
        return replacingCharacters(in: range, with: new)
    }
}
