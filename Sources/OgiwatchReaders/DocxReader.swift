import OgiwatchCore

/// Reads native `.docx` reports straight from memory: nothing is extracted to disk and only
/// the body and the two parts that number its paragraphs are inflated, together under one
/// `ReadLimits` budget, so a hostile archive costs at most what the limits allow.
///
/// Word keeps merged cells and blank cells as real grid positions, which makes this the most
/// exact source of table layout (README, "Formats"); the result is always a `.grid` table.
public enum DocxReader {
    /// The one part that holds the report body. Other parts (headers, comments, footnotes) are
    /// never opened: findings point at body paragraphs only.
    static let documentPart = "word/document.xml"
    /// List definitions and paragraph styles: a heading's `一、` is often drawn from these
    /// rather than typed (`WordNumbering`).
    static let numberingPart = "word/numbering.xml"
    static let stylesPart = "word/styles.xml"

    public static func read(bytes: [UInt8], limits: ReadLimits) throws(DocumentProblem) -> Document {
        guard !bytes.isEmpty else {
            throw DocumentProblem(.unreadable, "文件为空", looksIncomplete: true)
        }
        let archive = try DocxArchive(bytes: bytes, limits: limits)
        var remaining = limits
        let xml = try archive.inflate(documentPart, limits: remaining)
        try WordXMLPreflight.check(xml)
        var numbering = WordNumbering()
        // Without list definitions no paragraph is numbered, whatever its style says.
        remaining.maxInflatedBytes -= xml.count
        if let list = try archive.inflateIfPresent(numberingPart, limits: remaining) {
            remaining.maxInflatedBytes -= list.count
            let styles = try archive.inflateIfPresent(stylesPart, limits: remaining)
            for part in [list, styles].compactMap({ $0 }) { try WordXMLPreflight.check(part) }
            numbering = try WordNumberingReader.read(numbering: list, styles: styles)
        }
        return try WordDocumentBuilder.build(xml, numbering: numbering)
    }

    /// The body part alone, without its archive: what the `word-xml` fuzz target feeds.
    package static func readBody(_ xml: [UInt8]) throws(DocumentProblem) -> Document {
        try WordXMLPreflight.check(xml)
        return try WordDocumentBuilder.build(xml)
    }
}
