import Foundation
import OgiwatchCore
import ZIPFoundation

/// Builds `.docx` files in memory from a `Document`, so a report read from text can be fed to
/// the native reader and both results compared.
///
/// Paragraphs become `w:p` (a "\n" inside one becomes `w:br`). Every table is written as a Word
/// grid table; a cell's "\n" separates its paragraphs. Merged cells follow one convention, and
/// reading the file back gives the same cells:
/// - continuation cells right after an ordinary cell widen it: one `w:tc` with `w:gridSpan`;
/// - a continuation cell at the start of a row, or right after a vertical continuation, is its
///   own `w:tc` with a bare `w:vMerge`, and the `w:tc` above it that covers the same grid column
///   gets `w:vMerge w:val="restart"` (unless that one continues a merge itself).
/// Use `mergingLabelCells(_:columns:)` first to get the template's vertical label merges.
public enum DocxWriter {
    /// A complete `.docx` holding `document`.
    public static func docx(_ document: Document) throws -> [UInt8] {
        try package(documentXML: documentXML(document))
    }

    /// A `.docx` around any `word/document.xml` text, valid or not, with the numbering and
    /// style parts when given.
    public static func package(documentXML: String, numberingXML: String? = nil, stylesXML: String? = nil) throws -> [UInt8] {
        var parts = [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(relationships.utf8)),
            ("word/document.xml", Array(documentXML.utf8)),
        ]
        if let numberingXML { parts.append(("word/numbering.xml", Array(numberingXML.utf8))) }
        if let stylesXML { parts.append(("word/styles.xml", Array(stylesXML.utf8))) }
        return try zip(parts)
    }

    /// A deflated ZIP of the given parts, written by ZIPFoundation.
    public static func zip(_ parts: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) }
            )
        }
        return [UInt8](archive.data ?? Data())
    }

    /// The `word/document.xml` text for `document`.
    public static func documentXML(_ document: Document) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<w:document xmlns:w="\#(namespace)"><w:body>"#
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph): xml += paragraphXML(paragraph.text)
            case .table(let table): xml += tableXML(table)
            }
        }
        return xml + "</w:body></w:document>"
    }

    /// Turns blank cells in the first `columns` columns into vertical-merge continuations when the
    /// cell above is filled or itself continued, the way the official template merges row labels
    /// such as `三、本年度办理结果` (text exported from Word shows those merges as blank cells).
    public static func mergingLabelCells(_ table: Table, columns: Int) -> Table {
        var result = table
        for rowIndex in result.rows.indices.dropFirst() {
            let above = result.rows[rowIndex - 1].cells
            for column in 0..<min(columns, result.rows[rowIndex].cells.count, above.count) {
                let cell = result.rows[rowIndex].cells[column]
                let upper = above[column]
                let blank = cell.text.allSatisfy(\.isWhitespace)  // includes NBSP and U+3000
                let upperFilled = upper.isMergedContinuation || !upper.text.allSatisfy(\.isWhitespace)
                if !cell.isMergedContinuation, blank, upperFilled {
                    result.rows[rowIndex].cells[column] = Cell("", isMergedContinuation: true)
                }
            }
        }
        return result
    }

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    private static func paragraphXML(_ text: String) -> String {
        guard !text.isEmpty else { return "<w:p/>" }
        let runs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { #"<w:t xml:space="preserve">\#(escape($0))</w:t>"# }
            .joined(separator: "<w:br/>")
        return "<w:p><w:r>\(runs)</w:r></w:p>"
    }

    private static func tableXML(_ table: Table) -> String {
        let rows = table.rows.map { WordGridRow(cells: $0.cells) }
        let marked = WordGridRow.markingRestarts(rows)
        let width = table.rows.map(\.cells.count).max() ?? 0
        var xml = #"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>"#
        xml += String(repeating: #"<w:gridCol w:w="800"/>"#, count: width) + "</w:tblGrid>"
        for row in marked {
            xml += "<w:tr>"
            for cell in row.cells {
                xml += "<w:tc><w:tcPr>"
                if cell.span > 1 { xml += #"<w:gridSpan w:val="\#(cell.span)"/>"# }
                switch cell.verticalMerge {
                case .none: break
                case .restart: xml += #"<w:vMerge w:val="restart"/>"#
                case .continuation: xml += "<w:vMerge/>"
                }
                xml += "</w:tcPr>"
                let lines = cell.text.split(separator: "\n", omittingEmptySubsequences: false)
                xml += lines.map { paragraphXML(String($0)) }.joined()
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func escape(_ text: Substring) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """

    private static let relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/>\
        </Relationships>
        """
}
