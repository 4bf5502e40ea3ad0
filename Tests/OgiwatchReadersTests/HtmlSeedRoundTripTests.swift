import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// Every seed written as a site would publish it must read back to the same tables.
@Suite struct HtmlSeedRoundTripTests {
    static let seeds = ["000", "001", "002", "003", "004"]

    static func compact(_ text: String) -> String {
        text.filter { !$0.isWhitespace && $0 != "\u{3000}" && $0 != "\u{00A0}" }
    }

    /// The row as the rules see it: texts trimmed, and for loose tables no trailing blanks.
    static func texts(_ row: Row, layout: Table.Layout) -> [String] {
        let texts = row.cells.map { compact($0.text) }
        return layout == .loose ? Array(texts.reversed().drop(while: \.isEmpty).reversed()) : texts
    }

    static func expectSameTables(_ original: Document, _ read: Document) {
        #expect(read.tables.count == original.tables.count)
        for (source, html) in zip(original.tables, read.tables) {
            #expect(html.layout == .grid)
            #expect(html.rows.count == source.rows.count)
            for (sourceRow, htmlRow) in zip(source.rows, html.rows) {
                let expected = texts(sourceRow, layout: source.layout)
                let actual = texts(htmlRow, layout: .grid)
                #expect(actual.filter { !$0.isEmpty } == expected.filter { !$0.isEmpty })
                // The trailing numbers and blanks are what the rules read, by position.
                let values = expected.reversed().prefix { $0.isEmpty || Double($0) != nil }.count
                #expect(Array(actual.suffix(values)) == Array(expected.suffix(values)), "row \(expected)")
            }
        }
    }

    @Test(arguments: seeds)
    func utf8PageReadsBackToTheSameTables(seed: String) throws {
        let original = PlainTextReader.parse(try ReferenceReports.seedText(seed))
        let read = try HtmlReader.read(bytes: try HtmlWriter.bytes(original, encoding: .utf8))
        Self.expectSameTables(original, read)
        #expect(read.paragraphs.map { Self.compact($0.text) } == original.paragraphs.map { Self.compact($0.text) }.filter { !$0.isEmpty })
    }

    @Test func groupLabelsAreMergedLikeTheTemplate() throws {
        let original = PlainTextReader.parse(try ReferenceReports.seedText("000"))
        let page = HtmlWriter.page(original, title: "报告")
        #expect(page.contains("<td rowspan=\"8\">（三）不予公开</td>"))
        #expect(page.contains("rowspan=\"22\">三、本年度办理结果</td>"))
        let read = try HtmlReader.parse(page)
        let table = try #require(read.tables.first { $0.rows.contains { $0.cells.contains { $0.text.contains("国家秘密") } } })
        let secret = try #require(table.rows.first { $0.cells.contains { $0.text.contains("2.其他法律") } })
        let merged = secret.cells.prefix(2).map(\.isMergedContinuation)
        #expect(merged == [true, true])
    }
}
