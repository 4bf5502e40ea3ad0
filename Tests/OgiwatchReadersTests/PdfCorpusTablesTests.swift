import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// Evaluation kit: every PDF of the shared `eval/corpus-pdf` read by the reader, its tables
/// judged by `PdfCorpusTableFindings` against the corpus truth. Runs only where the corpus
/// is checked out beside the repository (`EvaluationKit`).
@Suite struct PdfCorpusTablesTests {
    static var corpus: URL { EvaluationKit.directory.appendingPathComponent("corpus-pdf") }
    static var isPresent: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("truth.jsonl").path) }

    struct Truth: Decodable {
        struct Finding: Decodable {
            var rule: String
            var table: String?
            var row: String?
            var column: String?
        }

        var file: String
        var template: String
        var findings: [Finding]
    }

    @Test(.enabled(if: isPresent, "the evaluation corpus ../shared/eval/corpus-pdf is absent"))
    func tablesGiveTheCorpusFindings() throws {
        let lines = try String(contentsOf: Self.corpus.appendingPathComponent("truth.jsonl"), encoding: .utf8).split(separator: "\n")
        var counts: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var cells: [String: Int] = [:]
        var wrong: [String] = []
        for line in lines {
            let truth = try JSONDecoder().decode(Truth.self, from: Data(line.utf8))
            let bytes = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(truth.file)))
            let read = PdfCorpusTableFindings(try PdfReader.read(bytes: bytes), template: truth.template)
            let expected = truth.findings.filter { PdfCorpusTableFindings.rules.contains($0.rule) }
                .map { PdfCorpusTableFindings.Finding(rule: $0.rule, table: $0.table ?? "", row: $0.row, column: $0.column) }
            for rule in PdfCorpusTableFindings.rules {
                let want = expected.filter { $0.rule == rule }
                let got = read.findings.filter { $0.rule == rule }
                let hits = want.filter(got.contains).count
                counts[rule, default: (0, 0, 0)].tp += hits
                counts[rule, default: (0, 0, 0)].fp += got.count - hits
                counts[rule, default: (0, 0, 0)].fn += want.count - hits
            }
            cells.merge(read.cells, uniquingKeysWith: +)
            if Set(expected) != Set(read.findings) || !read.problems.isEmpty {
                wrong.append("\(truth.file): expected \(expected.sorted()), read \(read.findings.sorted()) \(read.problems)")
            }
        }
        for (rule, count) in counts.sorted(by: { $0.key < $1.key }) {
            print("corpus-pdf tables: \(rule) tp \(count.tp) fp \(count.fp) fn \(count.fn)")
        }
        print("corpus-pdf tables: \(lines.count - wrong.count) of \(lines.count) files read right; value cells read: table 二 \(cells["2"] ?? 0), 三 \(cells["3"] ?? 0), 四 \(cells["4"] ?? 0)")
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }
}
