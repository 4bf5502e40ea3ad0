import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// The geometry scenarios written as real PDFs and read back through `pdftotext -bbox-layout`:
/// the reader builds the same document from poppler's boxes as from the hand-made ones.
@Suite struct PdfSyntheticPdfTests {
    typealias Word = PdfBuilder.Word

    static let report: [[Word]] = [
        [Word("某某街道2022年政府信息公开工作年度报告", x: 140, y: 60), Word("三、收到和处理政府信息公开申请情况", x: 90, y: 80)]
            + PdfGeometryTests.tableThree
            + [Word("四、政府信息公开行政复议、行政诉讼情况", x: 90, y: 259.6)]
            + PdfGeometryTests.tableFour(at: 273)
            + [Word("五、存在的主要问题及改进情况", x: 90, y: 340)]
            + PdfScenario.paragraph("2022年，我镇政府信息公开工作取得了一定成效，但也存在一些不足：一是部分科室政务公开意识需加强；二是政务新媒体的管理工作有待加强。", y: 354.7),
    ]

    @Test(arguments: [("report", report), ("broken table", PdfGeometryTests.brokenTable)])
    func popplerBoxesGiveTheSameDocument(name: String, pages: [[Word]]) throws {
        let read = try PdfReader.read(bytes: PdfBuilder.words(pages: pages))
        #expect(read == PdfScenario.document(pages), "\(name)")
        #expect(!read.tables.isEmpty)
    }
}
