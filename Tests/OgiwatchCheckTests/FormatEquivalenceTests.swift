import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchReaders
import Testing

/// The same report gives the same findings whatever form it arrives in: another text
/// encoding, a native .docx with merged cells, or a web page with rowspan and colspan.
/// Line numbers differ between forms (paragraph numbers in .docx and HTML), so findings are
/// compared on rule, severity and place.
@Suite struct FormatEquivalenceTests {
    static func key(_ f: Finding) -> String {
        let l = f.location
        return [f.rule, f.severity.rawValue, l.section ?? "-", l.table ?? "-", l.row ?? "-", l.column ?? "-"].joined(separator: " ")
    }

    /// Word's `[bookmark: _GoBack]` exists only in Word's text export; in .docx and HTML a
    /// bookmark is markup, not text, so META.ARTIFACTS cannot carry over.
    static func keys(_ result: CheckResult, droppingTextExportArtifacts: Bool = false) -> [String] {
        result.findings.filter { !(droppingTextExportArtifacts && $0.rule == "META.ARTIFACTS") }.map(key).sorted()
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func otherEncodingsGiveTheSameFindings(seed: String) throws {
        let text = try SeedReport.text(seed)
        let reference = Self.keys(SeedReport.check(text))
        for (encoding, bom) in [("GB18030", [UInt8]()), ("UTF-16LE", [0xFF, 0xFE]), ("UTF-16BE", [0xFE, 0xFF])] {
            let bytes = bom + (try Transcode.iconv(text, to: encoding))
            let result = SeedReport.checker.check(bytes: bytes, format: .txt, name: "\(seed)-\(encoding).txt")
            #expect(Self.keys(result) == reference, "\(seed) in \(encoding)")
        }
        let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(Self.keys(SeedReport.checker.check(bytes: crlf, format: .txt, name: "crlf.txt")) == reference)
    }

    /// Word-exported seeds (cell per line) become native .docx files whose label cells are
    /// merged vertically, as in the official template.
    @Test(arguments: ["000", "001", "003", "004"])
    func docxWithMergedCellsGivesTheSameFindings(seed: String) throws {
        let text = try SeedReport.text(seed)
        var document = PlainTextReader.parse(text)
        var merged = 0
        document.blocks = document.blocks.map { block in
            guard case .table(let table) = block else { return block }
            var result = DocxWriter.mergingLabelCells(table, columns: 2)
            // Only label cells merge: a row's last seven cells are table 三's values.
            for r in result.rows.indices {
                let count = result.rows[r].cells.count
                for c in max(0, count - 7)..<count { result.rows[r].cells[c] = table.rows[r].cells[c] }
            }
            merged += result.rows.flatMap(\.cells).filter(\.isMergedContinuation).count
            return .table(result)
        }
        #expect(merged > 0, "the fixture must actually merge cells")
        let bytes = try DocxWriter.docx(document)
        let docx = SeedReport.checker.check(bytes: bytes, format: .docx, name: "\(seed).docx")
        #expect(docx.template == SeedReport.check(text).template)
        #expect(Self.keys(docx) == Self.keys(SeedReport.check(text), droppingTextExportArtifacts: true), "\(seed)")
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func htmlWithSpansGivesTheSameFindings(seed: String) throws {
        let text = try SeedReport.text(seed)
        let document = PlainTextReader.parse(text)
        let reference = Self.keys(SeedReport.check(text), droppingTextExportArtifacts: true)
        for encoding in [HtmlWriter.Encoding.utf8, .gbk] where encoding == .utf8 || !text.contains("\u{A0}") {
            let bytes = try HtmlWriter.bytes(document, encoding: encoding)
            let html = SeedReport.checker.check(bytes: bytes, format: .html, name: "\(seed).html")
            #expect(Self.keys(html) == reference, "\(seed) \(encoding)")
        }
    }
}
