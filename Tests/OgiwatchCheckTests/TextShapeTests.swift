import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing

/// The shapes other tools give a report's text: each is read to the same findings as the
/// original, or, where its tables cannot be read as rows, to one warning per table.
@Suite struct TextShapeTests {
    /// Seed 000 with its tables rewritten as Markdown pipe tables.
    static func markdown(_ text: String) -> String {
        var out: [String] = []
        var row: [String] = []
        var afterCell = false
        func endRow() {
            if !row.isEmpty { out.append("| " + row.joined(separator: " | ") + " |") }
            row = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("\t") {
                row.append(Normalize.trimCell(String(line.dropFirst())))
                afterCell = true
            } else if Normalize.trimCell(line).isEmpty {
                endRow()
                afterCell = false
            } else if afterCell, !row.isEmpty {
                row[row.count - 1] += Normalize.trimCell(line)
            } else {
                endRow()
                out.append(line)
            }
        }
        endRow()
        return out.joined(separator: "\n")
    }

    @Test func markdownPipeTablesReadLikeWordsOwnExport() throws {
        let text = try SeedReport.text("000")
        let original = SeedReport.check(text)
        let pipes = Self.markdown(text)
        #expect(pipes.contains("| 规章 | 0 | 0 | 0 |"))
        let read = SeedReport.check(pipes)
        #expect(SeedReport.rules(read) == SeedReport.rules(original))
        // A defect in a pipe table is found as in the original.
        let changed = SeedReport.check(pipes.replacingOnce("| 规章 | 0 | 0 | 0 |", with: "| 规章 |  | 0 | 0 |"))
        #expect(changed.findings.filter { $0.rule == "T2.BLANK_CELLS" }.map(\.message) == ["表二「规章」行有 1 个空白单元格：本年制发件数"])
    }

    @Test func textExtractedColumnByColumnGetsOneWarningPerTable() throws {
        let pdf = ReferenceReports.realReport("huaian-city-2024.pdf").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [pdf, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = SeedReport.check(String(decoding: data, as: UTF8.self))
        #expect(result.template == "2021")
        #expect(!SeedReport.fired(result, "TPL.DETECT"))
        let tables = result.findings.filter { $0.rule == "TABLE.MISSING_OR_UNPARSEABLE" }
        #expect(tables.map(\.location.table) == ["二", "三", "四"])
        #expect(tables.allSatisfy { $0.severity == .warning && $0.message.contains("没有按行排列") })
        #expect(result.findings.filter { $0.severity == .error }.map(\.rule) == [])
    }
}
