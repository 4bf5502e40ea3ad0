import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchSummary

/// The summary of a day of real reports, checked by the real checker: no internals reach
/// the mail, and the part before the details fits one screen in a real browser.
@Suite struct RealReportSummaryTests {
    /// ASCII pattern syntax outside the report's own quoted text, or a column label followed
    /// straight by its raw cell: what a message must never show a clerk. Written apart from
    /// `InternalText` so the two can disagree.
    static func showsInternals(_ line: String) -> Bool {
        var depth = 0
        var own = ""
        for character in line {
            if character == "「" {
                depth += 1
                own.append(character)
            } else if character == "」", depth > 0 {
                depth -= 1
                own.append(character)
            } else if depth == 0 {
                own.append(character)
            }
        }
        return own.contains { "()[]{}|\\*^$".contains($0) } || own.contains(#/」栏[0-9A-Za-z-]/#)
    }

    @Test func noFindingOfRealReportsShowsPatternsOrRawCells() throws {
        let scenario = try LedgerScenario()
        let results = try RealReportDay.record(count: 700, in: scenario)
        #expect(results.count >= 10, "too few real reports found")
        let summary = try scenario.summary()
        let text = SummaryText.render(summary, subject: "s")
        let html = SummaryHTML.render(summary, subject: "s")
        // Only the details quote messages; skip the generated footer (the journalctl line).
        let detailLines = text.components(separatedBy: "\n详情\n").last?.split(separator: "\n").map(String.init) ?? []
        let findingLines = detailLines.filter { $0.hasPrefix("    - ") }
        // The repository's reports alone give a few dozen lines; the kit's corpus hundreds.
        #expect(findingLines.count > (EvaluationKit.isPresent ? 100 : 10), "\(findingLines.count) finding lines")
        for line in findingLines {
            #expect(!Self.showsInternals(line), "internals in the summary: \(line)")
        }
        // Every message shown as it is unless it leaks: the safeguard hides no plain message.
        let shown = Set(summary.reports.prefix(DailySummary.detailReports).flatMap { $0.findings.prefix(DailySummary.detailFindings) })
        for finding in shown {
            let leaks = Self.showsInternals(finding.message)
            #expect(text.contains(DisplayText.escaped(finding.message)) == !leaks, "\(finding.rule): \(finding.message)")
            #expect(html.contains(DisplayText.html(DisplayText.escaped(finding.message))) == !leaks)
        }
        #expect(!text.contains(RepositoryFiles.root.path) && !html.contains("/srv/drop"))
    }

    /// Headless Chromium renders the HTML part of a 50-report day at 1280 px wide; a script
    /// added for the measurement writes where `#details` starts into the DOM.
    @Test func theLeadOfFiftyReportsFitsOneScreen() throws {
        guard let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(Tool.which).first else {
            print("RealReportSummaryTests: skipped, no Chromium installed (apt-get install chromium)")
            return
        }
        let scenario = try LedgerScenario()
        try RealReportDay.record(count: 50, in: scenario)
        let summary = try scenario.summary()
        #expect(summary.figures.received == 50)
        let html = SummaryHTML.render(summary, subject: summary.subject(prefix: "ogiwatch 日报"))
        let measure = "<script>document.body.setAttribute('data-lead', document.getElementById('details').offsetTop)</script>"
        let page = scenario.stateDirectory + "/summary.html"
        try html.replacingOccurrences(of: "</body>", with: measure + "</body>").write(toFile: page, atomically: true, encoding: .utf8)
        let dom = try Tool.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--dump-dom",
                                          "file://" + page]).stdout
        let lead = try #require(dom.firstMatch(of: try Regex("data-lead=\"([0-9]+)\"")).flatMap { Int($0.output[1].substring ?? "") },
                                "no measurement in the DOM")
        let screenshot = RepositoryFiles.path(".build/summary-50-reports.png")
        _ = try? Tool.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                                     "--screenshot=" + screenshot, "file://" + page])
        let textPart = RepositoryFiles.path(".build/summary-50-reports.txt")
        // Kept for a look by eye; the measurement above is the test.
        try? SummaryText.render(summary, subject: summary.subject(prefix: "ogiwatch 日报")).write(toFile: textPart, atomically: true, encoding: .utf8)
        print("RealReportSummaryTests: lead of a 50-report day is \(lead) px tall at 1280 px (screenshot \(screenshot), text part \(textPart))")
        #expect(lead > 200 && lead <= 1000, "the part before the details is \(lead) px tall")
    }
}
