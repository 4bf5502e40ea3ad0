@testable import OgiwatchCore
import Testing

@Suite struct HeadingLineTests {
    @Test(arguments: [
        ("一、总体情况", HeadingLine(style: .enumeration, ordinal: 1, title: "总体情况")),
        ("\u{3000}\u{3000}二、　主动公开政府信息情况", HeadingLine(style: .enumeration, ordinal: 2, title: "主动公开政府信息情况")),
        ("4、 政府信息公开行政复议、行政诉讼情况", HeadingLine(style: .enumeration, ordinal: 4, title: "政府信息公开行政复议、行政诉讼情况")),
        ("（三） 收到和处理政府信息公开申请情况", HeadingLine(style: .parenthesised, ordinal: 3, title: "收到和处理政府信息公开申请情况")),
        ("(六)其他需要报告的事项：", HeadingLine(style: .parenthesised, ordinal: 6, title: "其他需要报告的事项")),
        ("十二、附则", HeadingLine(style: .enumeration, ordinal: 12, title: "附则")),
    ])
    func readsMarkerAndTitle(text: String, expected: HeadingLine) {
        #expect(HeadingLine.parse(text) == expected)
    }

    @Test(arguments: ["1.主动公开情况", "（1）主动公开", "一是加强学习", "总体情况", "一、", "2021年，本机关加强政府信息公开工作，主动公开各类信息共计一千余条，依申请公开办理及时。"])
    func otherLinesAreNoHeadings(text: String) {
        #expect(HeadingLine.parse(text) == nil)
    }
}
