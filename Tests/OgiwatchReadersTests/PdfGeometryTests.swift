import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// The geometry of `PdfDocumentBuilder` on hand-made word boxes: one shape per test, as
/// LibreOffice, Word and WPS set reports.
@Suite struct PdfGeometryTests {
    typealias Word = PdfBuilder.Word
    static let row = PdfScenario.row

    /// Table 三 in small: a vertical header, a number wrapped in a narrow column, a value
    /// offset below its row's first line, a blank cell, a group label and a label that wrap.
    static let tableThree: [Word] =
        row(100, [(90, "表三（本列数据）"), (320, "自"), (360, "其"), (400, "总")])
        + row(113.3, [(320, "然"), (360, "他"), (400, "计")])
        + row(126.6, [(320, "人")])
        + row(139.9, [(90, "一、本年新收"), (320, "11"), (360, "3"), (400, "11")])
        + row(153.2, [(320, "5"), (400, "8")])
        + row(166.5, [(90, "二、上年结转"), (400, "0")])
        + row(179.8, [(325, "0")])
        + row(193.1, [(127, "（三）不"), (189, "1.属于国家秘密"), (320, "1"), (360, "0"), (400, "1")])
        + row(206.4, [(127, "予公开"), (189, "2.其他法律行政法规禁"), (320, "0"), (360, "0"), (400, "0")])
        + row(219.7, [(189, "止公开")])
        + row(233, [(127, "（七）总计"), (320, "1"), (360, "3"), (400, "4")])
        + row(246.3, [(90, "四、结转下年度"), (320, "0"), (360, "0"), (400, "0")])

    static func table(_ document: Document, containing text: String) throws -> [[String]] {
        let table = try #require(document.tables.first { $0.rows.contains { $0.cells.contains { $0.text.contains(text) } } })
        #expect(table.layout == .grid)
        return PdfScenario.grid(table)
    }

    @Test func tableThreeCellsComeBackInTheirColumns() throws {
        let document = PdfScenario.document([Self.tableThree])
        let grid = try Self.table(document, containing: "本年新收")
        #expect(grid.last(6) == [
            ["一、本年新收", "·", "·", "115", "3", "118"],
            ["二、上年结转", "·", "·", "0", "", "0"],
            ["", "（三）不予公开", "1.属于国家秘密", "1", "0", "1"],
            ["", "·", "2.其他法律行政法规禁止公开", "0", "0", "0"],
            ["", "（七）总计", "·", "1", "3", "4"],
            ["四、结转下年度", "·", "·", "0", "0", "0"],
        ])
        #expect(grid.first == ["表三（本列数据）", "·", "·", "自然人", "其他", "总计"])
        #expect(document.paragraphs.isEmpty)
    }

    /// Table 四 in small: no row labels, a vertical header, one value offset a line down and
    /// one column blank in its only row.
    static func tableFour(at top: Double) -> [Word] {
        Self.row(top, [(90, "结"), (119, "结"), (148, "总")])
            + Self.row(top + 13.3, [(90, "果"), (119, "果"), (148, "计")])
            + Self.row(top + 26.6, [(148, "1")])
            + Self.row(top + 39.9, [(92, "1")])
    }

    @Test func aHeadingEndsATableAndABlankColumnKeepsItsPlace() throws {
        let heading = Word("四、政府信息公开行政复议、行政诉讼情况", x: 90, y: 259.6)
        let document = PdfScenario.document([Self.tableThree + [heading] + Self.tableFour(at: 273)])
        #expect(document.tables.count == 2)
        #expect(document.paragraphs.map(\.text) == ["四、政府信息公开行政复议、行政诉讼情况"])
        let four = try Self.table(document, containing: "结果")
        #expect(four == [["结果", "结果", "总计"], ["1", "", "1"]])
    }

    /// A renamed heading (no section keywords) between two tables goes back to the text; with
    /// no heading at all, the next table's header still starts a table of its own.
    @Test(arguments: ["四、行政争议情况", nil])
    func theNextTableIsATableOfItsOwn(heading: String?) throws {
        let line = heading.map { [Word($0, x: 90, y: 259.6)] } ?? []
        let document = PdfScenario.document([Self.tableThree + line + Self.tableFour(at: heading == nil ? 259.6 : 273)])
        #expect(document.tables.count == 2)
        #expect(document.paragraphs.map(\.text) == (heading.map { [$0] } ?? []))
        #expect(try Self.table(document, containing: "本年新收").count == 7)
    }

    /// A renamed heading set with a tab after its number, right above its table, stays a
    /// heading; the caption under it belongs to the table.
    @Test func aTabbedHeadingAboveATableStaysText() throws {
        let words = Self.row(100, [(90, "2、"), (120, "主动发布信息情况")])
            + Self.row(125, [(90, "第二十条第（一）项")])
            + Self.row(138.3, [(90, "信息内容"), (232, "本年制发件数"), (331, "本年废止件数")])
            + Self.row(151.6, [(90, "规章"), (232, "0"), (331, "1")])
        let document = PdfScenario.document([words])
        #expect(document.paragraphs.map(\.text) == ["2、 主动发布信息情况"])
        #expect(try Self.table(document, containing: "规章").first == ["第二十条第（一）项", "", ""])
    }

    /// Table 三 broken by a page, with a page number under the first part and the header
    /// repeated above the second.
    static let brokenTable: [[Word]] = {
        let header = row(100, [(90, "（本列数据）"), (320, "自"), (360, "总")]) + row(113.3, [(320, "然"), (360, "计")])
            + row(126.6, [(320, "人")])
        let first = header
            + row(700, [(90, "一、本年新收"), (320, "2"), (360, "2")])
            + row(713.3, [(127, "（四）无"), (189, "1.本机关不掌握相关政"), (320, "1"), (360, "1")])
            + row(726.6, [(189, "府信息")])
            + [Word("-", x: 296, y: 760), Word("2", x: 302, y: 760), Word("-", x: 310, y: 760)]
        let second = header
            + row(139.9, [(127, "法提供"), (189, "2.没有现成信息需要另"), (320, "0"), (360, "0")])
            + row(153.2, [(189, "行制作")])
            + row(166.5, [(90, "四、结转下年度"), (320, "1"), (360, "1")])
        return [first, second]
    }()

    /// The page number below it goes, the header repeated on the next page goes, a group label
    /// split by the break is one label, the rows go on.
    @Test func aTableContinuesOnTheNextPage() throws {
        let document = PdfScenario.document(Self.brokenTable)
        #expect(document.tables.count == 1)
        let grid = try Self.table(document, containing: "本年新收")
        #expect(grid.last(4) == [
            ["一、本年新收", "·", "·", "2", "2"],
            ["", "（四）无法提供", "1.本机关不掌握相关政府信息", "1", "1"],
            ["", "·", "2.没有现成信息需要另行制作", "0", "0"],
            ["四、结转下年度", "·", "·", "1", "1"],
        ])
        #expect(grid.count == 5)
    }

    /// Table 二: captions and block headers are rows of their own; a block whose header has
    /// one cell over the three value columns reads its value as one spanning cell, centred
    /// or not.
    @Test func aBlockHeaderOverSeveralColumnsSpansItsValue() throws {
        let words = Self.row(100, [(90, "第二十条第（一）项")])
            + Self.row(113.3, [(90, "信息内容"), (232, "本年制发件数"), (331, "本年废止件数"), (430, "现行有效件数")])
            + Self.row(126.6, [(90, "规章"), (232, "0"), (331, "0"), (430, "11")])
            + Self.row(139.9, [(90, "第二十条第（五）项")])
            + Self.row(153.2, [(90, "信息内容"), (300, "本年处理决定数量")])
            + Self.row(166.5, [(90, "行政许可"), (340, "447228")])
        let grid = try Self.table(PdfScenario.document([words]), containing: "行政许可")
        #expect(grid == [
            ["第二十条第（一）项", "", "", ""],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "0", "0", "11"],
            ["第二十条第（五）项", "", "", ""],
            ["信息内容", "", "本年处理决定数量", ""],
            ["行政许可", "447228", "·", "·"],
        ])
    }

    /// A value in a cell spanning two columns (`121.8057万元`) does not make them one column.
    @Test func aWideValueDoesNotJoinColumns() throws {
        let words = Self.row(100, [(90, "信息内容"), (232, "采购项目数量"), (331, "本年增/减"), (430, "总数量")])
            + Self.row(113.3, [(90, "规章"), (232, "1"), (331, "2"), (430, "3")])
            + Self.row(126.6, [(90, "政府集中采购"), (232, "12"), (350, "121.8057万元")])
        let grid = try Self.table(PdfScenario.document([words]), containing: "采购")
        #expect(grid.map(\.count) == [4, 4, 4])
        #expect(grid.last == ["政府集中采购", "12", "121.8057万元", ""])
    }

    /// WPS centres cells: a label wraps above and below its numbers, a group label sits
    /// between two of its rows without touching either (it is kept as the group label of the
    /// row band it starts in, merged down the rows after).
    @Test func centredLabelsStayWithTheirRow() throws {
        let words = Self.row(100, [(77, "（本列数据）"), (300, "自然人"), (360, "总计")])
            + Self.row(130, [(101, "（二）部分公开（区分处理的，只计这")])
            + Self.row(140, [(302, "447"), (362, "454")])
            + Self.row(145, [(101, "一情形，不计其他情形）")])
            + Self.row(170, [(150, "4.保护第三方合法权益"), (306, "6"), (366, "6")])
            + Self.row(184, [(101, "（三）不")])
            + Self.row(198, [(101, "予公开")])
            + Self.row(212, [(150, "5.属于三类内部事务信息"), (306, "7"), (366, "8")])
        let grid = try Self.table(PdfScenario.document([words]), containing: "部分公开")
        #expect(grid.last(3) == [
            ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "·", "447", "454"],
            ["", "（三）不予公开", "4.保护第三方合法权益", "6", "6"],
            ["", "·", "5.属于三类内部事务信息", "7", "8"],
        ])
    }

    @Test func proseIsReflowedAndHeadingsKeptApart() {
        let body = "2021年，本机关共受理政府信息公开申请12件，均在法定期限内予以答复，进一步规范依申请公开受理、登记、办理、答复、归档等环节。"
        var first = [Word("某某街道2021年政府信息公开工作年度报告", x: 140, y: 72), Word("一、总体情况", x: 90, y: 100)]
        first += PdfScenario.paragraph(body, y: 114.7)
        first += PdfScenario.paragraph(String(repeating: "依法审慎做好答复工作，提高答复文书规范化水平。", count: 3), y: 700)
        first.append(Word("3", x: 303, y: 760))
        let second = [Word("（一）主动公开情况", x: 114, y: 72)] + PdfScenario.paragraph("全年主动公开信息共计163条。", y: 86.7)
        let document = PdfScenario.document([first, second])
        #expect(document.tables.isEmpty)
        #expect(document.paragraphs.map(\.text) == [
            "某某街道2021年政府信息公开工作年度报告", "一、总体情况", body,
            String(repeating: "依法审慎做好答复工作，提高答复文书规范化水平。", count: 3),
            "（一）主动公开情况", "全年主动公开信息共计163条。",
        ])
        #expect(document.paragraphs.map(\.line) == [1, 2, 3, 5, 7, 8])
    }

    /// A line stops short when the next line's first piece did not fit: `2021年` and `改，`
    /// move down whole, so the paragraph goes on.
    @Test func aLineShortenedByLineBreakingRulesContinuesItsParagraph() {
        let fill = { (count: Int) in String(repeating: "政", count: count) }
        let words = [Word(fill(33) + "起至", x: 112, y: 100),
                     Word("2021年12月31日止" + fill(26) + "及时整", x: 90, y: 114.7),
                     Word("改，未发生责任追究情况。", x: 90, y: 129.4)]
        let text = PdfScenario.document([words]).paragraphs.map(\.text)
        #expect(text == [fill(33) + "起至2021年12月31日止" + fill(26) + "及时整改，未发生责任追究情况。"])
    }

    /// Two thousand lines of numbers scattered at random over the page: bounded work, and no
    /// column structure, so no table to check.
    @Test func scatteredNumbersStayBounded() {
        var generator = SystemRandomNumberGenerator()
        let pages = (0..<40).map { _ in
            (0..<50).flatMap { line in
                (0..<12).map { _ in Word(String(Int.random(in: 0...99, using: &generator)), x: Double.random(in: 72...520, using: &generator), y: 72 + Double(line) * 13.3) }
            }
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = PdfScenario.document(pages) }
        #expect(elapsed < .seconds(20))
    }

    /// Words of any text, size and place, overlapping or not, never crash the reader.
    @Test func randomPagesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let texts = ["0", "12", "—", "一、", "（三）不", "1.属于", "总计", "信息内容", "第二十条第（一）项", "a", "。", "-3-"]
        for _ in 0..<300 {
            let pages = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                    Word(texts.randomElement(using: &generator) ?? "", x: Double.random(in: -20...640, using: &generator),
                         y: Double.random(in: -20...820, using: &generator), size: Double.random(in: 0...30, using: &generator))
                }
            }
            _ = PdfScenario.document(pages)
        }
    }

    /// Fifty thousand one-character lines (a hostile file's idea of a vertical label) read in
    /// linear time and stay text.
    @Test func manyShortLinesStayText() {
        let words = (0..<50_000).map { Word("本", x: 90, y: 72 + Double($0 % 50) * 14, size: 11) }
        let pages = stride(from: 0, to: words.count, by: 50).map { Array(words[$0..<($0 + 50)]) }
        let document = PdfScenario.document(pages)
        #expect(document.tables.isEmpty)
        #expect(document.paragraphs.count == 50_000)
    }
}

private extension Array {
    func last(_ count: Int) -> [Element] { Array(suffix(count)) }
}
