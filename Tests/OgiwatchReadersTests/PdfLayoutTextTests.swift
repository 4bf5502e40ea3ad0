import OgiwatchCore
import Testing
@testable import OgiwatchReaders

/// Layout text shapes seen in real reports (domain §2.3), written out by hand.
@Suite struct PdfLayoutTextTests {
    static func rows(_ document: Document) -> [[String]] {
        document.tables.flatMap(\.rows).map { $0.cells.map(\.text) }
    }

    @Test func pageNumbersAndFormFeedsAreDropped() {
        let document = LayoutText.parse("甲乙丙\n\n      -3-\n\u{0C}丁戊己\n - 12 - \n")
        #expect(document.paragraphs == [Paragraph("甲乙丙", line: 1), Paragraph("丁戊己", line: 4)])
        #expect(document.tables.isEmpty)
    }

    @Test func cellsSplitOnWideGapsAndNumberRuns() {
        let document = LayoutText.parse("""
        行政规范性文件       8          26       66
                              4 0 0 0 0 0 4
        4.无正当理由大量反复 申请        0    0
        """)
        #expect(Self.rows(document) == [
            ["行政规范性文件", "8", "26", "66"],
            ["4", "0", "0", "0", "0", "0", "4"],
            ["4.无正当理由大量反复 申请", "0", "0"],
        ])
        #expect(document.tables.first?.layout == .loose)
        #expect(document.tables.first?.rows.map(\.line) == [1, 2, 3])
    }

    @Test func labelFragmentsStayInOrderAsTextOnlyRows() {
        let document = LayoutText.parse("""
              （二）部分公开（区分处理的，只计这一情
                                447         7        0        0        0    0   454
              形，不计其他情形）

                     1.属于国家秘密            2          0        0        0        0    0    2
        三、

        本            2.其他法律行政法规禁止公开     30          1        0        0        0    0    31
        """)
        #expect(Self.rows(document) == [
            ["（二）部分公开（区分处理的，只计这一情"],
            ["447", "7", "0", "0", "0", "0", "454"],
            ["形，不计其他情形）"],
            ["1.属于国家秘密", "2", "0", "0", "0", "0", "0", "2"],
            ["三、"],
            ["本", "2.其他法律行政法规禁止公开", "30", "1", "0", "0", "0", "0", "31"],
        ])
        #expect(document.paragraphs.isEmpty)
    }

    @Test func headingAndProseEndTheTable() {
        let document = LayoutText.parse("""
        四、结转下年度继续办理                          103          0        0         0        0         0    103
             四、政府信息公开行政复议、行政诉讼情况
        行政复议                          行政诉讼
        72   64    178    37    351   13    4        8        1        26   12   1     1    6       20
               五、存在的主要问题及改进情况
               对照上级新要求和公众新期待，还有一些需要加强和改进的
        地方。主要表现在：一是政策解读质量仍需提升，个别单位政策
        """)
        #expect(document.tables.count == 2)
        #expect(document.paragraphs.map(\.text) == [
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "对照上级新要求和公众新期待，还有一些需要加强和改进的",
            "地方。主要表现在：一是政策解读质量仍需提升，个别单位政策",
        ])
        #expect(document.tables.last?.rows.last?.cells.count == 15)
    }

    @Test func proseWithANumberAfterASingleSpaceIsNotARow() {
        let document = LayoutText.parse("""
        泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90
        号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：
        """)
        #expect(document.tables.isEmpty)
        #expect(document.paragraphs.count == 2)
    }

    @Test func shortCaptionBeforeATableJoinsIt() {
        let document = LayoutText.parse("""
             二、主动公开政府信息情况
        第二十条 第（一）项

        信息内容          本年制发件数     本年废止件数   现行有效件数
        规章            1          0        11
        """)
        #expect(document.paragraphs.map(\.text) == ["二、主动公开政府信息情况"])
        #expect(Self.rows(document).first == ["第二十条 第（一）项"])
    }

    @Test func rowLabelsThatLookLikeHeadingsAreNotHeadings() {
        #expect(SectionHeading.matches("三、收到和处理政府信息公开申请情况"))
        #expect(SectionHeading.matches("4、 政府信息公开行政复议、行政诉讼情况"))
        #expect(!SectionHeading.matches("四、结转下年度继续办理"))
        #expect(!SectionHeading.matches("三、"))
        #expect(!SectionHeading.matches("一、本年新收政府信息公开申请数量"))
    }

    @Test func manyFragmentsWithoutRowsStayParagraphs() {
        let text = String(repeating: "本\n", count: 50_000)
        let document = LayoutText.parse(text)
        #expect(document.paragraphs.count == 50_000)
        #expect(document.tables.isEmpty)
    }
}
