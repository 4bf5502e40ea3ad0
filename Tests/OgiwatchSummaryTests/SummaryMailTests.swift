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

    @Test func dayWithFindingsAddsUpToTheLedger() throws {
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/甲县/2025年报.docx")
        try scenario.add("/srv/drop/乙县/2025年报.docx", findings: [LedgerScenario.error(), LedgerScenario.error("T4.GROUP_TOTAL"),
                                                                    LedgerScenario.warning()])
        try scenario.add("/srv/drop/丙县/2025年报.pdf", findings: [LedgerScenario.warning()])
        try scenario.add("/srv/drop/丁县/2025年报.pdf", status: .unreadable,
                         findings: [Finding(rule: "DOC.UNREADABLE", severity: .error, message: "PDF 文件已损坏")])
        try scenario.add("/srv/drop/副本.docx", status: .duplicate)
        try scenario.add("/srv/drop/昨天.docx", minutes: -60, findings: [LedgerScenario.error()])
        try scenario.add("/srv/drop/明天.docx", minutes: 24 * 60 + 5)
        try scenario.ledger.setPending(path: Array("/srv/drop/半截.docx".utf8), sha256: "ab", attempts: 2, reason: "文件似乎未写完")
        try scenario.ledger.recordHealth(kind: .rootLost, detail: "/srv/drop 被移走", at: scenario.day.start.addingTimeInterval(600))

        let (message, path) = try scenario.writeMail()
        #expect(path == scenario.stateDirectory + "/summaries/2026-11-20.eml")
        let probe = try MimeProbe(file: path)
        expectWellFormed(probe, subject: "ogiwatch 日报 host1.example.org 2026-11-20：收到 5 份，1 份有错误，1 份有警告，1 份无法读取")
        #expect(probe.headers["To"] == "reports-admin@example.org")
        #expect(probe.headers["Message-ID"] == message.messageID)

        let text = probe.text
        for (label, value) in [("收到", 5), ("已检查", 3), ("无问题", 1), ("有错误", 1), ("仅有警告", 1), ("无法读取", 1), ("重复提交", 1)] {
            #expect(text.contains("\n  \(label)：\(value) 份\n"), "\(label) \(value)")
            #expect(probe.html.contains(try Regex(">\(label)</th><td style=\"[^\"]*\">\(value) 份</td>")), "\(label) in HTML")
        }
        #expect(text.contains("二、需要关注的报告（共 2 份"))
        // Worst first: the report with errors before the one with a warning only.
        let errors = try #require(text.range(of: "/srv/drop/乙县/2025年报.docx"))
        let warnings = try #require(text.range(of: "/srv/drop/丙县/2025年报.pdf"))
        #expect(errors.lowerBound < warnings.lowerBound)
        #expect(text.contains("T3.BALANCE 表三勾稽关系：错误，1 处，涉及 1 份报告"))
        #expect(text.contains("journalctl -t ogiwatch OGIWATCH_RULE=T3.BALANCE --since \"2026-11-20 00:00:00 Asia/Shanghai\""))
        #expect(text.contains("收到：5 份（前一日 1 份，增加 4）"))
        #expect(text.contains("有错误：1 份（前一日 1 份，持平）"))
        #expect(text.contains("新出现的规则：DOC.UNREADABLE、T3.BLANK_CELLS、T4.GROUP_TOTAL"))
        #expect(text.contains("/srv/drop/丁县/2025年报.pdf\n      PDF 文件已损坏"))
        #expect(text.contains("/srv/drop/半截.docx"))
        #expect(text.contains("监视目录丢失 1 次"))
        #expect(!text.contains("明天.docx"))
        #expect(probe.html.contains("表三勾稽关系"))
    }

    @Test func emptyDayIsAValidMailThatNeedsNoAttention() throws {
        let scenario = try LedgerScenario()
        let summary = try scenario.summary()
        #expect(!summary.needsAttention)
        let (_, path) = try scenario.writeMail()
        let probe = try MimeProbe(file: path)
        expectWellFormed(probe, subject: "ogiwatch 日报 host1.example.org 2026-11-20：未收到报告")
        #expect(probe.text.contains("\n  收到：0 份\n"))
        #expect(probe.text.contains("二、需要关注的报告（共 0 份"))
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
        #expect(text.contains("\n  收到：1000 份\n"))
        #expect(text.contains("\n  无问题：250 份\n"))
        #expect(text.contains("二、需要关注的报告（共 750 份"))
        #expect(text.contains("另有 720 份报告未列出。"))
        #expect(text.contains("journalctl -t ogiwatch -p warning --since"))
        #expect(text.contains("\n  30. "))
        #expect(!text.contains("\n  31. "))
        // The first rows are the reports with the most errors (7).
        let firstRow = text.components(separatedBy: "\n  1. ").dropFirst().first ?? ""
        #expect(firstRow.hasPrefix("某县人民政府办公室 · 2025 年度：错误 7 项，警告 0 项"))
        #expect(probe.html.contains("另有 720 份报告未列出。"))
        let balanceFindings = (0..<1000).filter { $0 % 4 >= 2 }.map { $0 % 7 + 1 }.reduce(0, +)
        #expect(text.contains("T3.BALANCE 表三勾稽关系：错误，\(balanceFindings) 处，涉及 500 份报告"))
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
        let escaped = "/srv/drop/a\\nSubject: x\\x1b[2J<b>&\\xff\\xfe.docx"
        #expect(probe.text.contains("文件：" + escaped + "\n"))
        #expect(probe.text.contains("机关\\x1b[31m<i> · 2025 年度"))
        #expect(probe.text.contains("      坏\\n文件\n"))
        #expect(!probe.text.contains("\u{1b}"))
        #expect(probe.html.contains("/srv/drop/a\\nSubject: x\\x1b[2J&lt;b&gt;&amp;\\xff\\xfe.docx"))
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
