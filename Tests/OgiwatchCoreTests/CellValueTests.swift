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
        ("/", .notApplicable("/")),
        ("—", .notApplicable("—")),
        ("无", .notApplicable("无")),
        ("两", .text("两")),
        ("1.2.3", .text("1.2.3")),
        ("12a", .text("12a")),
        (".5", .text(".5")),
    ])
    func parsesTheCellGrammar(raw: String, expected: CellValue) {
        #expect(CellValue(parsing: raw) == expected)
    }

    @Test func blanksCountAsZeroInArithmetic() {
        #expect(CellValue.blank.arithmeticValue == 0)
        #expect(CellValue.notApplicable("/").arithmeticValue == 0)
        #expect(CellValue(parsing: "7").arithmeticValue == 7)
    }

    @Test func displaysAsAClerkWrites() {
        #expect(CellValue.blank.display == "空")
        #expect(CellValue(parsing: "378.0169万元").display == "378.0169万元")
        #expect(CellValue(parsing: "5").display == "5")
    }
}
