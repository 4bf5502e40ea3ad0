/// The `text/html` part. Inline styles only (mail clients drop `<style>` and never load
/// anything remote), tables for the lists, and every dynamic string escaped twice: control
/// bytes first, then markup.
public enum SummaryHTML {
    private static let cell = "padding:4px 8px;border-bottom:1px solid #d8dee4;vertical-align:top;text-align:left;"
    private static let head = cell + "background:#f6f8fa;font-weight:600;"
    private static let number = cell + "text-align:right;white-space:nowrap;"
    private static let table = "border-collapse:collapse;width:100%;font-size:14px;margin:4px 0 8px;"
    private static let heading = "font-size:17px;margin:20px 0 6px;padding-bottom:4px;border-bottom:2px solid #d0d7de;"
    private static let note = "color:#57606a;font-size:13px;margin:4px 0;"
    private static let code = "font-family:Menlo,Consolas,monospace;font-size:12px;background:#f6f8fa;padding:1px 4px;word-break:break-all;"
    private static let path = "font-family:Menlo,Consolas,monospace;font-size:12px;color:#57606a;word-break:break-all;"

    public static func render(_ summary: DailySummary, subject: String) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width">
            <title>\(h(subject))</title></head>
            <body style="margin:0;padding:16px;background:#f4f5f7;color:#1f2328;font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;line-height:1.5;">
            <div style="max-width:820px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-radius:6px;padding:16px 20px;">
            <h1 style="font-size:20px;margin:0 0 8px;">\(h(subject))</h1>
            <p style="\(note)">统计日期：\(h(summary.period))<br>主机：\(h(DisplayText.escaped(summary.host)))<br>生成时间：\(h(summary.generated))<br>规则集版本：\(h(summary.ruleSetLine))</p>

            """
        out += section("一、当日概况")
        out += "<table style=\"\(table)width:auto;\">"
        for row in summary.figures.rows { out += "<tr><th style=\"\(head)\">\(h(row.label))</th><td style=\"\(number)\">\(row.value) 份</td></tr>" }
        out += "</table>\n<p style=\"\(note)\">与前一日（\(h(summary.day.previous.name))）相比（按台账记录重新计算）：</p>"
        out += list(summary.changes)

        out += section("二、需要关注的报告（共 \(summary.attention.count) 份，错误多的在前）")
        out += reports(summary)

        out += section("三、各规则的问题数（共 \(summary.rules.count) 条规则）")
        out += rules(summary)

        out += section("四、无法读取和等待中的文件")
        out += "<p style=\"\(note)\">当日无法读取（\(summary.unreadable.count) 份）</p>"
        out += files(summary.unreadable.map { ($0.path, DisplayText.escaped($0.reason)) }, pointer: summary.journalUnreadable)
        out += "<p style=\"\(note)\">仍在等待完整写入（\(summary.pending.count) 份）</p>"
        out += files(summary.pending.map { ($0.path, summary.describe($0)) }, pointer: "ogiwatch check FILE")

        out += section("五、运行状况")
        out += summary.healthLines.isEmpty ? "<p style=\"\(note)\">无异常事件。</p>" : list(summary.healthLines)
        out += "<p style=\"\(note)margin-top:20px;\">本邮件由 ogiwatch 根据台账自动生成，请勿直接回复。</p>\n</div></body></html>\n"
        return out
    }

    private static func reports(_ summary: DailySummary) -> String {
        guard !summary.attention.isEmpty else { return "<p style=\"\(note)\">无。</p>\n" }
        var out = "<table style=\"\(table)\"><tr><th style=\"\(head)\">#</th><th style=\"\(head)\">机关 · 年度 / 文件</th>"
            + "<th style=\"\(head)\">错误</th><th style=\"\(head)\">警告</th><th style=\"\(head)\">主要问题</th></tr>\n"
        for (index, report) in summary.attention.prefix(DailySummary.reportsShown).enumerated() {
            let errorStyle = number + (report.errors > 0 ? "color:#cf222e;font-weight:600;" : "")
            let warningStyle = number + (report.warnings > 0 ? "color:#9a6700;" : "")
            var findings = report.topFindings.map { summary.describe($0) }
            let more = report.errors + report.warnings - report.topFindings.count
            if more > 0 { findings.append("另有 \(more) 项，见 ogiwatch check FILE") }
            out += "<tr><td style=\"\(number)\">\(index + 1)</td><td style=\"\(cell)\">\(h(summary.heading(report)))"
                + "<br><span style=\"\(path)\">\(h(DisplayText.escaped(report.path)))</span></td>"
                + "<td style=\"\(errorStyle)\">\(report.errors)</td><td style=\"\(warningStyle)\">\(report.warnings)</td>"
                + "<td style=\"\(cell)font-size:13px;\">\(findings.map(h).joined(separator: "<br>"))</td></tr>\n"
        }
        out += "</table>\n"
        let hidden = summary.attention.count - DailySummary.reportsShown
        if hidden > 0 {
            out += "<p style=\"\(note)\">\(h(summary.remainder(hidden, of: "份报告")))全部问题：<code style=\"\(code)\">"
                + "\(h(summary.journalAllFindings))</code>；单份报告：<code style=\"\(code)\">ogiwatch check FILE</code></p>\n"
        }
        return out
    }

    private static func rules(_ summary: DailySummary) -> String {
        guard !summary.rules.isEmpty else { return "<p style=\"\(note)\">无。</p>\n" }
        var out = "<table style=\"\(table)\"><tr><th style=\"\(head)\">规则</th><th style=\"\(head)\">名称</th>"
            + "<th style=\"\(head)\">处</th><th style=\"\(head)\">报告</th><th style=\"\(head)\">查看</th></tr>\n"
        for rule in summary.rules.prefix(DailySummary.rulesShown) {
            let title = rule.title.map(DisplayText.escaped) ?? "（当前规则集中没有此规则）"
            let color = rule.severity == .error ? "color:#cf222e;" : rule.severity == .warning ? "color:#9a6700;" : ""
            out += "<tr><td style=\"\(cell)white-space:nowrap;\(color)\">\(h(DisplayText.escaped(rule.rule)))</td>"
                + "<td style=\"\(cell)\">\(h(title))（\(h(rule.severity.chinese))）</td>"
                + "<td style=\"\(number)\">\(rule.findings)</td><td style=\"\(number)\">\(rule.reports)</td>"
                + "<td style=\"\(cell)\"><code style=\"\(code)\">\(h(summary.journalCommand(rule: rule.rule)))</code></td></tr>\n"
        }
        out += "</table>\n"
        let hidden = summary.rules.count - DailySummary.rulesShown
        if hidden > 0 { out += "<p style=\"\(note)\">\(h(summary.remainder(hidden, of: "条规则")))</p>\n" }
        return out
    }

    private static func files(_ entries: [(path: [UInt8], detail: String)], pointer: String) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "<table style=\"\(table)\">"
        for entry in entries.prefix(DailySummary.filesShown) {
            out += "<tr><td style=\"\(cell)\"><span style=\"\(path)\">\(h(DisplayText.escaped(entry.path)))</span>"
                + "<br>\(h(entry.detail))</td></tr>\n"
        }
        out += "</table>\n"
        let hidden = entries.count - DailySummary.filesShown
        if hidden > 0 {
            out += "<p style=\"\(note)\">另有 \(hidden) 份未列出。查看：<code style=\"\(code)\">\(h(pointer))</code></p>\n"
        }
        return out
    }

    private static func section(_ title: String) -> String {
        "<h2 style=\"\(heading)\">\(h(title))</h2>\n"
    }

    private static func list(_ lines: [String]) -> String {
        "<ul style=\"margin:4px 0 8px;padding-left:20px;font-size:14px;\">" + lines.map { "<li>\(h($0))</li>" }.joined() + "</ul>\n"
    }

    private static func h(_ text: String) -> String { DisplayText.html(text) }
}
