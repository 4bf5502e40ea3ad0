import Foundation
@testable import OgiwatchCore
import Testing

@Suite struct CellValueTests {
    @Test(arguments: [
        ("0", CellValue.number(0, unit: nil)),
        ("\u{3000}\u{3000}0", .number(0, unit: nil)),
        ("\u{A0}12\u{A0}", .number(12, unit: nil)),
        ("-18", .number(-18, unit: nil)),
        ("+1036", .number(1036, unit: nil)),
        ("96171.6", .number(Decimal(string: "96171.6")!, unit: nil)),
        ("378.0169万元", .number(Decimal(string: "378.0169")!, unit: "万元")),
        ("251000元", .number(251000, unit: "元")),
        ("１２", .number(12, unit: nil)),
        ("", .blank),
        ("\u{3000}", .blank),
        ("/", .text("/")),
        ("—", .text("—")),
        ("-", .text("-")),
        ("无", .text("无")),
        ("×", .text("×")),
        ("O", .text("O")),
        ("l", .text("l")),
        ("两", .text("两")),
        ("1.2.3", .text("1.2.3")),
        ("12a", .text("12a")),
        (".5", .text(".5")),
    ])
    func parsesTheCellGrammar(raw: String, expected: CellValue) {
        #expect(CellValue(parsing: raw) == expected)
    }

    @Test func onlyNumbersTheColumnAcceptsAreOperands() {
        let count = ColumnSpec.Domain.count
        #expect(count.operand(.blank) == nil)
        #expect(count.operand(CellValue(parsing: "—")) == nil)
        #expect(count.operand(CellValue(parsing: "-3")) == nil)
        #expect(count.operand(CellValue(parsing: "3件")) == nil)
        #expect(count.operand(CellValue(parsing: "\u{3000}7")) == 7)
        #expect(ColumnSpec.Domain.signed.operand(CellValue(parsing: "-3")) == -3)
        #expect(ColumnSpec.Domain.money.operand(CellValue(parsing: "251000元")) == 251000)
    }

    @Test func valueProblemsSayWhatIsWrong() {
        #expect(ColumnSpec.Domain.count.problem(with: CellValue(parsing: "—")) == "不是数字")
        #expect(ColumnSpec.Domain.count.problem(with: CellValue(parsing: "2.5")) == "应为整数")
        #expect(ColumnSpec.Domain.count.problem(with: CellValue(parsing: "3件")) == "数字后写了单位「件」，本栏只填数字")
        #expect(ColumnSpec.Domain.count.problem(with: .blank) == nil)
        #expect(ColumnSpec.Domain.wan.problem(with: CellValue(parsing: "7730元")) == "本栏单位为万元，单元格却写「元」")
        #expect(ColumnSpec.Domain.money.note(on: CellValue(parsing: "378.0169万元")) == "单元格中写有单位「万元」，单位应写在表头")
    }

    @Test func displaysAsAClerkWrites() {
        #expect(CellValue.blank.display == "空")
        #expect(CellValue(parsing: "378.0169万元").display == "378.0169万元")
        #expect(CellValue(parsing: "5").display == "5")
    }
}
