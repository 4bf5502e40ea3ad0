import Foundation
import OgiwatchCore
import Testing
@testable import OgiwatchReaders

/// `.doc` and `.wps` through LibreOffice: what is handed to it, and every way it can refuse.
@Suite struct WordBinaryReaderTests {
    static let hasSoffice = OfficeConverter.installed.executable != nil
    static let compound = WordBinaryReader.compoundFileSignature

    func problem(_ bytes: [UInt8], converter: OfficeConverter = .installed) -> DocumentProblem? {
        if case .failure(let problem) = DocumentReader.read(bytes: bytes, format: .doc, converter: converter) { return problem }
        return nil
    }

    @Test func namesOfWordBinaryFormats() {
        #expect(DocumentFormat(fileName: "年报.DOC") == .doc)
        #expect(DocumentFormat(fileName: "年报.wps") == .doc)
        #expect(DocumentFormat(fileName: "年报.xlsx") == nil)
    }

    /// LibreOffice would import any bytes as text; only a compound file goes to it.
    @Test func otherContentIsNotHandedToTheConverter() {
        let text = problem(Array("二〇二三年政府信息公开工作年度报告".utf8))
        #expect(text?.kind == .unsupported)
        #expect(text?.reason == "文件扩展名是 .doc/.wps，内容却不是 Word 97-2003 或 WPS 文字文档；请另存为 .docx 后重新提交")
    }

    /// A .docx, RTF or HTML file saved under a .doc name is told apart from a Word 97 file without
    /// LibreOffice: the converter given here does not exist, so reaching it would say so instead.
    @Test func aDocThatIsReallyDocxRtfOrHtmlIsRefusedWithoutTheConverter() {
        let absent = OfficeConverter(executable: "/nonexistent/soffice")
        for content in ["PK\u{03}\u{04}\u{14}\u{00}\u{06}\u{00}word/document.xml", "{\\rtf1\\ansi 年度报告}", "<html><body>年度报告</body></html>"] {
            let refused = problem(Array(content.utf8), converter: absent)
            #expect(refused?.kind == .unsupported, "\(content)")
            #expect(refused?.reason == "文件扩展名是 .doc/.wps，内容却不是 Word 97-2003 或 WPS 文字文档；请另存为 .docx 后重新提交", "\(content)")
        }
    }

    @Test func anEmptyDocLooksIncomplete() {
        let empty = problem([], converter: OfficeConverter(executable: "/nonexistent/soffice"))
        #expect(empty?.kind == .unreadable)
        #expect(empty?.looksIncomplete == true)
        #expect(empty?.reason == "文件为空或只有开头几个字节，似乎未写完")
    }

    @Test func aCompoundFileCutShortLooksIncomplete() {
        #expect(problem(Array(Self.compound.prefix(4)))?.looksIncomplete == true)
        let cut = problem(Self.compound + [UInt8](repeating: 0, count: 700))
        #expect(cut?.looksIncomplete == true)
        #expect(cut?.kind == .unreadable)
    }

    @Test func withoutConverterTheReasonSaysWhatToInstall() {
        let missing = problem(Self.compound + [UInt8](repeating: 0, count: 504), converter: OfficeConverter(executable: nil))
        #expect(missing?.kind == .unsupported)
        #expect(missing?.reason == "未安装转换 .doc/.wps 文件所需的 LibreOffice：请安装 LibreOffice（apt-get install libreoffice-writer-nogui），或把文件另存为 .docx 后重新提交")
    }

    @Test(.enabled(if: hasSoffice, "needs LibreOffice"))
    func aDamagedCompoundFileIsRefusedByLibreOffice() {
        var bytes = Self.compound + [UInt8](repeating: 0, count: 4088)
        for i in 8..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        let refused = problem(bytes)
        #expect(refused?.kind == .unsupported)
        #expect(refused?.reason == "LibreOffice 无法读取该文件（不是 Word 97-2003 或 WPS 文字文档，或已损坏）；请把文件另存为 .docx 后重新提交")
    }

    /// The converter's clock is the PDF reader's: a budget too short for LibreOffice to start kills it.
    @Test(.enabled(if: hasSoffice, "needs LibreOffice"))
    func theTimeLimitKillsTheConverter() {
        var limits = ReadLimits()
        limits.pdfSeconds = 0.05
        let result = DocumentReader.read(bytes: Self.compound + [UInt8](repeating: 0, count: 504), format: .doc, limits: limits)
        guard case .failure(let problem) = result else { Issue.record("read within 50 ms"); return }
        #expect(problem.reason == "LibreOffice 转换超过 0 秒仍未完成，已终止；请把文件另存为 .docx 后重新提交")
    }
}
