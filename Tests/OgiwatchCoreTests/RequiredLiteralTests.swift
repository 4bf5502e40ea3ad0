import Foundation
import Testing
@testable import OgiwatchCore

/// The literal a pattern needs is only ever text every match contains; when in doubt, none.
@Suite struct RequiredLiteralTests {
    @Test(arguments: [
        ("不予处理(的)?(共|共计|为)?(\\d+)件", "不予处理"),
        ("(?<!不)予以公开(的)?(共|共计|为)?(\\d+)件", "予以公开"),
        ("政府信息公开工作年度报告$", "政府信息公开工作年度报告"),
        ("1月1日.{0,16}?12月31日", "12月31日"),
        ("××+", "×"),
        ("规范性文件(\\d+)(条|件)", "规范性文件"),
        ("\\(文字描述[^)]*\\)?", "文字描述"),
        ("收费通知", "收费通知"),
    ])
    func findsTheLongestRequiredText(pattern: String, literal: String) {
        #expect(RequiredLiteral.of(pattern) == literal)
    }

    @Test(arguments: ["问题|不足", "(?i)abc", "(未|没有)(收取|收费)", "\\d+件?", ".*", "a?"])
    func givesNothingWhenNoTextIsRequired(pattern: String) {
        #expect(RequiredLiteral.of(pattern) == nil)
    }

    /// Wherever the literal is absent the engine finds nothing either, on the seeds'
    /// prose and every pattern the shipped rules use.
    @Test func neverHidesAMatch() throws {
        let texts = ["本年度不予处理3件，予以公开2件。", "统计期限为2021年1月1日至12月31日。", "问题不足", "××× XXXX年"]
        for pattern in ["不予处理(的)?(共|共计|为)?(\\d+)件", "(?<!不)予以公开(的)?(\\d+)件", "1月1日.{0,16}?12月31日", "××+", "XXXX年"] {
            let regex = try NSRegularExpression(pattern: pattern)
            let literal = try #require(RequiredLiteral.of(pattern))
            for text in texts {
                let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(!found || text.contains(literal), "\(pattern) matched \(text) without \(literal)")
            }
        }
    }
}
