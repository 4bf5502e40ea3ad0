@testable import OgiwatchCore
import Testing

@Suite struct SectionSplitterTests {
    static let specs = [
        SectionSpec(number: 1, numeral: "一", title: "总体情况", keywords: [["总体情况"], ["概述"]]),
        SectionSpec(number: 2, numeral: "二", title: "主动公开政府信息情况", keywords: [["主动公开"]]),
        SectionSpec(number: 3, numeral: "三", title: "收到和处理政府信息公开申请情况", keywords: [["收到和处理"]]),
        SectionSpec(number: 4, numeral: "四", title: "政府信息公开行政复议、行政诉讼情况", keywords: [["复议", "诉讼"]]),
    ]

    func split(_ lines: [String]) -> SectionSplitter.Result {
        let blocks = lines.enumerated().map { Document.Block.paragraph(Paragraph($1, line: $0 + 1)) }
        return SectionSplitter(specs: Self.specs).split(Document(blocks: blocks))
    }

    @Test func acceptsNumberingVariantsButNeedsKeywords() {
        let result = split(["标题", " 一、总体情况", "正文", "\u{3000}\u{3000}2、主动公开政府信息情况", "三、本年度办理结果", "四、结转下年度继续办理"])
        #expect(result.sections.map(\.number) == [1, 2])
        #expect(result.sections[1].body.map(\.text) == ["三、本年度办理结果", "四、结转下年度继续办理"])
    }

    @Test func neverTakesTheIntroListOrSubHeadings() {
        let result = split(["本年报由总体情况、主动公开政府信息情况等六个部分组成。", "（一）主动公开", "一、总体情况"])
        #expect(result.sections.map(\.number) == [1])
        #expect(result.preamble.count == 2)
    }

    @Test func findsAHeadingRunIntoTheLineBefore() {
        let result = split(["一、总体情况", "……管理办法。二、主动公开政府信息情况 第二十条", "三、收到和处理政府信息公开申请情况"])
        #expect(result.sections.map(\.number) == [1, 2, 3])
        #expect(result.sections[0].body.map(\.text) == ["……管理办法。"])
    }
}
