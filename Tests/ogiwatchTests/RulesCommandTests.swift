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
    /// A file that cannot be read is tried like any other: its name on one line, the reader's
    /// reason in Chinese, no crash. A newline in the name is spelt `\\n` as the journal does.
    @Test func tryExplainsFilesThatCannotBeRead() throws {
        let scratch = try Scratch()
        let docx = try Data(contentsOf: URL(fileURLWithPath: ReferenceReports.realReport("template-2021.docx").path))
        try docx.prefix(3000).write(to: URL(fileURLWithPath: scratch.outside + "/cut.docx"))
        try Data((0..<1024).map { UInt8($0 % 256) }).write(to: URL(fileURLWithPath: scratch.outside + "/binary.txt"))
        FileManager.default.createFile(atPath: scratch.outside + "/empty.txt", contents: Data())
        FileManager.default.createFile(atPath: scratch.outside + "/two\nlines.txt", contents: Data())
        let reasons = [
            "empty.txt": "文件为空（0 字节），可能仍在复制中",
            "cut.docx": "文件不完整：ZIP 结构被截断，可能仍在复制中",
            "binary.txt": "文件看起来是二进制数据，不是文本报告，请提供 .txt、.docx 或 .pdf 格式的报告",
            "missing.txt": "文件不存在（可能已被移走或删除）",
            "two\nlines.txt": "文件为空（0 字节），可能仍在复制中",
        ]
        for (name, reason) in reasons {
            let run = try CheckCommandTests.ogiwatch(["rules", "try", "FEE.STATEMENT", scratch.outside + "/" + name] + Self.rules)
            #expect(run.status == 0)
            #expect(run.stdout == """
                == \(scratch.outside)/\(name.replacingOccurrences(of: "\n", with: "\\n"))
                规则 FEE.STATEMENT：未能读取
                  未触发：文件无法读取（DOC.UNREADABLE：\(reason)），规则无从检查
                  结果：未触发

                """)
        }
    }

    /// A rules directory whose file is empty, not UTF-8, nested past any use or full of
    /// expanding aliases is refused by lint with the file's name, without hanging.
    @Test func lintRefusesHostileRuleFilesByName() throws {
        let scratch = try Scratch()
        var aliases = ["rules:", "  - &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 { aliases.append("  - &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        let files: [(String, [UInt8], String)] = [
            ("empty", [], "规则文件是空的：写入 template、tables、sections、patterns、rules 或 overrides，或删除这个文件"),
            ("latin1", Array("rules:\n  - id: ".utf8) + [0xff, 0xfe], ""),
            ("deep", Array(("rules: " + String(repeating: "[", count: 100_000)).utf8), "YAML 嵌套超过 100 层：规则文件用不到这么深的结构，检查是否有未闭合的括号"),
            ("aliases", Array(aliases.joined(separator: "\n").utf8), "字段 rules：应为映射（`键: 值` 的形式），实际为列表"),
        ]
        for (name, bytes, text) in files {
            let directory = scratch.outside + "/" + name
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/local.yaml"))
            let lint = try CheckCommandTests.ogiwatch(["rules", "lint", "--local-rules", directory, DaemonProcess.rulesDirectory])
            #expect(lint.status == 1)
            if text.isEmpty {
                #expect(lint.stderr == "无法读取规则文件 \(directory)/local.yaml（须为 UTF-8 文本）\n")
            } else {
                #expect(lint.stderr.hasPrefix("无效的规则集：\n  - \(directory)/local.yaml"))
                #expect(lint.stderr.contains(text))
            }
        }
    }
}
