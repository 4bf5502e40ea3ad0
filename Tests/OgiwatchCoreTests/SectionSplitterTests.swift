@testable import OgiwatchCore
import Testing

@Suite struct SectionSplitterTests {
    static let specs = [
        SectionSpec(number: 1, title: "总体情况"),
        SectionSpec(number: 2, title: "主动公开政府信息情况"),
        SectionSpec(number: 3, title: "收到和处理政府信息公开申请情况"),
        SectionSpec(number: 4, title: "政府信息公开行政复议、行政诉讼情况", accepted: ["政府信息公开行政复议和行政诉讼情况"]),
    ]
    static let tableLabels = ["三、本年度办理结果", "四、结转下年度继续办理"]

    func split(_ lines: [String]) -> SectionSplitter.Result {
        let blocks = lines.enumerated().map { Document.Block.paragraph(Paragraph($1, line: $0 + 1)) }
        return SectionSplitter(specs: Self.specs, tableLabels: Self.tableLabels).split(Document(blocks: blocks))
    }

    func outline(_ result: SectionSplitter.Result) -> [String] {
        result.sections.map { "\($0.number)\($0.titleIsAccepted ? "" : "?")" }
    }

    @Test func acceptsIndentationAndArabicNumbersButNotTableLabels() {
        let result = split(["标题", " 一、总体情况", "正文", "\u{3000}\u{3000}2、 主动公开政府信息情况", "三、本年度办理结果", "四、结转下年度继续办理"])
        #expect(outline(result) == ["1", "2"])
        #expect(result.sections[1].body.map(\.text) == ["三、本年度办理结果", "四、结转下年度继续办理"])
    }

    @Test func neverTakesTheIntroListOrAKeyPhraseInASubHeading() {
        let result = split(["本年报由总体情况、主动公开政府信息情况等六个部分组成。", "一、总体情况", "（一）主动公开政府信息的情况",
                            "（二）主动公开政府信息情况", "二、主动公开政府信息情况"])
        #expect(outline(result) == ["1", "2"])
        #expect(result.preamble.map(\.text) == ["本年报由总体情况、主动公开政府信息情况等六个部分组成。"])
        #expect(result.sections[0].body.count == 2)
    }

    @Test func parenthesisedHeadingsAreTheTopLevelWhenTheyCarryTheTitles() {
        let result = split(["（一）总体情况", "1.主动公开情况", "（二）主动公开政府信息情况", "一是加强学习。", "（三）收到和处理政府信息公开申请情况",
                            "（四）政府信息公开行政复议和行政诉讼情况"])
        #expect(outline(result) == ["1", "2", "3", "4"])
        #expect(result.sections[0].body.map(\.text) == ["1.主动公开情况"])
    }

    @Test func aHeadingInASectionsPlaceUnderAnotherTitleIsThatSectionMisnamed() {
        let result = split(["一、总体情况", "二、信息主动发布情况", "三、收到和处理政府信息公开申请情况", "1、信息公开意识薄弱"])
        #expect(outline(result) == ["1", "2?", "3"])
        #expect(result.sections[1].heading == "二、信息主动发布情况")
        #expect(result.sections[2].body.map(\.text) == ["1、信息公开意识薄弱"])
    }

    @Test func aMisnamedHeadingMustStandBetweenItsNeighbours() {
        let result = split(["一、总体情况", "三、收到和处理政府信息公开申请情况", "二、工作中存在的不足", "四、政府信息公开行政复议、行政诉讼情况"])
        #expect(outline(result) == ["1", "3", "4"])
    }

    @Test func sectionsOutOfOrderKeepTheirIdentity() {
        let result = split(["一、总体情况", "二、收到和处理政府信息公开申请情况", "三、主动公开政府信息情况"])
        #expect(outline(result) == ["1", "3", "2"])
    }
}
