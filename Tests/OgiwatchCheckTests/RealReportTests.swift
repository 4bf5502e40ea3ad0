import OgiwatchCore
import OgiwatchFixtures
import Testing

/// The three published PDFs, read through the real pdftotext, give the findings recorded
/// for them (Tests/Reports/real/EXPECTED.md and the regression cases below).
@Suite struct RealReportTests {
    static func findings(_ name: String) -> [String] {
        let result = SeedReport.checker.check(path: ReferenceReports.realReport(name).path)
        return result.findings.map { "\($0.rule) \($0.severity.rawValue)" }.sorted()
    }

    @Test func hongze2023TableFourTotalsAreWrongAndTheOldOtherRowIsUsed() {
        #expect(Self.findings("hongze-district-2023.pdf") == [
            "GOV.ASSESSMENT_RESULTS warning",
            "T4.GROUP_TOTAL error",  // 复议: 10+1+0+0 = 11, 总计 0
            "T4.GROUP_TOTAL error",  // 复议后起诉: 5+0+0+0 = 5, 总计 0
            "TPL.LABELS warning",  // 「2.其他法律行政止公开」
            "TPL.T3_OTHER_SUBROWS error",
        ])
    }

    @Test func hongze2024NarrativeContradictsTableThree() {
        #expect(Self.findings("hongze-district-2024.pdf") == [
            "GOV.ASSESSMENT_RESULTS warning",
            "NARR.REQUESTS_VS_T3 warning",  // 「受理政府信息公开申请 17 件」 vs 95
            "TPL.LABELS warning",
            "TPL.T3_OTHER_SUBROWS error",
        ])
    }

    @Test func huaian2024IsCleanExceptForAssessmentResults() {
        let result = SeedReport.checker.check(path: ReferenceReports.realReport("huaian-city-2024.pdf").path)
        #expect(result.findings.map(\.rule) == ["GOV.ASSESSMENT_RESULTS"])
        #expect(result.organ == "淮安市人民政府")
        #expect(result.year == 2024)
        #expect(result.template == "2021")
    }
}
