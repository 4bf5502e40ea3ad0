/// The `text/plain` part: readable in any mail client and in `less`, one fact per line.
public enum SummaryText {
    public static func render(_ summary: DailySummary, subject: String) -> String {
        var out: [String] = [subject, String(repeating: "=", count: 40), ""]
        out.append("统计日期：\(summary.period)")
        out.append("主机：\(DisplayText.escaped(summary.host))")
        out.append("生成时间：\(summary.generated)")
        out.append("规则集版本：\(summary.ruleSetLine)")
        out.append("")

        out.append("一、当日概况")
        for row in summary.figures.rows { out.append("  \(row.label)：\(row.value) 份") }
        out.append("")
        out.append("  与前一日（\(summary.day.previous.name)）相比（按台账记录重新计算）：")
        for line in summary.changes { out.append("  " + line) }
        out.append("")

        out.append("二、需要关注的报告（共 \(summary.attention.count) 份，错误多的在前）")
        if summary.attention.isEmpty { out.append("  无。") }
        for (index, report) in summary.attention.prefix(DailySummary.reportsShown).enumerated() {
            out.append("  \(index + 1). \(summary.heading(report))：错误 \(report.errors) 项，警告 \(report.warnings) 项")
            out.append("     文件：\(DisplayText.escaped(report.path))")
            for finding in report.topFindings { out.append("     - " + summary.describe(finding)) }
            let more = report.errors + report.warnings - report.topFindings.count
            if more > 0 { out.append("     - 另有 \(more) 项，见 ogiwatch check FILE") }
        }
        let hiddenReports = summary.attention.count - DailySummary.reportsShown
        if hiddenReports > 0 {
            out.append("  " + summary.remainder(hiddenReports, of: "份报告"))
            out.append("  全部问题：\(summary.journalAllFindings)")
            out.append("  单份报告：ogiwatch check FILE")
        }
        out.append("")

        out.append("三、各规则的问题数（共 \(summary.rules.count) 条规则）")
        if summary.rules.isEmpty { out.append("  无。") }
        for rule in summary.rules.prefix(DailySummary.rulesShown) {
            let title = rule.title.map(DisplayText.escaped) ?? "（当前规则集中没有此规则）"
            out.append("  \(DisplayText.escaped(rule.rule)) \(title)：\(summary.describe(rule))")
            out.append("    \(summary.journalCommand(rule: rule.rule))")
        }
        let hiddenRules = summary.rules.count - DailySummary.rulesShown
        if hiddenRules > 0 { out.append("  " + summary.remainder(hiddenRules, of: "条规则") + "查看：journalctl OGIWATCH_RULE=规则编号") }
        out.append("")

        out.append("四、无法读取和等待中的文件")
        out.append("  当日无法读取（\(summary.unreadable.count) 份）：")
        for file in summary.unreadable.prefix(DailySummary.filesShown) {
            out.append("    \(DisplayText.escaped(file.path))")
            out.append("      \(DisplayText.escaped(file.reason))")
        }
        appendHidden(summary.unreadable.count, of: "份", pointer: summary.journalUnreadable, to: &out)
        out.append("  仍在等待完整写入（\(summary.pending.count) 份）：")
        for file in summary.pending.prefix(DailySummary.filesShown) {
            out.append("    \(DisplayText.escaped(file.path))")
            out.append("      \(summary.describe(file))")
        }
        appendHidden(summary.pending.count, of: "份", pointer: "ogiwatch check FILE", to: &out)
        out.append("")

        out.append("五、运行状况")
        let health = summary.healthLines
        if health.isEmpty { out.append("  无异常事件。") }
        for line in health { out.append("  " + line) }
        out.append("")
        out.append("本邮件由 ogiwatch 根据台账自动生成，请勿直接回复。")
        return out.joined(separator: "\n") + "\n"
    }

    private static func appendHidden(_ total: Int, of noun: String, pointer: String, to out: inout [String]) {
        let hidden = total - DailySummary.filesShown
        if hidden > 0 { out.append("    另有 \(hidden) \(noun)未列出。查看：\(pointer)") }
    }
}
