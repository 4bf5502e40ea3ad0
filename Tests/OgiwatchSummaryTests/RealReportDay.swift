import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchLedger

/// A day of real reports: each file is checked by the real checker with the shipped rules
/// and recorded in a real ledger under one of a few drop folders, as the service records it.
/// Reports come from `Tests/Reports` and, where present, the evaluation kit's corpus.
enum RealReportDay {
    static let folders = ["甲县人民政府办公室", "乙区政务服务中心", "丙镇", "丁街道"]

    /// Report files, the repository's first, then the kit's, `count` at most.
    static func files(count: Int) throws -> [String] {
        var files: [String] = []
        for directory in [ReferenceReports.directory, EvaluationKit.directory.appendingPathComponent("corpus")] {
            guard let walker = FileManager.default.enumerator(atPath: directory.path) else { continue }
            let names = walker.compactMap { $0 as? String }
                .filter { [".txt", ".docx", ".pdf", ".html"].contains(where: $0.hasSuffix) }.sorted()
            files += names.map { directory.appendingPathComponent($0).path }
        }
        return Array(files.prefix(count))
    }

    /// Checks `count` real reports and records them in `scenario`'s day, spread over the
    /// folders. Without the kit there are fewer reports than that: they are dropped again
    /// under other names, as several offices may send the same template.
    @discardableResult
    static func record(count: Int, in scenario: LedgerScenario) throws -> [CheckResult] {
        let checker = Checker(ruleSet: try RuleLoader.load(rulesDirectory: RepositoryFiles.rulesDirectory, localDirectory: nil))
        let results = try files(count: count).map { checker.check(path: $0) }
        guard !results.isEmpty else { return [] }
        for index in 0..<count {
            let result = results[index % results.count]
            let round = index / results.count
            let name = (round > 0 ? "\(round)-" : "") + URL(fileURLWithPath: result.name).lastPathComponent
            let path = "\(LedgerScenario.dropRoot)/\(folders[index % folders.count])/\(name)"
            try scenario.add(Array(path.utf8), minutes: Double(index) * 10, status: result.problem == nil ? .checked : .unreadable,
                             findings: result.findings, organ: result.organ, year: result.year)
        }
        return results
    }
}
