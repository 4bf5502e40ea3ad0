import Foundation
import OgiwatchCore

/// Writes a `Document` (usually a seed parsed by `PlainTextReader`) as a report page the way
/// government sites publish one, so every seed can also be checked as HTML.
///
/// Paragraphs become `<p>`; each table becomes a `<table>` whose cells are merged the way the
/// official template merges them, and empty cells are written as `&nbsp;`:
/// - **Width.** The table is as wide as its longest row. A shorter row gives the missing
///   columns to its last label cell (the cell just before its trailing numbers and blanks):
///   table 二's captions span the whole table, `一、本年新收…` spans three label columns,
///   `（一）予以公开` two. Known header cells keep their template spans (`行政复议` 5,
///   `行政诉讼` 10, `申请人情况` 7 …) when they fit. A row of values only (table 四's
///   data row) gets a blank first cell instead, so its values keep their columns.
/// - **Group labels.** `三、本年度办理结果` and the groups `（三）`–`（六）` get a `rowspan`
///   over the rows below whose cell in that column is empty (their children); nothing else is
///   merged vertically, so a blank value is never turned into a merge.
/// - **Loose tables** (text from PDF) lose their trailing empty cells first: there they mean
///   nothing, while in a grid a trailing blank is a real blank value.
///
/// Reading the page back gives the same texts in the same rows, and the same trailing values.
public enum HtmlWriter {
    public enum Encoding: Sendable {
        case utf8
        /// GBK bytes (converted with `iconv`) declared in an old-style `http-equiv` meta tag.
        case gbk
    }

    private static let headerSpans: [String: Int] = [
        "行政复议": 5, "行政诉讼": 10, "未经复议直接起诉": 5, "复议后起诉": 5, "申请人情况": 7, "法人或其他组织": 5,
    ]
    private static let groupLabels = ["本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理"]

    public static func bytes(_ document: Document, encoding: Encoding, title: String = "政府信息公开工作年度报告") throws -> [UInt8] {
        switch encoding {
        case .utf8:
            return Array(page(document, title: title, charsetTag: "<meta charset=\"utf-8\">").utf8)
        case .gbk:
            let html = page(document, title: title, charsetTag: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">")
            return try Transcode.iconv(html, to: "GBK")
        }
    }

    public static func page(_ document: Document, title: String, charsetTag: String = "<meta charset=\"utf-8\">") -> String {
        var html = "<!DOCTYPE html>\n<html>\n<head>\n\(charsetTag)\n<title>\(escape(title))</title>\n"
        html += "<style>td { border: 1px solid #000; }</style>\n</head>\n<body>\n<div class=\"article\">\n"
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                html += "<p>\(escape(paragraph.text))</p>\n"
            case .table(let table):
                html += self.table(table)
            }
        }
        return html + "</div>\n</body>\n</html>\n"
    }

    private static func table(_ table: Table) -> String {
        let rows = table.rows.map { row in
            table.layout == .loose ? Array(row.cells.reversed().drop { isBlank($0.text) }.reversed()) : row.cells
        }
        let width = rows.map(\.count).max() ?? 0
        let spans = rows.map { spansFor($0, width: width) }
        var rowspans = rows.map { Array(repeating: 1, count: $0.count) }
        var omitted = rows.map { Array(repeating: false, count: $0.count) }

        // column → (row, cell) of the group label whose rowspan is still open.
        var open: [Int: (row: Int, cell: Int)] = [:]
        let fillers = spans.map { width - $0.reduce(0, +) }
        for (r, cells) in rows.enumerated() {
            let labels = labelCount(cells)
            for covered in 0..<fillers[r] { open[covered] = nil }
            var column = fillers[r]
            for (c, cell) in cells.enumerated() {
                defer { column += spans[r][c] }
                if let origin = open[column], c < labels, isBlank(cell.text), spans[r][c] == 1 {
                    rowspans[origin.row][origin.cell] += 1
                    omitted[r][c] = true
                    continue
                }
                for covered in column..<(column + spans[r][c]) { open[covered] = nil }
                let key = compact(cell.text)
                if c < labels, spans[r][c] == 1, groupLabels.contains(where: key.contains) {
                    open[column] = (r, c)
                }
            }
        }

        var html = "<table border=\"1\" cellspacing=\"0\">\n<tbody>\n"
        for (r, cells) in rows.enumerated() {
            html += "<tr>"
            let filler = fillers[r]
            if filler > 0 { html += filler > 1 ? "<td colspan=\"\(filler)\">&nbsp;</td>" : "<td>&nbsp;</td>" }
            for (c, cell) in cells.enumerated() where !omitted[r][c] {
                var attributes = ""
                if rowspans[r][c] > 1 { attributes += " rowspan=\"\(rowspans[r][c])\"" }
                if spans[r][c] > 1 { attributes += " colspan=\"\(spans[r][c])\"" }
                let text = isBlank(cell.text) ? "&nbsp;" : escape(cell.text).replacingOccurrences(of: "\n", with: "<br />")
                html += "<td\(attributes)>\(text)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Column spans of one row, adding up to `width`.
    private static func spansFor(_ cells: [Cell], width: Int) -> [Int] {
        var spans = cells.map { headerSpans[compact($0.text)] ?? 1 }
        if spans.reduce(0, +) > width { spans = cells.map { _ in 1 } }
        let missing = width - spans.reduce(0, +)
        if missing > 0, labelCount(cells) > 0 {
            spans[labelCount(cells) - 1] += missing
        }
        return spans
    }

    /// Cells before the row's trailing run of numbers and blanks.
    private static func labelCount(_ cells: [Cell]) -> Int {
        let values = cells.reversed().prefix { isBlank($0.text) || isNumber($0.text) }.count
        return cells.count - values
    }

    private static func isNumber(_ text: String) -> Bool {
        let trimmed = compact(text)
        return !trimmed.isEmpty && trimmed.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
    }

    private static func isBlank(_ text: String) -> Bool {
        compact(text).isEmpty
    }

    private static func compact(_ text: String) -> String {
        text.filter { !$0.isWhitespace && $0 != "\u{3000}" && $0 != "\u{00A0}" }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\u{00A0}", with: "&nbsp;")
    }
}
