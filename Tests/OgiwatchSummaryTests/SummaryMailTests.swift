import Foundation
import OgiwatchCore
import OgiwatchEvents
import OgiwatchLedger
import Testing
@testable import OgiwatchSummary

/// Summaries of real ledgers, read back by Python's MIME parser.
@Suite struct SummaryMailTests {
    /// What every summary must be, whatever the day held.
    func expectWellFormed(_ probe: MimeProbe, subject: String) {
        #expect(probe.defects.isEmpty, "parser defects: \(probe.defects)")
        #expect(probe.headerIsASCII)
        #expect(!probe.hasCR)
        #expect(probe.longestLine <= 76)
        for name in ["From", "To", "Date", "Message-ID", "Subject", "MIME-Version", "Auto-Submitted", "Precedence"] {
            #expect(probe.headerNames.contains(name), "missing \(name)")
        }
        #expect(probe.headers["Auto-Submitted"] == "auto-generated")
        #expect(probe.headers["Precedence"] == "bulk")
        #expect(probe.headers["MIME-Version"] == "1.0")
        #expect(probe.contentType == "multipart/alternative")
        #expect(probe.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(probe.parts.allSatisfy { $0.charset == "utf-8" && $0.encoding == "base64" })
        #expect(probe.subject == subject)
        #expect(!probe.encodedWords.isEmpty)
        #expect(probe.encodedWords.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") })
        #expect(probe.rawSubjectLines.count == probe.encodedWords.count)
        #expect(probe.htmlProblems.isEmpty, "HTML: \(probe.htmlProblems)")
        #expect(!probe.html.lowercased().contains("<script"))
        #expect(!probe.html.lowercased().contains("src="))
        #expect(!probe.html.lowercased().contains("<style"))
    }

    @Test func dayLeadsWithWhatNeedsActionPerFolder() throws {
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/甲县/2025年报.docx")
        try scenario.add("/srv/drop/乙县/2025年报.docx", findings: [LedgerScenario.error(), LedgerScenario.error(),
                                                                    LedgerScenario.error("T4.GROUP_TOTAL"), LedgerScenario.warning()])
        try scenario.add("/srv/drop/乙县/补充/说明.docx", findings: [LedgerScenario.error()])
        try scenario.add("/srv/drop/丙县/2025年报.pdf", findings: [LedgerScenario.warning()])
        try scenario.add("/srv/drop/丁县/2025年报.pdf", status: .unreadable,
                         findings: [Finding(rule: "DOC.UNREADABLE", severity: .error, message: "PDF 文件已损坏")])
        try scenario.add("/srv/drop/副本.docx", status: .duplicate)
        try scenario.add("/srv/drop/戊县/昨天.docx", minutes: -60, findings: [LedgerScenario.error()])
        try scenario.add("/srv/drop/戊县/明天.docx", minutes: 24 * 60 + 5)
        try scenario.ledger.setPending(path: Array("/srv/drop/甲县/半截.docx".utf8), sha256: "ab", attempts: 2, reason: "文件似乎未写完")
        try scenario.ledger.recordHealth(kind: .rootLost, detail: "投放目录被移走", at: scenario.day.start.addingTimeInterval(600))

        let (message, path) = try scenario.writeMail()
        #expect(path == scenario.stateDirectory + "/summaries/2026-11-20.eml")
        let probe = try MimeProbe(file: path)
        expectWellFormed(probe, subject: "ogiwatch 日报 host1.example.org 2026-11-20：收到 6 份，2 份有错误，1 份有警告，1 份无法读取")
        #expect(probe.headers["To"] == "ogiwatch@localhost")
        #expect(probe.headers["Message-ID"] == message.messageID)

        let balance = try #require(LedgerScenario.ruleTitles["T3.BALANCE"])
        let groupTotal = try #require(LedgerScenario.ruleTitles["T4.GROUP_TOTAL"])
        let blankCells = try #require(LedgerScenario.ruleTitles["T3.BLANK_CELLS"])
        let text = probe.text
        let lead = """
            需要处理（3 份）
              乙县：收到 2 份，2 份有错误
                - 某县人民政府办公室 · 2025 年度  错误 3 · 警告 1  未通过：\(balance)；\(groupTotal)；\(blankCells)
                - 某县人民政府办公室 · 2025 年度  错误 1  未通过：\(balance)
              丁县：收到 1 份，1 份无法读取
                - 某县人民政府办公室 · 2025 年度  无法读取  PDF 文件已损坏
              无错误：drop 1 份、丙县 1 份（1 份仅有警告）、甲县 1 份

            变化
              与上一版相比：改正 0 个问题 · 新出现 6 个 · 仍未改正 0 个
            """
        #expect(text.contains(lead), "\(text)")
        // The week ends with the day: yesterday's one report, today's six.
        #expect(text.contains("\n  近 7 天  11-14 11-15 11-16 11-17 11-18 11-19 11-20\n  收到         0     0     0     0     0     1     6\n"), "\(text)")
        #expect(text.contains("\n  有错误       0     0     0     0     0     1     2\n"))
        #expect(text.contains("  乙县/2025年报.docx — 某县人民政府办公室 · 2025 年度：错误 3 · 警告 1\n"
            + "    - 错误 \(balance)（表三·总计·第12行）：表三第（七）行总计与各项之和不一致\n"))
        #expect(text.contains("甲县/半截.docx：首次发现"))
        #expect(text.contains("监视目录丢失 1 次"))
        #expect(!text.contains("明天.docx"))
        // No server paths, no command per rule.
        #expect(!text.contains("/srv/drop") && !probe.html.contains("/srv/drop"))
        #expect(text.components(separatedBy: "journalctl").count == 2)
        #expect(probe.html.contains(">乙县：收到 2 份，2 份有错误</h3>"))
        #expect(probe.html.contains("<div id=\"details\">"))
        let details = try #require(probe.html.range(of: "<div id=\"details\">"))
        let change = try #require(probe.html.range(of: "与上一版相比"))
        #expect(change.upperBound < details.lowerBound)
        #expect(probe.html.contains("<details id=\"r0\" style=\"font-size:13px;margin:2px 0;\"><summary>乙县/2025年报.docx — "))
        // The report's line in the lead leads there.
        #expect(probe.html.contains(##"<a href="#r0" style="color:inherit;">某县人民政府办公室 · 2025 年度</a></td>"##))
    }

    @Test func aFixedReportDroppedAgainNamesItsPreviousCounts() throws {
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/甲县/2025年报.docx", minutes: -600,
                         findings: [LedgerScenario.error(), LedgerScenario.error("T4.GROUP_TOTAL"), LedgerScenario.error("T4.GROUP_TOTAL")])
        try scenario.add("/srv/drop/甲县/2025年报.docx", minutes: 60)
        try scenario.add("/srv/drop/乙县/2025年报.docx", minutes: -900, findings: [LedgerScenario.error(), LedgerScenario.warning()])
        try scenario.add("/srv/drop/乙县/2025年报.docx", minutes: 30, findings: [LedgerScenario.error("T4.GROUP_TOTAL")])
        try scenario.add("/srv/drop/乙县/2025年报.docx", minutes: 90, findings: [LedgerScenario.error()])
        let text = try MimeProbe(file: try scenario.writeMail().path).text
        // 乙县 came twice today: the newer version is the one listed, against the one before it.
        #expect(text.contains("    - 某县人民政府办公室 · 2025 年度  错误 1（上一版 1 个错误）  "), "\(text)")
        #expect(text.contains("与上一版相比：改正 3 个问题 · 新出现 1 个 · 仍未改正 0 个（重新提交 2 份）"))
        #expect(text.contains("  已改好：甲县/2025年报.docx：上一版 3 个错误，本版 0 个\n"))
        #expect(text.hasPrefix("ogiwatch 日报 host1.example.org 2026-11-20：收到 2 份，1 份有错误\n"))
    }

    /// New rules re-check unchanged files: that is no new version of the report.
    @Test func theSameContentCheckedUnderNewRulesIsNoResubmission() throws {
        let scenario = try LedgerScenario()
        try scenario.add(Array("/srv/drop/甲县/2025年报.docx".utf8), minutes: -600, findings: [LedgerScenario.error()], sha256: "aa")
        try scenario.add(Array("/srv/drop/甲县/2025年报.docx".utf8), minutes: 60, findings: [LedgerScenario.error(),
                         LedgerScenario.error("T4.GROUP_TOTAL")], sha256: "aa", ruleSet: "rules-8")
        let text = try MimeProbe(file: try scenario.writeMail().path).text
        #expect(text.contains("    - 某县人民政府办公室 · 2025 年度  错误 2  "), "\(text)")
        #expect(!text.contains("（上一版") && !text.contains("重新提交"))
        #expect(text.contains("与上一版相比：改正 0 个问题 · 新出现 2 个 · 仍未改正 0 个\n"))
    }

    /// A rule's title names what it checks, so a report's line says those checks failed,
    /// and how many there are beyond the ones shown.
    @Test func aReportsLineSaysWhichChecksFailed() throws {
        let scenario = try LedgerScenario()
        let rules = ["STRUCT.SECTIONS_PRESENT", "T3.BALANCE", "T4.GROUP_TOTAL", "FEE.STATEMENT", "T3.BLANK_CELLS"]
        try scenario.add("/srv/drop/甲县/年报.docx", findings: rules.map { LedgerScenario.error($0) })
        let titles = try rules.prefix(3).map { try #require(LedgerScenario.ruleTitles[$0]) }
        let text = try MimeProbe(file: try scenario.writeMail().path).text
        #expect(titles[0] == "六个部分齐全")
        #expect(text.contains("    - 某县人民政府办公室 · 2025 年度  错误 5  未通过：\(titles.joined(separator: "；"))；等 5 项\n"), "\(text)")
    }

    @Test func organsThatAreNotNamesGiveWayToTheFileName() throws {
        let scenario = try LedgerScenario()
        try scenario.add(Array("/srv/drop/甲县/年报.html".utf8), findings: [LedgerScenario.error()], organ: "首页>信息公开>年报")
        try scenario.add(Array("/srv/drop/乙县/b.docx".utf8), findings: [LedgerScenario.error()], organ: "中共某县委办公室（县政府办公室）")
        try scenario.add(Array("/srv/drop/丙县/c.docx".utf8), findings: [LedgerScenario.error()], organ: "某县2025年政府信息公开工作年度报告")
        let text = try MimeProbe(file: try scenario.writeMail().path).text
        #expect(text.contains("    - 年报.html · 2025 年度  错误 1"), "\(text)")
        #expect(text.contains("    - 中共某县委办公室（县政府办公室） · 2025 年度  错误 1"))
        #expect(text.contains("    - c.docx · 2025 年度  错误 1"))
        #expect(!text.contains("首页"))
    }

    @Test func messagesShowingPatternsOrRawCellsAreLeftOut() throws {
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/甲县/a.docx", findings: [
            Finding(rule: "SEC5.PROBLEMS_AND_MEASURES", severity: .error, message: "第五部分未写明改进或将(切实或进一步)"),
            Finding(rule: "T3.VALUE_DOMAIN", severity: .error, message: "表三「商业企业」栏0"),
            Finding(rule: "TPL.LABELS", severity: .warning, message: "标签写作「(六)其他处理」，与模板不符"),
        ])
        let text = try MimeProbe(file: try scenario.writeMail().path).text
        #expect(!text.contains("(切实") && !text.contains("栏0"), "\(text)")
        #expect(text.components(separatedBy: "说明文字略（请用 ogiwatch check 查看该文件）").count == 3)
        // Report text quoted in 「」 is the report's own and stays.
        #expect(text.contains("标签写作「(六)其他处理」，与模板不符"))
    }

    @Test func emptyDayIsAValidMailThatNeedsNoAttention() throws {
        let scenario = try LedgerScenario()
        let summary = try scenario.summary()
        #expect(!summary.needsAttention)
        let (_, path) = try scenario.writeMail()
        let probe = try MimeProbe(file: path)
        expectWellFormed(probe, subject: "ogiwatch 日报 host1.example.org 2026-11-20：未收到报告")
        #expect(probe.text.contains("需要处理：无\n"))
        #expect(probe.text.contains("无异常事件。"))
    }

    @Test func thousandReportsAreCountedInFullAndListedInPart() throws {
        let scenario = try LedgerScenario()
        for index in 0..<1000 {
            let findings = index % 4 == 0 ? [] : index % 4 == 1 ? [LedgerScenario.warning()]
                : Array(repeating: LedgerScenario.error(), count: index % 7 + 1)
            try scenario.add("/srv/drop/批量/报告-\(index).docx", minutes: Double(index) / 2, findings: findings)
        }
        let (_, path) = try scenario.writeMail()
        let probe = try MimeProbe(file: path)
        expectWellFormed(probe, subject: "ogiwatch 日报 host1.example.org 2026-11-20：收到 1000 份，500 份有错误，250 份有警告")
        let text = probe.text
        #expect(text.contains("需要处理（500 份）\n  批量：收到 1000 份，500 份有错误，250 份仅有警告\n"))
        // The lead keeps to one screen: sixteen lines, the worst (seven errors) first.
        let lead = text.components(separatedBy: "\n变化\n").first ?? ""
        #expect(lead.components(separatedBy: "\n    - ").count == 17)
        #expect(lead.contains("\n    - 某县人民政府办公室 · 2025 年度  错误 7  "))
        #expect(lead.contains("\n    另有 484 份，见详情\n"))
        #expect(text.contains("另有 650 份报告未列出，全部问题：journalctl -t ogiwatch -p warning --since"))
        #expect(probe.html.contains("另有 484 份，见详情"))
    }

    @Test func oddFileNamesAreEscapedInBothPartsAndKeptOutOfHeaders() throws {
        let scenario = try LedgerScenario()
        let name: [UInt8] = Array("/srv/drop/a\nSubject: x".utf8) + [0x1b] + Array("[2J<b>&".utf8) + [0xff, 0xfe] + Array(".docx".utf8)
        try scenario.add(name, findings: [LedgerScenario.error()], organ: "机关\u{1b}[31m<i>")
        try scenario.add(Array("/srv/drop/ok.docx".utf8), status: .unreadable,
                         findings: [Finding(rule: "DOC.UNREADABLE", severity: .error, message: "坏\n文件")])
        let (_, path) = try scenario.writeMail()
        let probe = try MimeProbe(file: path)
        expectWellFormed(probe, subject: "ogiwatch 日报 host1.example.org 2026-11-20：收到 2 份，1 份有错误，1 份无法读取")
        let escaped = "a\\nSubject: x\\x1b[2J<b>&\\xff\\xfe.docx"
        #expect(probe.text.contains("\n  drop/" + escaped + " · 2025 年度：错误 1\n"))
        // An organ made of control bytes and markup is no organ's name: the file's name stands in.
        #expect(probe.text.contains("    - " + escaped + " · 2025 年度  错误 1  "))
        #expect(!probe.text.contains("机关"))
        #expect(probe.text.contains("  无法读取  坏\\n文件\n"))
        #expect(!probe.text.contains("\u{1b}"))
        #expect(probe.html.contains("drop/a\\nSubject: x\\x1b[2J&lt;b&gt;&amp;\\xff\\xfe.docx"))
        #expect(!probe.html.contains("<b>") && !probe.html.contains("<i>") && !probe.html.contains("\u{1b}"))
        #expect(probe.headers.values.allSatisfy { !$0.contains("srv/drop") && !$0.contains("Subject: x") })
        #expect(probe.headerNames.filter { $0 == "Subject" }.count == 1)
    }

    @Test func quietDayNeedsNoAttentionButFindingsAndTroubleDo() throws {
        let quiet = try LedgerScenario()
        try quiet.add("/srv/drop/clean.docx")
        try quiet.ledger.recordHealth(kind: .configReloaded, detail: "rules-7", at: quiet.day.start.addingTimeInterval(60))
        #expect(try !quiet.summary().needsAttention)

        let lost = try LedgerScenario()
        try lost.ledger.recordHealth(kind: .rootLost, detail: "/srv/drop", at: lost.day.start.addingTimeInterval(60))
        #expect(try lost.summary().needsAttention)

        let waiting = try LedgerScenario()
        try waiting.ledger.setPending(path: Array("/srv/drop/x.docx".utf8), sha256: "aa", attempts: 1, reason: "未写完")
        #expect(try waiting.summary().needsAttention)
    }
}
