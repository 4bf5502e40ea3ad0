import OgiwatchCore
import Testing

/// The five seed reports give exactly the findings listed here: rule,
/// severity and location, nothing more and nothing less.
@Suite struct SeedFindingsTests {
    typealias Expected = (rule: String, severity: Severity, section: String?, table: String?, row: String?, column: String?, line: Int?)

    static let expected: [String: [Expected]] = [
        // 2021, docx→text: heading numbering 1、4、5、6、, title without 政府, bookmark, generic fee wording.
        "000": [
            ("STRUCT.HEADING_FORMAT", .info, "一", nil, nil, nil, 6),
            ("STRUCT.HEADING_FORMAT", .info, "四", nil, nil, nil, 348),
            ("STRUCT.HEADING_FORMAT", .info, "五", nil, nil, nil, 405),
            ("STRUCT.HEADING_FORMAT", .info, "六", nil, nil, nil, 412),
            ("META.TITLE_WORDING", .info, nil, nil, nil, nil, 1),
            ("META.ARTIFACTS", .info, nil, nil, nil, nil, 12),
            ("FEE.WORDING", .info, "六", nil, nil, nil, 413),
        ],
        // 2020 (2019 template): one blank 总计·其他 cell, 「其他规范性文件3条」 vs table 0, 六 = 无.
        "001": [
            ("META.TITLE_WORDING", .info, nil, nil, nil, nil, 1),
            ("T3.BLANK_CELLS", .warning, "三", "三", "（七）总计", "其他", 326),
            ("NARR.NORMATIVE_DOCS_VS_T2", .info, nil, nil, nil, nil, 8),
            ("FEE.STATEMENT", .info, "六", nil, nil, nil, 400),
        ],
        // 2021, PDF→text with a shredded table-四 header: 六 = 无 is an error from 2021 on.
        "002": [
            ("META.STAT_PERIOD", .info, nil, nil, nil, nil, nil),
            ("FEE.STATEMENT", .error, "六", nil, nil, nil, 95),
        ],
        // 2021, untitled: no organ or year in the title; the carry-over row is blank.
        "003": [
            ("META.TITLE_ORGAN_YEAR", .warning, nil, nil, nil, nil, 1),
            ("META.STAT_PERIOD", .info, nil, nil, nil, nil, nil),
            ("T3.BLANK_CELLS", .warning, "三", "三", "四、结转下年度继续办理",
             "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计", 346),
        ],
        // 2020 (2019 template): a unit inside 采购总金额, no statistics period, 六 = 无。
        "004": [
            ("META.STAT_PERIOD", .info, nil, nil, nil, nil, nil),
            ("T2.VALUE_FORMAT", .info, "二", "二", "政府集中采购", "采购总金额", 81),
            ("FEE.STATEMENT", .info, "六", nil, nil, nil, 399),
        ],
    ]

    static func describe(_ e: Expected) -> String {
        "\(e.rule) \(e.severity.rawValue) \(e.section ?? "-") \(e.table ?? "-") \(e.row ?? "-") \(e.column ?? "-") \(e.line.map(String.init) ?? "-")"
    }

    static func describe(_ f: Finding) -> String {
        let l = f.location
        return "\(f.rule) \(f.severity.rawValue) \(l.section ?? "-") \(l.table ?? "-") \(l.row ?? "-") \(l.column ?? "-") \(l.line.map(String.init) ?? "-")"
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func seedGivesExactlyTheExpectedFindings(seed: String) throws {
        let result = try SeedReport.check(seed: seed)
        let actual = result.findings.map(Self.describe).sorted()
        let wanted = (Self.expected[seed] ?? []).map(Self.describe).sorted()
        #expect(actual == wanted)
    }

    @Test func seedsAreReadAgainstTheRightTemplateOrganAndYear() throws {
        let facts: [(String, String, String, Int)] = [
            ("000", "2021", "杭州市拱墅区东新街道人民政府办事处", 2021),
            ("001", "2019", "湛郎街道", 2020),
            ("002", "2021", "牡丹江市西安区牡丹街道", 2021),
            ("003", "2021", "戚家山街道", 2021),
            ("004", "2019", "拱墅区行政审批服务管理办公室", 2020),
        ]
        for (seed, template, organ, year) in facts {
            let result = try SeedReport.check(seed: seed)
            #expect(result.template == template, "\(seed)")
            #expect(result.organ == organ, "\(seed)")
            #expect(result.year == year, "\(seed)")
        }
    }

    @Test func arithmeticFindingsCarryExpectedAndActualValues() throws {
        let text = try SeedReport.text("001")
        // Raise 001's （七）总计·总计 from 1 to 3: 「各项之和 1，总计栏为 3」.
        let lines = text.components(separatedBy: "\n")
        guard let totalRow = lines.firstIndex(of: "\t（七）总计") else {
            Issue.record("seed 001 has no （七）总计 row")
            return
        }
        var changed = lines
        #expect(changed[totalRow + 7] == "\t1")
        changed[totalRow + 7] = "\t3"
        let result = SeedReport.check(changed.joined(separator: "\n"))
        let outcome = result.findings.first { $0.rule == "T3.OUTCOME_TOTAL" && $0.location.column == "总计" }
        #expect(outcome?.expected == "1")
        #expect(outcome?.actual == "3")
        #expect(outcome?.message == "表三（七）总计·总计：各项办理结果之和 1，总计栏为 3")
    }

    @Test func aBlankCellIsReportedOnceAndNoSumUsesIt() throws {
        let text = try SeedReport.text("001")
        let lines = text.components(separatedBy: "\n")
        let totalRow = try #require(lines.firstIndex(of: "\t（七）总计"))
        var changed = lines
        changed[totalRow + 7] = "\t"
        let result = SeedReport.check(changed.joined(separator: "\n"))
        let blanks = result.findings.filter { $0.rule == "T3.BLANK_CELLS" }
        #expect(blanks.map(\.message) == ["表三「（七）总计」行有 2 个空白单元格：其他、总计"])
        for rule in ["T3.ROW_TOTAL", "T3.OUTCOME_TOTAL", "T3.BALANCE"] {
            #expect(!SeedReport.fired(result, rule), "\(rule) needs the blank cell and is not evaluated")
        }
    }
}
