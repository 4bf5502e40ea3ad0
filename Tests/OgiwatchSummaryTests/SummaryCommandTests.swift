import Foundation
import OgiwatchFixtures
import Testing

/// `ogiwatch summary` as the timer runs it: the built binary, a config file, a real ledger.
@Suite struct SummaryCommandTests {
    static var binary: String { BuiltProducts.ogiwatch }

    func config(_ scenario: LedgerScenario, policy: String, state: String? = nil) throws -> String {
        let path = scenario.stateDirectory + "/ogiwatch.yaml"
        let text = """
            watch: [\(LedgerScenario.dropRoot)/]
            state: \(state ?? scenario.stateDirectory)
            rules: \(RepositoryFiles.rulesDirectory)
            summary:
              from: "ogiwatch <ogiwatch@host1.example.org>"
              to: [reports-admin@example.org, clerk@example.org]
              subject_prefix: "日报"
              time_zone: Asia/Shanghai
              policy: \(policy)
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Without rule titles the mail still goes, naming problems by rule id, and says why.
    @Test func rulesThatCannotBeReadStillGiveASummaryWithAWarning() throws {
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/乙县/2025年报.docx", findings: [LedgerScenario.error()])
        let result = try Tool.run(Self.binary, ["summary", "--config", config(scenario, policy: "always"), "--date", "2026-11-20",
                                                "--rules", scenario.stateDirectory + "/no-rules", "--output", "-"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("警告：无法读取规则标题，摘要中的问题以规则编号列出："), "\(result.stderr)")
        #expect(result.stdout.contains("Subject: "))
    }

    @Test func writesTheDayToTheStateDirectoryAndPrintsThePath() throws {
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/乙县/2025年报.docx", findings: [LedgerScenario.error()])
        let output = try MailDeliveryTests.run(Self.binary, ["summary", "--config", config(scenario, policy: "only-on-findings"),
                                                             "--date", "2026-11-20"])
        let path = scenario.stateDirectory + "/summaries/2026-11-20.eml"
        #expect(output == path + "\n")
        let probe = try MimeProbe(file: path)
        #expect(probe.defects.isEmpty)
        #expect(probe.subject.hasPrefix("日报 ") && probe.subject.hasSuffix(" 2026-11-20：收到 1 份，1 份有错误"))
        #expect(probe.headers["To"] == "reports-admin@example.org, clerk@example.org")
        // Named relative to the watched folder of the config, the problem in the rule's words.
        #expect(probe.text.contains("\n  乙县：收到 1 份，1 份有错误\n    - 某县人民政府办公室 · 2025 年度  错误 1  未通过：表三勾稽关系\n"), "\(probe.text)")
        #expect(probe.text.contains("\n  乙县/2025年报.docx — 某县人民政府办公室 · 2025 年度：错误 1\n"))
    }

    @Test func quietDayUnderOnlyOnFindingsWritesNothing() throws {
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/甲县/2025年报.docx")
        let output = try MailDeliveryTests.run(Self.binary, ["summary", "--config", config(scenario, policy: "only-on-findings"),
                                                             "--date", "2026-11-20"])
        #expect(output.contains("没有需要关注的报告"))
        #expect(!FileManager.default.fileExists(atPath: scenario.stateDirectory + "/summaries"))
    }

    @Test func standardOutputAndAnExplicitStateDirectory() throws {
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/丙县/2025年报.docx", findings: [LedgerScenario.warning()])
        let elsewhere = try config(scenario, policy: "always", state: "/nonexistent")
        let output = try MailDeliveryTests.run(Self.binary, ["summary", "--config", elsewhere, "--state", scenario.stateDirectory,
                                                             "--date", "2026-11-20", "--output", "-"])
        #expect(output.hasPrefix("Date: "))
        #expect(output.contains("\nMIME-Version: 1.0\n"))
    }

    @Test func missingLedgerAndBadDateStopWithStatusTwo() throws {
        let scenario = try LedgerScenario()
        #expect(throws: ProbeError.self) {
            try MailDeliveryTests.run(Self.binary, ["summary", "--state", scenario.stateDirectory + "/nowhere"])
        }
        #expect(throws: ProbeError.self) {
            try MailDeliveryTests.run(Self.binary, ["summary", "--state", scenario.stateDirectory, "--date", "20.11.2026"])
        }
    }
}
