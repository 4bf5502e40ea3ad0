@testable import OgiwatchCore
import Testing

@Suite struct NormalizeTests {
    @Test func foldsFullWidthFormsAndQuotes() {
        #expect(Normalize.text("（一）予以公开") == "(一)予以公开")
        #expect(Normalize.text("3.危及“三安全一稳定”") == "3.危及\"三安全一稳定\"")
        #expect(Normalize.text("第二十条第（九）项") == "第二十条第(九)项")
    }

    @Test func unifiesItemNumbering() {
        #expect(Normalize.compact("1、属于国家秘密") == "1.属于国家秘密")
        #expect(Normalize.compact("1．属于国家秘密") == "1.属于国家秘密")
        #expect(Normalize.compact("1. 属于国家秘密") == "1.属于国家秘密")
        #expect(Normalize.compact("一、总体情况") == "一、总体情况")
    }

    @Test func compactRemovesEveryKindOfSpace() {
        #expect(Normalize.compact("商 业\u{3000}企\u{A0}业\n") == "商业企业")
        #expect(Normalize.compact("三 、本 年 度办 理 结果") == "三、本年度办理结果")
    }

    @Test func trimsCellPadding() {
        #expect(Normalize.trimCell("\u{3000}\u{3000}0\u{A0}") == "0")
        #expect(Normalize.trimCell("\u{FEFF}\u{200B} x ") == "x")
    }
}
