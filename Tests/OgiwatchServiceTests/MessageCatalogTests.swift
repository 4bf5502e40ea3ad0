import Testing
@testable import OgiwatchService

/// `journalctl -x` shows the catalog's lines as written: a rule id or a command someone
/// copies is never cut in two, and no line opens with a comma or a closing bracket.
@Suite struct MessageCatalogTests {
    @Test func aRuleIdAtTheEdgeMovesWholeToTheNextLine() {
        let text = "2021 年格式要求在第六部分「其他需要报告的事项」报告收取信息处理费的情况（未收取，或收取金额）。"
            + "第六部分写到「信息处理费」或写明收取了什么费用即为已说明；只写「无」为未说明。缺少第六部分由 STRUCT.SECTIONS_PRESENT 报告。"
        let lines = MessageCatalog.wrap(text, width: 76)
        #expect(lines == [
            "2021 年格式要求在第六部分「其他需要报告的事项」报告收取信息处理费的情况（未",
            "收取，或收取金额）。第六部分写到「信息处理费」或写明收取了什么费用即为已说",
            "明；只写「无」为未说明。缺少第六部分由 STRUCT.SECTIONS_PRESENT 报告。",
        ])
    }

    @Test func closingPunctuationStaysWithTheCharacterBeforeIt() {
        #expect(MessageCatalog.wrap("甲乙丙丁，戊己", width: 8) == ["甲乙丙", "丁，戊己"])
        #expect(MessageCatalog.wrap("运行 ogiwatch rules explain FEE.STATEMENT；然后", width: 30)
                == ["运行 ogiwatch rules explain", "FEE.STATEMENT；然后"])
    }

    @Test func noLineOfTheShippedCatalogCutsAnIdOrOpensWithClosingPunctuation() throws {
        let set = try RuleSetFixture.ruleSet()
        let catalog = MessageCatalog.catalog(ruleSet: set, support: "man:ogiwatch(8)")
        let lines = catalog.split(separator: "\n")
        for line in lines {
            #expect(!MessageCatalog.closing.contains(line.first ?? " "), "\(line)")
        }
        let ids = Set(set.rules.map(\.id))
        let idLike = try Regex("^[A-Z][A-Z0-9]*\\.[A-Z0-9_]+$")
        for line in lines {
            let words = line.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_")) })
            for word in words where word.wholeMatch(of: idLike) != nil {
                #expect(ids.contains(String(word)), "「\(word)」 in 「\(line)」 is no rule id: cut at the line's edge?")
            }
        }
    }
}
