import OgiwatchCore

/// The cheap checks on a PDF's first and last bytes, made before any converter runs.
///
/// A file still being copied into a watched folder ends early and has no `%%EOF` trailer;
/// saying so (with `looksIncomplete`) lets a watcher retry later instead of reporting it.
enum PdfEnvelope {
    static func check(_ bytes: [UInt8]) throws(DocumentProblem) {
        if bytes.isEmpty {
            throw DocumentProblem(.unreadable, "PDF 文件为空，可能仍在复制中", looksIncomplete: true)
        }
        // The header may follow a little junk (allowed by the spec in the first 1024 bytes).
        let head = bytes.prefix(1024)
        guard contains(head, Array("%PDF-".utf8)) else {
            throw DocumentProblem(.unreadable, "文件不是 PDF（开头没有 %PDF- 标记），请确认文件类型")
        }
        // Incremental updates and trailing whitespace or junk put `%%EOF` a little before the end.
        guard contains(bytes.suffix(2048), Array("%%EOF".utf8)) else {
            throw DocumentProblem(.unreadable, "PDF 文件不完整，可能仍在复制中", looksIncomplete: true)
        }
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
