import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// The three real reports, read through the real `pdftotext`.
@Suite struct PdfRealReportTests {
    static let names = ["huaian-city-2024.pdf", "hongze-district-2023.pdf", "hongze-district-2024.pdf"]

    static func read(_ name: String) throws -> Document {
        let bytes = try [UInt8](Data(contentsOf: ReferenceReports.realReport(name)))
        return try PdfReader.read(bytes: bytes)
    }

    /// The first row of any table whose cells end with `count` numbers after a label containing `label`.
    static func valueRow(_ document: Document, label: String) -> Row? {
        document.tables.flatMap(\.rows).first { row in
            row.cells.contains { $0.text.filter { !$0.isWhitespace }.contains(label) }
        }
    }

    static func numbers(_ row: Row) -> [String] {
        Array(row.cells.map(\.text).reversed().prefix { LayoutLine.isNumber($0) }.reversed())
    }

    @Test(arguments: names)
    func sectionHeadingsAreParagraphs(name: String) throws {
        let document = try Self.read(name)
        let texts = document.paragraphs.map(\.text)
        for heading in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"] {
            #expect(texts.contains(heading), "\(name): \(heading)")
        }
    }

    @Test(arguments: names)
    func noPageNumbersRemain(name: String) throws {
        let document = try Self.read(name)
        let texts = document.paragraphs.map(\.text) + document.tables.flatMap(\.rows).flatMap(\.cells).map(\.text)
        #expect(!texts.contains { LayoutLine.isPageNumber($0) })
        #expect(!texts.contains { $0.contains("\u{0C}") })
    }

    @Test(arguments: names)
    func tableThreeHasItsValueRowsInOneTable(name: String) throws {
        let document = try Self.read(name)
        let table = try #require(document.tables.first { $0.rows.contains { $0.cells.contains { $0.text.contains("本年新收") } } })
        let sevens = table.rows.filter { Self.numbers($0).count == 7 }
        // 25 rows in the 2021 template; hongze keeps the 2019 single （六） row: 23.
        #expect(sevens.count == (name.hasPrefix("huaian") ? 25 : 23))
        #expect(table.layout == .loose)
    }

    @Test func huaianTotalsBalance() throws {
        let document = try Self.read("huaian-city-2024.pdf")
        let total = try #require(Self.valueRow(document, label: "（七）总计"))
        #expect(Self.numbers(total) == ["2932", "53", "0", "0", "61", "4", "3050"])
        let new = try #require(Self.valueRow(document, label: "本年新收"))
        let carried = try #require(Self.valueRow(document, label: "上年结转"))
        let carryOut = try #require(Self.valueRow(document, label: "结转下年度"))
        let last = { (row: Row) in Int(Self.numbers(row).last ?? "") ?? -1 }
        #expect(last(new) == 3119)
        #expect(last(new) + last(carried) == last(total) + last(carryOut))
    }

    @Test func huaianVerticalLabelsStayInsideTableThree() throws {
        let document = try Self.read("huaian-city-2024.pdf")
        let table = try #require(document.tables.first { $0.rows.contains { $0.cells.contains { $0.text.contains("本年新收") } } })
        let textOnly = table.rows.filter { Self.numbers($0).isEmpty }.map { $0.cells.map(\.text).joined() }
        for label in ["三、", "年", "度", "理", "结", "（三）不", "予公开", "形，不计其他情形）", "具已获取信息"] {
            #expect(textOnly.contains(label), "\(label)")
        }
        // Order is kept: `三、` comes before `年`, which comes before `结`.
        let lines = table.rows.map { $0.cells.map(\.text).joined() }
        let positions = ["三、", "年", "结"].compactMap { lines.firstIndex(of: $0) }
        #expect(positions == positions.sorted() && positions.count == 3)
        #expect(!document.paragraphs.contains { $0.text == "年" || $0.text == "本" })
    }

    @Test func hongze2023TableFourIsOneLineOfFifteen() throws {
        let document = try Self.read("hongze-district-2023.pdf")
        let rows = document.tables.flatMap(\.rows).filter { Self.numbers($0).count == 15 }
        #expect(rows.map { Self.numbers($0) } == [["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]])
    }

    @Test func hongze2024GroupLabelSharesItsFirstChildLine() throws {
        let document = try Self.read("hongze-district-2024.pdf")
        let row = try #require(Self.valueRow(document, label: "不掌握"))
        #expect(row.cells.first?.text == "（四）无法提供")
        #expect(Self.numbers(row) == ["31", "0", "0", "0", "0", "0", "31"])
    }

    @Test func proseEndingInANumberStaysProse() throws {
        let document = try Self.read("hongze-district-2023.pdf")
        #expect(document.paragraphs.contains { $0.text.hasSuffix("洪泽湖大道 90") })
        #expect(document.tables.count == 3)
    }

    @Test func linesAreLayoutLineNumbers() throws {
        let document = try Self.read("huaian-city-2024.pdf")
        #expect(document.paragraphs.first { $0.text == "四、政府信息公开行政复议、行政诉讼情况" }?.line == 202)
        #expect(Self.valueRow(document, label: "（七）总计")?.line == 194)
    }
}
