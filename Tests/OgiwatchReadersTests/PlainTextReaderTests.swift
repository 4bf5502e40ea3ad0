import Foundation
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchReaders
import Testing

@Suite struct PlainTextReaderTests {
    static let seeds = ["000", "001", "002", "003", "004"]

    private func document(_ seed: String) throws -> Document {
        try PlainTextReader.read(bytes: Array(ReferenceReports.seedText(seed).utf8))
    }

    /// The first row with a cell reading `label` (compared after normalisation).
    private func row(labelled label: String, in document: Document) -> Row? {
        let key = Normalize.compact(label)
        return document.tables.lazy.flatMap(\.rows).first { row in
            row.cells.contains { Normalize.compact($0.text) == key }
        }
    }

    /// The cells after the label cell.
    private func values(of row: Row, labelled label: String) -> [String] {
        let key = Normalize.compact(label)
        guard let index = row.cells.firstIndex(where: { Normalize.compact($0.text) == key }) else { return [] }
        return row.cells[(index + 1)...].map { Normalize.trimCell($0.text) }
    }

    // Tables 二, 三 and 四 in every seed, counted by hand from the files.
    @Test(arguments: [
        ("000", Table.Layout.grid), ("001", .grid), ("002", .loose), ("003", .grid), ("004", .grid),
    ])
    func everySeedHasItsThreeTables(seed: String, layout: Table.Layout) throws {
        let tables = try document(seed).tables
        #expect(tables.count == 3)
        #expect(tables.allSatisfy { $0.layout == layout })
    }

    @Test func totalRowKeepsItsBlankSixthCell() throws {
        let total = try #require(row(labelled: "（七）总计", in: document("001")))
        #expect(total.cells.suffix(7).map { Normalize.trimCell($0.text) } == ["1", "0", "0", "0", "0", "", "1"])
    }

    @Test func carryOverRowKeepsAllSevenBlankCells() throws {
        let label = "四、结转下年度继续办理"
        let carry = try #require(row(labelled: label, in: document("003")))
        #expect(values(of: carry, labelled: label) == Array(repeating: "", count: 7))
        #expect(carry.cells.suffix(7).filter { $0.text.contains("\u{00A0}") }.count == 6)
    }

    @Test func pdfExportTableFourHasFifteenNumbersOnOneLine() throws {
        let tableFour = try #require(document("002").tables.last)
        let valueLine = try #require(tableFour.rows.last)
        let numbers = valueLine.cells.filter { CellValue(parsing: $0.text).isNumber }
        #expect(numbers.count == 15)
        #expect(valueLine.line == 75)
    }

    @Test func bookmarkBecomesAnArtifact() throws {
        let doc = try document("000")
        #expect(doc.artifacts == [Artifact(text: "[bookmark: _GoBack]", line: 12)])
        #expect(!doc.paragraphs.contains { $0.text.contains("bookmark") })
        let paragraph = try #require(doc.paragraphs.first { $0.line == 12 })
        #expect(paragraph.text.hasPrefix("（五）政府信息管理及监督保障"))
    }

    @Test func wrappedCellIsJoinedInTheSeed() throws {
        let cells = try document("000").tables.flatMap(\.rows).flatMap(\.cells).map(\.text)
        #expect(cells.contains("商业企业"))
        #expect(cells.contains("科研机构"))
        #expect(!cells.contains("企业"))
    }

    @Test func lineAfterACellContinuesIt() {
        let doc = PlainTextReader.parse("标题\n\t商业\n企业\n\t科研\n\n结束")
        #expect(doc.tables.map { $0.rows.map { $0.cells.map(\.text) } } == [[["商业企业", "科研"]]])
        #expect(doc.paragraphs.map(\.text) == ["标题", "结束"])
    }

    @Test(arguments: seeds)
    func crlfAndCRCopiesParseLikeLF(seed: String) throws {
        let text = try ReferenceReports.seedText(seed)
        let lf = PlainTextReader.parse(text)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let cr = text.replacingOccurrences(of: "\n", with: "\r")
        #expect(try PlainTextReader.read(bytes: Array(crlf.utf8)) == lf)
        #expect(try PlainTextReader.read(bytes: Array(cr.utf8)) == lf)
    }

    @Test(arguments: seeds)
    func gb18030CRLFCopyReadsLikeTheOriginal(seed: String) throws {
        let text = try ReferenceReports.seedText(seed)
        let bytes = try Transcode.iconv(text.replacingOccurrences(of: "\n", with: "\r\n"), to: "GB18030")
        #expect(try PlainTextReader.read(bytes: bytes) == PlainTextReader.parse(text))
    }
}
