import Foundation
import OgiwatchCore

/// Reads `.pdf` reports through poppler's `pdftotext -layout`.
///
/// Layout mode keeps each table row on one line with its numbers in order; stream mode moves
/// labels hundreds of lines away from their numbers (domain §2.3). PDFs come from outside, so
/// poppler runs as a limited child and every way it can fail becomes a `DocumentProblem`.
public enum PdfReader {
    public static func read(bytes: [UInt8], limits: ReadLimits = .standard) throws(DocumentProblem) -> Document {
        try read(bytes: bytes, limits: limits, searchPath: PopplerTool.defaultSearchPath)
    }

    /// `searchPath` is where the poppler and util-linux tools are looked for.
    static func read(bytes: [UInt8], limits: ReadLimits, searchPath: [String]) throws(DocumentProblem) -> Document {
        try PdfEnvelope.check(bytes)
        let layout = try PrivateTempFile.with(bytes: bytes) { path throws(DocumentProblem) in
            try extractLayout(path: path, limits: limits, searchPath: searchPath)
        }
        let document = LayoutText.parse(layout)
        guard hasTextLayer(document) else {
            throw DocumentProblem(.noTextLayer, "PDF 没有文字层（可能是扫描件），无法检查")
        }
        return document
    }

    /// pdfinfo first: it reads only the page tree, so a page bomb is refused before any
    /// page is converted. Both tools share one deadline.
    private static func extractLayout(path: String, limits: ReadLimits, searchPath: [String]) throws(DocumentProblem) -> String {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(limits.pdfSeconds * 1000)))

        let info = try PopplerTool("pdfinfo", searchPath: searchPath)
            .run(["-enc", "UTF-8", path], limits: limits, deadline: deadline)
        try refuse(info, limits: limits)
        let pages = pageCount(in: info.stdout)
        if let pages, pages > limits.pdfMaxPages {
            throw DocumentProblem(.unreadable, "PDF 共 \(pages) 页，超过上限 \(limits.pdfMaxPages) 页，年度报告不会这么长，已拒绝读取")
        }

        let text = try PopplerTool("pdftotext", searchPath: searchPath).run(
            ["-layout", "-enc", "UTF-8", "-l", String(limits.pdfMaxPages), path, "-"],
            limits: limits, deadline: deadline)
        try refuse(text, limits: limits)
        return String(decoding: text.stdout, as: UTF8.self)
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

    private static func pageCount(in info: [UInt8]) -> Int? {
        let text = String(decoding: info, as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("Pages:") {
            return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
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
