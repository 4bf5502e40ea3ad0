@testable import OgiwatchCore
import Testing

/// A body copied off a web page sits on one line; it is cut at its headings and tables.
@Suite struct FlattenedTextTests {
    static let ruleSet: RuleSet = {
        do { return try RuleSet(sources: RuleSetTests.shipped()) } catch { fatalError("\(error)") }
    }()

    static func expand(_ line: String) -> [String] {
        FlattenedText(sections: ruleSet.sections, templates: ruleSet.templates)
            .expand([.paragraph(Paragraph(line, line: 1))]).map { block in
                switch block {
                case .paragraph(let p): p.text
                case .table(let t): "[表]" + (t.rows.first?.cells.first?.text ?? "")
                }
            }
    }

    @Test func headingsRunIntoProseAndTableDigitsAreCutOut() {
        let line = "……落到实处。一、总体情况2021年，本机关加强工作。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
            + "行政规范性文件693665三、收到和处理政府信息公开申请情况正文。"
        #expect(Self.expand(line) == [
            "……落到实处。", "一、总体情况", "2021年，本机关加强工作。", "二、主动公开政府信息情况",
            "[表]第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件693665",
            "三、收到和处理政府信息公开申请情况", "正文。",
        ])
    }

    @Test func anIntroductionListingThePartsIsNotCut() {
        let line = "本报告分为一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况等六个部分。"
        #expect(Self.expand(line) == [line])
    }

    @Test func aHeadingNeedsItsOwnOrdinal() {
        let line = "本机关共有十一、主动公开政府信息情况的说明，内容如下，没有别的内容需要说明，这里是一段很长的正文。"
        #expect(Self.expand(line) == [line])
    }

    @Test func hostileLinesAreCutBoundedly() {
        let tables = String(repeating: "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000。", count: 20_000)
        let cut = Self.expand(tables)
        #expect(cut.count == 20_000, "one table per sentence, read without recursion")
        let headings = String(repeating: "。二、主动公开政府信息情况正文", count: 5_000)
        #expect(Self.expand(headings) == [headings], "more headings than any report has: left as it is")
    }

    @Test func proseThatNamesTableLabelsStaysProse() {
        let line = "全年行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；行政诉讼46件，其中结果维持25件。"
        #expect(Self.expand(line) == [line])
    }
}

@Suite struct RunTogetherTests {
    static let count = ColumnSpec(key: "n", label: "n", domain: .count)
    static func columns(_ keys: [String], domain: ColumnSpec.Domain = .count) -> [ColumnSpec] {
        keys.map { ColumnSpec(key: $0, label: $0, domain: domain) }
    }
    static let tableThree = columns(["natural", "biz", "research", "nonprofit", "legal", "other", "total"])

    @Test func rowsTakeTheirLabelsAndGiveItemNumbersToTheNextLabel() {
        let rows = RunTogetherRow.rows("（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开230 000023")
        #expect(rows == [
            RunTogetherRow(label: "(三)不予公开1.属于国家秘密", chunks: ["0000000"]),
            RunTogetherRow(label: "2.其他法律行政法规禁止公开", chunks: ["230", "000023"]),
        ])
    }

    @Test func aRowIsReadWhenOneSplitFitsItsTotal() {
        let row = RunTogetherRow(label: "", chunks: ["230", "000023"])
        #expect(RunTogetherSplit.resolve(row, columns: Self.tableThree) == .read([23, 0, 0, 0, 0, 0, 23].map { .number($0, unit: nil) }))
        let digitPerCell = RunTogetherRow(label: "", chunks: ["1000001"])
        #expect(RunTogetherSplit.resolve(digitPerCell, columns: Self.tableThree) == .read([1, 0, 0, 0, 0, 0, 1].map { .number($0, unit: nil) }))
    }

    @Test func aRowWithSeveralFittingSplitsIsNotGuessed() {
        let row = RunTogetherRow(label: "", chunks: ["270020130"])
        #expect(RunTogetherSplit.resolve(row, columns: Self.tableThree)
            == .unreadable("的数字「270020130」连在一起，有 2 种拆分都符合合计，无法确定各栏数值"))
        let noTotal = RunTogetherRow(label: "", chunks: ["693665"])
        #expect(RunTogetherSplit.resolve(noTotal, columns: Self.columns(["issued", "repealed", "valid"]))
            == .unreadable("的数字「693665」连在一起，有 10 种拆分方式，表中没有合计可以确定哪一种"))
    }

    @Test func tableFourIsSplitByItsThreeGroupTotals() {
        let groups = Array(repeating: Self.columns(["keep", "correct", "other", "pending", "total"]), count: 3).flatMap { $0 }
        let row = RunTogetherRow(label: "", chunks: ["10203120001200000"])
        #expect(RunTogetherSplit.resolve(row, columns: groups)
            == .read([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0].map { .number($0, unit: nil) }))
    }

    @Test func longRunsAreRefusedNotExplored() {
        let long = RunTogetherRow(label: "", chunks: ["1" + String(repeating: "0", count: 200)])
        #expect(long.splits(into: Array(repeating: .count, count: 7)) == nil, "longer than seven cells can hold")
        let late = RunTogetherRow(label: "", chunks: [String(repeating: "1", count: 60) + "0"])
        #expect(RunTogetherSplit.resolve(late, columns: RunTogetherTests.tableThree)
            == .unreadable("的数字「\(String(repeating: "1", count: 40))…」连在一起，可能的拆分太多，无法确定各栏数值"))
    }

    @Test func cellsFollowTheirColumnsGrammar() {
        #expect(RunTogetherRow.isCell("0", .count))
        #expect(!RunTogetherRow.isCell("023", .count))
        #expect(!RunTogetherRow.isCell("2.5", .count))
        #expect(RunTogetherRow.isCell("24252.311082", .wan))
        #expect(RunTogetherRow.isCell("-4", .signed))
        #expect(!RunTogetherRow.isCell("-4", .count))
    }
}
