@testable import OgiwatchCore
import Testing

/// One parser for the numerals headings, list items, captions and titles use.
@Suite struct ChineseNumeralTests {
    @Test func countingNumeralsReadAndWrite() {
        #expect(ChineseNumeral.prefix(of: "三、".unicodeScalars)?.value == 3)
        #expect(ChineseNumeral.prefix(of: "十二）".unicodeScalars).map { [$0.value, $0.length] } == [12, 2])
        #expect(ChineseNumeral.prefix(of: "二十".unicodeScalars).map { [$0.value, $0.length] } == [20, 2])
        #expect(ChineseNumeral.prefix(of: "第一".unicodeScalars) == nil)
        #expect([1, 6, 10, 11, 20, 99, 100].map(ChineseNumeral.string) == ["一", "六", "十", "十一", "二十", "九十九", "100"])
        #expect("一二三四五六七八九十".allSatisfy(ChineseNumeral.isNumeral))
        #expect(!"〇零1百".contains(where: ChineseNumeral.isNumeral))
    }

    @Test func yearsWrittenDigitByDigit() {
        #expect("二〇二一".compactMap(ChineseNumeral.yearDigit) == [2, 0, 2, 1])
        #expect("二0二○".compactMap(ChineseNumeral.yearDigit) == [2, 0, 2, 0])
        #expect(ChineseNumeral.year(2021) == "二〇二一")
        #expect(ReportMetadata.year(in: "某区二〇二一年度政府信息公开工作年度报告") == 2021)
    }
}
