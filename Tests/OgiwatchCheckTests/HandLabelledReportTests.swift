import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing

/// Real reports as the web publishes them (saved pages, copied and flattened text, text from
/// PDF layout extraction), labelled by hand in `Tests/Reports/real/expected.json` (read with
/// `EXPECTED.md` beside it): every listed error and warning must come, and nothing else at
/// those severities except what the file's "may" list allows.
@Suite struct HandLabelledReportTests {
    struct Label: Decodable {
        var file: String
        var errors: [String]
        var warnings: [String]
        var may: [String]
    }

    static let labels: [Label] = {
        let url = ReferenceReports.realReport("expected.json")
        guard let data = try? Data(contentsOf: url), let labels = try? JSONDecoder().decode([Label].self, from: data) else { return [] }
        return labels
    }()

    @Test(arguments: labels.map(\.file))
    func findingsAreExactlyTheLabelledOnes(file: String) throws {
        let label = try #require(Self.labels.first { $0.file == file })
        let result = SeedReport.checker.check(path: ReferenceReports.realReport(file).path)
        var found: [String: Int] = [:]
        for finding in result.findings where finding.severity != .info { found[finding.rule, default: 0] += 1 }
        var required: [String: Int] = [:]
        for rule in label.errors + label.warnings { required[rule, default: 0] += 1 }
        var allowed = required
        for rule in label.may { allowed[rule, default: 0] += 1 }
        let missing = required.filter { found[$0.key, default: 0] < $0.value }
        let extra = found.filter { $0.value > allowed[$0.key, default: 0] }
        #expect(missing.isEmpty, "missing \(missing)")
        #expect(extra.isEmpty, "false alarms: \(result.findings.filter { extra[$0.rule] != nil }.map(\.message))")
    }

    @Test func everyLabelledFileIsTested() {
        #expect(Self.labels.count == 6)
    }
}
