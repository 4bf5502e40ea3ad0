/// The `text/html` part. What needs action comes first, one line per report, then what
/// changed; every finding sits below in `#details`, each report behind its own
/// `<details>`. Inline styles only (mail clients drop `<style>` and never load anything
/// remote), and every dynamic string escaped twice: control bytes first, then markup.
public enum SummaryHTML {
    private static let cell = "padding:2px 6px;border-bottom:1px solid #eaeef2;text-align:left;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;"
    private static let number = "padding:2px 6px;border-bottom:1px solid #eaeef2;text-align:right;"
    private static let table = "border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px;margin:2px 0 6px;"
    private static let heading = "font-size:16px;margin:14px 0 4px;padding-bottom:2px;border-bottom:2px solid #d0d7de;"
    private static let folder = "font-size:14px;margin:8px 0 2px;"
    private static let note = "color:#57606a;font-size:13px;margin:2px 0;"

    public static func render(_ summary: DailySummary, subject: String) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width">
            <title>\(h(subject))</title></head>
            <body style="margin:0;padding:12px;background:#f4f5f7;color:#1f2328;font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;line-height:1.45;">
            <div style="max-width:960px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-radius:6px;padding:12px 18px;">
            <h1 style="font-size:18px;margin:0 0 2px;">\(h(subject))</h1>
            <p style="\(note)">\(h(summary.dateLine))</p>

            """
        // Each report's line leads to its findings in the details.
        let anchors = Dictionary(summary.reports.prefix(DailySummary.detailReports).enumerated().map { ($1.place, $0) },
                                 uniquingKeysWith: { first, _ in first })
        out += section(summary.needsActionTitle)
        for block in summary.leadBlocks {
            out += "<h3 style=\"\(folder)\">\(h(summary.describe(block.tally)))</h3>\n"
            out += "<table style=\"\(table)\">\n"
            for line in block.shown {
                let color = line.status == .unreadable || line.counts.errors > 0 ? "color:#cf222e;" : ""
                let problems = summary.problems(line)
                let heading = anchors[line.place].map { "<a href=\"#r\($0)\" style=\"color:inherit;\">\(h(line.heading))</a>" }
                    ?? h(line.heading)
                out += "<tr><td style=\"\(cell)width:32%;\" title=\"\(h(line.place.file))\">\(heading)</td>"
                    + "<td style=\"\(cell)width:22%;\(color)\">\(h(summary.counts(line)))</td>"
                    + "<td style=\"\(cell)\" title=\"\(h(problems))\">\(h(problems))</td></tr>\n"
            }
            out += "</table>\n"
            if let hidden = summary.hiddenLines(block) { out += "<p style=\"\(note)\">\(h(hidden))</p>\n" }
        }
        if let quiet = summary.quietFolders { out += "<p style=\"\(note)\">\(h(quiet))</p>\n" }

        out += section("变化")
        out += "<p style=\"font-size:13px;margin:2px 0;\">\(h(summary.changesLine))</p>\n"
        for line in summary.fixedLines { out += "<p style=\"\(note)\">已改好：\(h(line))</p>\n" }
        out += "<table style=\"\(table)width:auto;\"><tr><th style=\"\(cell)\">近 7 天</th>"
            + summary.week.days.map { "<th style=\"\(number)\">\(h($0.label))</th>" }.joined() + "</tr>\n"
        for row in summary.weekRows {
            out += "<tr><th style=\"\(cell)\">\(h(row.label))</th>" + row.values.map { "<td style=\"\(number)\">\($0)</td>" }.joined() + "</tr>\n"
        }
        out += "</table>\n"

        out += "<div id=\"details\">\n" + section("详情")
        if summary.reports.isEmpty { out += "<p style=\"\(note)\">当日没有报告有错误或警告。</p>\n" }
        for (index, line) in summary.reports.prefix(DailySummary.detailReports).enumerated() {
            out += "<details id=\"r\(index)\" style=\"font-size:13px;margin:2px 0;\"><summary>\(h(summary.detailHeading(line)))</summary>"
                + "<ul style=\"margin:2px 0 6px;padding-left:20px;\">"
            for finding in line.findings.prefix(DailySummary.detailFindings) { out += "<li>\(h(summary.describe(finding)))</li>" }
            let more = line.findings.count - DailySummary.detailFindings
            if more > 0 { out += "<li>另有 \(more) 项，请用 ogiwatch check 查看该文件</li>" }
            out += "</ul></details>\n"
        }
        let hidden = summary.reports.count - DailySummary.detailReports
        if hidden > 0 { out += "<p style=\"\(note)\">另有 \(hidden) 份报告未列出，全部问题：\(h(summary.journalPointer))</p>\n" }
        if !summary.pending.isEmpty {
            out += "<p style=\"\(note)\">仍在等待完整写入（\(summary.pending.count) 份）：</p>"
            out += list(summary.pending.prefix(DailySummary.filesShown).map(summary.describe))
        }
        let health = summary.healthLines
        out += "<p style=\"\(note)\">运行状况：\(health.isEmpty ? "无异常事件。" : "")</p>"
        if !health.isEmpty { out += list(health) }
        out += "<p style=\"\(note)\">规则集版本：\(h(summary.ruleSetLine))；生成时间：\(h(summary.generated))<br>"
            + "当日全部日志：\(h(summary.journalPointer))</p>\n"
        out += "<p style=\"\(note)margin-top:12px;\">本邮件由 ogiwatch 根据台账自动生成，请勿直接回复。</p>\n</div>\n</div></body></html>\n"
        return out
    }

    private static func section(_ title: String) -> String {
        "<h2 style=\"\(heading)\">\(h(title))</h2>\n"
    }

    private static func list(_ lines: [String]) -> String {
        "<ul style=\"margin:2px 0 6px;padding-left:20px;font-size:13px;\">" + lines.map { "<li>\(h($0))</li>" }.joined() + "</ul>\n"
    }

    private static func h(_ text: String) -> String { DisplayText.html(text) }
}
