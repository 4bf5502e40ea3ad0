import Foundation
import OgiwatchCore

/// Reads `.pdf` reports from the position of every word, as `pdftotext -bbox-layout` gives it.
///
/// Text extraction flattens a table into lines and loses which characters belong to which
/// cell; the word boxes keep it, so the reader rebuilds paragraphs and table grids by
/// geometry (`PdfDocumentBuilder`). PDFs come from outside, so poppler runs as one limited
/// child and every way it can fail becomes a `DocumentProblem`.
public enum PdfReader {
    public static func read(bytes: [UInt8], limits: ReadLimits = .standard) throws(DocumentProblem) -> Document {
        try read(bytes: bytes, limits: limits, searchPath: PopplerTool.defaultSearchPath)
    }

    /// `searchPath` is where the poppler and util-linux tools are looked for.
    static func read(bytes: [UInt8], limits: ReadLimits, searchPath: [String]) throws(DocumentProblem) -> Document {
        try PdfEnvelope.check(bytes)
        if let pages = PdfPageCount.declared(in: bytes), pages > limits.pdfMaxPages {
            throw tooManyPages("共 \(pages) 页", limits: limits)
        }
        let output = try PrivateTempFile.with(bytes: bytes) { path throws(DocumentProblem) in
            try extractWordBoxes(path: path, limits: limits, searchPath: searchPath)
        }
        let layout: PdfWordLayout
        do {
            layout = try PdfWordBoxParser.parse(output)
        } catch _ {
            throw DocumentProblem(.unreadable, "PDF 转换结果无法解析，文件可能已损坏或被恶意构造")
        }
        if layout.pages.count > limits.pdfMaxPages {
            throw tooManyPages("超过 \(limits.pdfMaxPages) 页", limits: limits)
        }
        let document = PdfDocumentBuilder.build(layout)
        guard hasTextLayer(document) else {
            throw DocumentProblem(.noTextLayer, "PDF 没有文字层（可能是扫描件），无法检查")
        }
        return document
    }

    /// One child: the word boxes of at most one page more than the limit, so a longer
    /// document shows itself without being converted whole.
    private static func extractWordBoxes(path: String, limits: ReadLimits, searchPath: [String]) throws(DocumentProblem) -> [UInt8] {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(limits.pdfSeconds * 1000)))
        let result = try PopplerTool("pdftotext", searchPath: searchPath).run(
            ["-bbox-layout", "-enc", "UTF-8", "-l", String(limits.pdfMaxPages + 1), path, "-"],
            limits: limits, deadline: deadline)
        try refuse(result, limits: limits)
        return result.stdout
    }

    private static func tooManyPages(_ count: String, limits: ReadLimits) -> DocumentProblem {
        DocumentProblem(.unreadable, "PDF \(count)，超过上限 \(limits.pdfMaxPages) 页，年度报告不会这么长，已拒绝读取")
    }

    /// Turns a failed or cut-off poppler run into the problem a clerk can act on.
    private static func refuse(_ result: LimitedProcess.Result, limits: ReadLimits) throws(DocumentProblem) {
        switch result.outcome {
        case .exited(0):
            return
        case .timedOut:
            throw DocumentProblem(.unreadable, "PDF 解析超时（\(seconds(limits.pdfSeconds)) 秒），文件可能过于复杂或被恶意构造")
        case .outputTooLarge:
            throw DocumentProblem(.unreadable, "PDF 提取出的文字超过 \(limits.pdfMaxOutputBytes / 1024) KB 上限，年度报告不会这么长，已拒绝读取")
        case .signalled:
            throw exhausted(limits)
        case .exited(let code):
            let message = result.stderrText
            // 127: the tool could not even load its libraries under the memory cap.
            if code == 127 || message.contains("Out of memory") || message.contains("bad_alloc") {
                throw exhausted(limits)
            }
            if code == 3 || message.contains("password") || message.contains("Copying of text") {
                throw DocumentProblem(.unreadable, "PDF 已加密，无法提取文字，请提供未加密的版本")
            }
            let detail = message.split(whereSeparator: \.isNewline).first.map { "：\($0)" } ?? ""
            throw DocumentProblem(.unreadable, "PDF 文件已损坏，无法解析\(detail)")
        }
    }

    private static func exhausted(_ limits: ReadLimits) -> DocumentProblem {
        DocumentProblem(.unreadable, "PDF 解析超出资源上限（内存 \(limits.pdfMaxMemoryBytes >> 20) MB 或 CPU 时间）而中止，文件可能过于复杂或被恶意构造")
    }

    /// A scan may still carry page numbers or a stray word; a report has hundreds of characters.
    private static func hasTextLayer(_ document: Document) -> Bool {
        var count = 0
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                count += paragraph.text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
            case .table(let table):
                count += table.rows.reduce(0) { $0 + $1.cells.reduce(0) { $0 + $1.text.count } }
            }
            if count >= 50 { return true }
        }
        return false
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
