import OgiwatchReaders

/// The readers of hostile bytes, one fuzz target each. A target may throw a
/// `DocumentProblem` (that is a finding); it must not crash, leak or hang.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Encoding detection and decoding, then the text shapes Word and PDF exports produce.
    case text
    /// Charset sniffing, the tokenizer and the rowspan/colspan table grid.
    case html
    /// The ZIP container: directory checks, overlaps, inflate limits, then the parts.
    case docx
    /// `word/document.xml` alone: the preflight and the WordprocessingML scanner.
    case wordXML = "word-xml"
    // The PDF word-box parser gets its target here when it lands (`pdf-words`): the
    // `pdftotext` child process is not fuzzed in-process.

    /// Small limits, so a bomb in the corpus is refused quickly instead of timing out.
    private static let limits = ReadLimits(maxFileBytes: 1 << 20, maxInflatedBytes: 8 << 20, maxPartBytes: 4 << 20)

    func run(_ bytes: [UInt8]) {
        switch self {
        case .text: _ = try? PlainTextReader.read(bytes: bytes)
        case .html: _ = try? HtmlReader.read(bytes: bytes)
        case .docx: _ = try? DocxReader.read(bytes: bytes, limits: Self.limits)
        case .wordXML: _ = try? DocxReader.readBody(bytes)
        }
    }
}
