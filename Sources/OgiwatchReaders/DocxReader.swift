import OgiwatchCore

/// Reads native `.docx` reports straight from memory: nothing is extracted to disk and only
/// `word/document.xml` is inflated, so a hostile archive costs at most what `ReadLimits` allows.
///
/// Word keeps merged cells and blank cells as real grid positions, which makes this the most
/// exact source of table layout (domain §2.5); the result is always a `.grid` table.
public enum DocxReader {
    /// The one part that holds the report body. Other parts (headers, comments, footnotes) are
    /// never opened: findings point at body paragraphs only.
    static let documentPart = "word/document.xml"

    public static func read(bytes: [UInt8], limits: ReadLimits) throws(DocumentProblem) -> Document {
        guard !bytes.isEmpty else {
            throw DocumentProblem(.unreadable, "文件为空", looksIncomplete: true)
        }
        let archive = try DocxArchive(bytes: bytes, limits: limits)
        let xml = try archive.inflate(documentPart, limits: limits)
        try WordXMLPreflight.check(xml)
        return try WordDocumentBuilder.build(xml)
    }
}
