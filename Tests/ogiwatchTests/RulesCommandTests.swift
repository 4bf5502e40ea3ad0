import Foundation
import OgiwatchFixtures
import Testing

/// `ogiwatch rules try`, `lint` and `explain` as a rule author runs them: the real binary on
/// real reports and rule files, output read back.
@Suite struct RulesCommandTests {
    static let rules = CheckCommandTests.rules

    @Test func tryShowsWhyARuleFires() throws {
        let report = ReferenceReports.realReport("text/pingtan_2019.txt").path
        let run = try CheckCommandTests.ogiwatch(["rules", "try", "NARR.ENUM_SUM", report] + Self.rules)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "== \(report)")
        #expect(lines.contains("规则 NARR.ENUM_SUM：2019 年格式，年度 2019，机关 平潭综合实验区"))
        #expect(lines.contains { $0.hasPrefix("  检查 1（enumeration_sum，") && $0.hasSuffix("：全文，去空白后 5407 字") })
        #expect(lines.contains("  结果：触发 1 条"))
        #expect(lines.contains { $0.hasPrefix("    警告  正文称共 2599，但列举的各项（25+68+28+69+90+175+67+983+48+124+856）相加为 2533：") })
    }

    @Test func tryShowsWhyARuleStaysSilent() throws {
        let report = ReferenceReports.realReport("text/pingtan_2021.txt").path
        let run = try CheckCommandTests.ogiwatch(["rules", "try", "FEE.STATEMENT", report] + Self.rules)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("：第六部分（第 10 行起），去空白后 21 字：「2021年,无收取信息处理费情况。附件下载」") })
        #expect(lines.contains("    未触发：require_any 找到「收取信息处理费」"))
        #expect(lines.last == "  结果：未触发")
    }

    /// A claim rule says what the prose stated against what the table holds.
    @Test func tryShowsEachClaimAgainstTheTable() throws {
        let report = ReferenceReports.realReport("text/pingtan_2023.txt").path
        let run = try CheckCommandTests.ogiwatch(["rules", "try", "NARR.REQUESTS_VS_T3", report] + Self.rules)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("    「收到申请」：正文未提到"))
        #expect(lines.contains("    「答复办结」：正文称 81，表中为 81"))
        #expect(lines.last == "  结果：未触发")
    }

    /// A directory tries the rules it defines, on top of the shipped ones.
    @Test func tryRunsTheRulesOfALocalDirectory() throws {
        let scratch = try Scratch()
        try """
            rules:
              - id: LOCAL.WEBSITE
                severity: warning
                title: 写明网站
                message: 第{section}部分未写明政府网站地址
                check: {kind: text, scope: section, section: 2, require_any: ['gov\\.cn']}
            """.write(toFile: scratch.outside + "/site.yaml", atomically: true, encoding: .utf8)
        let report = ReferenceReports.realReport("text/pingtan_2021.txt").path
        let run = try CheckCommandTests.ogiwatch(["rules", "try", scratch.outside, report] + Self.rules)
        #expect(run.status == 0)
        #expect(run.stdout.contains("检查 1（text，\(scratch.outside)/site.yaml 第 6 行）"))
        #expect(run.stdout.contains("    警告  第二部分未写明政府网站地址  [第二部分·第10行]"))
    }

    @Test func tryAndExplainNameAnUnknownRuleInChinese() throws {
        let report = ReferenceReports.realReport("text/pingtan_2021.txt").path
        let tried = try CheckCommandTests.ogiwatch(["rules", "try", "NO.SUCH", report] + Self.rules)
        #expect(tried.status == 2)
        #expect(tried.stderr == "错误：没有规则 NO.SUCH，也没有这个目录；用 `ogiwatch rules list` 查看全部规则\n")
        let explained = try CheckCommandTests.ogiwatch(["rules", "explain", "NOSUCH"] + Self.rules)
        #expect(explained.status == 2)
        #expect(explained.stderr == "错误：没有规则 NOSUCH；用 `ogiwatch rules list` 查看全部规则\n")
        let noFile = try CheckCommandTests.ogiwatch(["rules", "try", "FEE.STATEMENT"] + Self.rules)
        #expect(noFile.status == 2)
        #expect(noFile.stderr == "错误：请在规则之后给出至少一个报告文件\n")
    }

    /// Lint and load share one reader: a misspelling is named with its file, line, rule and field.
    @Test func lintNamesTheFileLineRuleAndField() throws {
        let scratch = try Scratch()
        try "rules:\n  - id: LOCAL.X\n    severity: info\n    title: t\n    message: m\n    check: {kind: text, scope: sectoin, require_any: [a]}\n"
            .write(toFile: scratch.outside + "/local.yaml", atomically: true, encoding: .utf8)
        let lint = try CheckCommandTests.ogiwatch(["rules", "lint", "--local-rules", scratch.outside, DaemonProcess.rulesDirectory])
        #expect(lint.status == 1)
        #expect(lint.stderr == "无效的规则集：\n  - \(scratch.outside)/local.yaml 第 6 行，规则 LOCAL.X，字段 scope：未知的取值「sectoin」，可用的取值：title、document、section\n")
        let report = ReferenceReports.realReport("text/pingtan_2021.txt").path
        let check = try CheckCommandTests.ogiwatch(["check", "--local-rules", scratch.outside] + Self.rules + [report])
        #expect(check.status == 2)
        #expect(check.stderr.contains("local.yaml 第 6 行，规则 LOCAL.X，字段 scope"))
        #expect(!check.stderr.contains("Usage"))
    }
}
