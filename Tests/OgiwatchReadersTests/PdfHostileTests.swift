import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// Files built to break a PDF reader: each must become a clear problem within the limits.
@Suite struct PdfHostileTests {
    static func problem(_ bytes: [UInt8], limits: ReadLimits = .standard, searchPath: [String] = PopplerTool.defaultSearchPath) -> DocumentProblem? {
        do {
            _ = try PdfReader.read(bytes: bytes, limits: limits, searchPath: searchPath)
            return nil
        } catch {
            return error
        }
    }

    static let sample = PdfBuilder.text(pages: [(1...60).map { "Line \($0) of a plain text page with enough words to count as text." }])

    @Test func plainTextPdfIsRead() throws {
        let document = try PdfReader.read(bytes: Self.sample)
        #expect(document.paragraphs.first?.text == "Line 1 of a plain text page with enough words to count as text.")
        #expect(document.paragraphs.count == 60)
    }

    @Test func truncatedFileLooksIncomplete() throws {
        let problem = try #require(Self.problem(Array(Self.sample.prefix(Self.sample.count / 2))))
        #expect(problem.kind == .unreadable)
        #expect(problem.looksIncomplete)
        #expect(problem.reason.contains("PDF 文件不完整"))
    }

    @Test func emptyFileLooksIncomplete() throws {
        let problem = try #require(Self.problem([]))
        #expect(problem.looksIncomplete)
    }

    @Test func notAPdf() throws {
        let problem = try #require(Self.problem(Array("<html><body>不是 PDF</body></html>\n%%EOF".utf8)))
        #expect(problem.kind == .unreadable)
        #expect(!problem.looksIncomplete)
        #expect(problem.reason.contains("不是 PDF"))
    }

    @Test func encryptedFileIsRefused() throws {
        let problem = try #require(Self.problem(PdfBuilder.encrypted()))
        #expect(problem.kind == .unreadable)
        #expect(problem.reason.contains("PDF 已加密，无法提取文字"))
    }

    @Test func pageBombIsRefusedByPageCount() throws {
        let problem = try #require(Self.problem(PdfBuilder.pageBomb(count: 5_000)))
        #expect(problem.kind == .unreadable)
        #expect(problem.reason.contains("5000 页"))
        #expect(problem.reason.contains("上限 500 页"))
    }

    /// A page tree that does not show its count in the clear is stopped by the converter's
    /// own limit: one page past it is converted, and the file refused.
    @Test func pageLimitHoldsWhenTheCountIsHidden() throws {
        let pages = (1...3).map { page in (1...30).map { "Page \(page) line \($0) with enough words to count as text." } }
        var limits = ReadLimits.standard
        limits.pdfMaxPages = 2
        let hidden = PdfBuilder.text(pages: pages, countByReference: true)
        #expect(PdfPageCount.declared(in: hidden) == nil)
        let problem = try #require(Self.problem(hidden, limits: limits))
        #expect(problem.reason.contains("超过 2 页"))
        #expect(PdfPageCount.declared(in: PdfBuilder.text(pages: pages)) == 3)
        #expect(try PdfReader.read(bytes: hidden).paragraphs.count == 90)
    }

    @Test func slowDocumentTimesOut() throws {
        var limits = ReadLimits.standard
        limits.pdfSeconds = 1
        let problem = try #require(Self.problem(PdfBuilder.nestedForms(depth: 7, fanOut: 10), limits: limits))
        #expect(problem.kind == .unreadable)
        #expect(problem.reason.contains("PDF 解析超时（1 秒）"))
    }

    @Test func outputLimitStopsTheConverter() throws {
        var limits = ReadLimits.standard
        limits.pdfMaxOutputBytes = 1024
        let problem = try #require(Self.problem(Self.sample, limits: limits))
        #expect(problem.kind == .unreadable)
        #expect(problem.reason.contains("超过 1 KB 上限"))
    }

    @Test func memoryLimitStopsTheConverter() throws {
        var limits = ReadLimits.standard
        limits.pdfMaxMemoryBytes = 4 << 20
        let problem = try #require(Self.problem(Self.sample, limits: limits))
        #expect(problem.kind == .unreadable)
        #expect(problem.reason.contains("资源上限（内存 4 MB"))
    }

    @Test func imageOnlyPdfHasNoTextLayer() throws {
        let problem = try #require(Self.problem(PdfBuilder.imageOnly(pages: 3)))
        #expect(problem.kind == .noTextLayer)
        #expect(problem.reason == "PDF 没有文字层（可能是扫描件），无法检查")
    }

    @Test func missingPdftotextSaysWhatToInstall() throws {
        let empty = FileManager.default.temporaryDirectory.path + "/ogiwatch-no-tools"
        let problem = try #require(Self.problem(Self.sample, searchPath: [empty]))
        #expect(problem.kind == .unreadable)
        #expect(problem.reason.contains("poppler-utils"))
    }

    @Test func temporaryFileIsPrivateAndRemoved() throws {
        var seen = ""
        let mode = try PrivateTempFile.with(bytes: Self.sample) { path throws(DocumentProblem) in
            seen = path
            return (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
        }
        #expect(mode == 0o600)
        #expect(!seen.isEmpty && !FileManager.default.fileExists(atPath: seen))

        var failed = ""
        #expect(throws: DocumentProblem.self) {
            try PrivateTempFile.with(bytes: [1, 2, 3]) { path throws(DocumentProblem) in
                failed = path
                throw DocumentProblem(.unreadable, "x")
            }
        }
        #expect(!failed.isEmpty && !FileManager.default.fileExists(atPath: failed))
    }
}
