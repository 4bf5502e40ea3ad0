import Foundation
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchReaders

/// Reading throughput of the PDF, .docx and HTML readers on real files: PDF reading is
/// bounded by the `pdftotext` child, .docx by inflating and scanning
/// `word/document.xml`, HTML by the tokenizer alone; a watcher's capacity follows from these.
struct ReaderBench {
    let iterations: Int

    func run() throws {
        print("ogiwatch-bench readers: \(iterations) reads per file, one thread")
        for name in ["huaian-city-2024.pdf", "hongze-district-2023.pdf", "hongze-district-2024.pdf"] {
            let bytes = try [UInt8](Data(contentsOf: ReferenceReports.realReport(name)))
            report(name, bytes: bytes, format: .pdf)
        }
        let template = try [UInt8](Data(contentsOf: ReferenceReports.realReport("template-2021.docx")))
        report("template-2021.docx (Word)", bytes: template, format: .docx)
        let seed = PlainTextReader.parse(try ReferenceReports.seedText("000"))
        report("seed 000 as .docx", bytes: try DocxWriter.docx(seed), format: .docx)
        // A long report: the seed's blocks twenty times over, about 1 MB of document.xml.
        let long = Document(blocks: Array(repeating: seed.blocks, count: 20).flatMap { $0 })
        let longXML = DocxWriter.documentXML(long)
        report("seed 000 ×20 as .docx (\(longXML.utf8.count / 1024) KB XML)", bytes: try DocxWriter.docx(long), format: .docx)
        report("seed 000 as HTML (UTF-8)", bytes: try HtmlWriter.bytes(seed, encoding: .utf8), format: .html)
    }

    private func report(_ name: String, bytes: [UInt8], format: DocumentFormat) {
        var failures = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<iterations {
                if case .failure = DocumentReader.read(bytes: bytes, format: format) { failures += 1 }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(iterations) / max(seconds, 1e-9)
        let note = failures == 0 ? "" : "  (\(failures) reads failed)"
        print(String(format: "%-36@ %8.1f reports/s  (%.2f ms each, %d KB)", name as NSString, rate, 1000 / rate, bytes.count / 1024) + note)
    }
}
