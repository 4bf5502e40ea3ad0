/// The `text/plain` part: readable in any mail client and in `less`. What needs action
/// comes first, then what changed, then the details of every report.
public enum SummaryText {
    public static func render(_ summary: DailySummary, subject: String) -> String {
        var out: [String] = [subject, summary.dateLine, ""]

        out.append(summary.needsActionTitle)
        for block in summary.leadBlocks {
            out.append("  " + summary.describe(block.tally))
            for line in block.shown {
                out.append("    - \(line.heading)  \(summary.counts(line))  \(summary.problems(line))")
            }
            if let hidden = summary.hiddenLines(block) { out.append("    " + hidden) }
        }
        if let quiet = summary.quietFolders { out.append("  " + quiet) }
        out.append("")

        out.append("变化")
        out.append("  " + summary.changesLine)
        for line in summary.fixedLines { out.append("  已改好：" + line) }
        let labels = summary.week.days.map(\.label)
        out.append("  " + padEnd("近 7 天", 8) + labels.map { pad($0, 6) }.joined())
        for row in summary.weekRows { out.append("  " + padEnd(row.label, 8) + row.values.map { pad(String($0), 6) }.joined()) }
        out.append("")

        out.append("详情")
        if summary.reports.isEmpty { out.append("  当日没有报告有错误或警告。") }
        for line in summary.reports.prefix(DailySummary.detailReports) {
            out.append("  " + summary.detailHeading(line))
            for finding in line.findings.prefix(DailySummary.detailFindings) { out.append("    - " + summary.describe(finding)) }
            let more = line.findings.count - DailySummary.detailFindings
            if more > 0 { out.append("    - 另有 \(more) 项，请用 ogiwatch check 查看该文件") }
        }
        let hidden = summary.reports.count - DailySummary.detailReports
        if hidden > 0 { out.append("  另有 \(hidden) 份报告未列出，全部问题：\(summary.journalPointer)") }
        if !summary.pending.isEmpty {
            out.append("  仍在等待完整写入（\(summary.pending.count) 份）：")
            for file in summary.pending.prefix(DailySummary.filesShown) { out.append("    " + summary.describe(file)) }
        }
        let health = summary.healthLines
        out.append("  运行状况：" + (health.isEmpty ? "无异常事件。" : ""))
        for line in health { out.append("    " + line) }
        out.append("  规则集版本：\(summary.ruleSetLine)；生成时间：\(summary.generated)")
        out.append("  当日全部日志：\(summary.journalPointer)")
        out.append("")
        out.append("本邮件由 ogiwatch 根据台账自动生成，请勿直接回复。")
        return out.joined(separator: "\n") + "\n"
    }

    /// Right-aligns `text` in `width` columns, counting a CJK character as two.
    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - columns(text))) + text
    }

    private static func padEnd(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - columns(text)))
    }

    private static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }
}
