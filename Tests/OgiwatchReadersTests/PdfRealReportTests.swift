import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// The three real reports (WPS exports: centred cells, labels wrapped around their numbers,
/// group labels between rows, a page break inside table 三), read through the real
/// `pdftotext -bbox-layout`.
@Suite struct PdfRealReportTests {
    static let names = ["huaian-city-2024.pdf", "hongze-district-2023.pdf", "hongze-district-2024.pdf"]

    static func read(_ name: String) throws -> Document {
        let bytes = try [UInt8](Data(contentsOf: ReferenceReports.realReport(name)))
        return try PdfReader.read(bytes: bytes)
    }

    /// The table holding a cell that contains `text`.
    static func table(_ document: Document, containing text: String) -> Table? {
        document.tables.first { $0.rows.contains { $0.cells.contains { $0.text.contains(text) } } }
    }

    /// The row whose cells hold a label containing `label`.
    static func row(_ document: Document, label: String) -> Row? {
        document.tables.flatMap(\.rows).first { $0.cells.contains { $0.text.contains(label) } }
    }

    static func last(_ count: Int, of row: Row) -> [String] {
        row.cells.suffix(count).map(\.text)
    }

    @Test(arguments: names)
    func sectionHeadingsAreParagraphs(name: String) throws {
        let texts = try Self.read(name).paragraphs.map(\.text)
        for heading in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"] {
            #expect(texts.contains(heading), "\(name): \(heading)")
        }
    }

    @Test(arguments: names)
    func pageNumbersAreDropped(name: String) throws {
        let document = try Self.read(name)
        let texts = document.paragraphs.map(\.text) + document.tables.flatMap(\.rows).flatMap(\.cells).map(\.text)
        #expect(!texts.contains { $0.range(of: #"-\d+-"#, options: .regularExpression) != nil })
    }

    @Test(arguments: names)
    func tableThreeIsOneGridWithSevenValueColumns(name: String) throws {
        let document = try Self.read(name)
        let table = try #require(Self.table(document, containing: "本年新收"))
        #expect(table.layout == .grid)
        #expect(Set(table.rows.map(\.cells.count)).count == 1)
        let dataRows = table.rows.filter { row in row.cells.suffix(7).allSatisfy { Int($0.text) != nil } }
        // 25 rows in the 2021 template; hongze keeps the 2019 single （六） row: 23.
        #expect(dataRows.count == (name.hasPrefix("huaian") ? 25 : 23))
    }

    @Test func huaianTotalsBalance() throws {
        let document = try Self.read("huaian-city-2024.pdf")
        let total = try #require(Self.row(document, label: "（七）总计"))
        #expect(Self.last(7, of: total) == ["2932", "53", "0", "0", "61", "4", "3050"])
        let new = try #require(Self.row(document, label: "本年新收"))
        let carried = try #require(Self.row(document, label: "上年结转"))
        let carryOut = try #require(Self.row(document, label: "结转下年度"))
        let value = { (row: Row) in Int(row.cells.last?.text ?? "") ?? -1 }
        #expect(value(new) == 3119)
        #expect(value(new) + value(carried) == value(total) + value(carryOut))
    }

    /// Labels wrapped above and below their numbers, a group label split by the page break and
    /// a vertical group label come out as whole cells.
    @Test func huaianLabelsAreWholeCells() throws {
        let document = try Self.read("huaian-city-2024.pdf")
        let cells = Set(try #require(Self.table(document, containing: "本年新收")).rows.flatMap(\.cells).map(\.text))
        for label in ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果", "（三）不予公开",
                      "（四）无法提供", "5.要求行政机关确认或重新出具已获取信息",
                      "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"] {
            #expect(cells.contains(label), "\(label)")
        }
        #expect(!document.paragraphs.contains { $0.text == "年" || $0.text == "法提供" })
    }

    @Test func hongze2023TableFourIsOneRowOfFifteen() throws {
        let document = try Self.read("hongze-district-2023.pdf")
        let table = try #require(Self.table(document, containing: "复议后起诉"))
        let values = try #require(table.rows.last)
        #expect(values.cells.map(\.text) == ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"])
    }

    @Test func hongze2024GroupLabelSharesItsFirstChildRow() throws {
        let document = try Self.read("hongze-district-2024.pdf")
        let row = try #require(Self.row(document, label: "不掌握"))
        #expect(row.cells.contains { $0.text == "（四）无法提供" })
        #expect(Self.last(7, of: row) == ["31", "0", "0", "0", "0", "0", "31"])
    }

    /// A value centred under a header that spans the three value columns is one cell spanning them.
    @Test func hongzeSpannedValueIsOneCell() throws {
        let document = try Self.read("hongze-district-2023.pdf")
        let row = try #require(Self.row(document, label: "行政许可"))
        #expect(row.cells.filter { !$0.isMergedContinuation }.map(\.text) == ["行政许可", "550"])
        #expect(row.cells.suffix(2).allSatisfy { $0.isMergedContinuation })
    }

    @Test func proseIsReflowedIntoSentences() throws {
        let texts = try Self.read("hongze-district-2023.pdf").paragraphs.map(\.text)
        #expect(texts.contains { $0.contains("淮安市洪泽区洪泽湖大道90号，邮编：223100") })
        #expect(texts.contains { $0.hasSuffix("全年收取政府信息公开信息处理费0元。") })
    }

    @Test(arguments: names)
    func linesRunInReadingOrder(name: String) throws {
        let lines = try Self.read(name).blocks.map { block in
            switch block {
            case .paragraph(let paragraph): paragraph.line
            case .table(let table): table.line
            }
        }
        #expect(lines == lines.sorted() && Set(lines).count == lines.count)
    }
}
