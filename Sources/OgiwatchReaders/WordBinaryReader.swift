import OgiwatchCore

/// Reads `.doc` (Word 97–2003) and `.wps` (Kingsoft WPS, which saves Word's binary format)
/// through `OfficeConverter` and the docx reader.
///
/// Only an OLE2 compound file goes to the converter, the container of Word's binary format;
/// anything else is refused with words of its own, without starting LibreOffice.
enum WordBinaryReader {
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// A compound file is whole sectors of 512 bytes (version 3) or 4096 (version 4).
    static let sectorBytes = 512

    static func read(bytes: [UInt8], limits: ReadLimits, converter: OfficeConverter) throws(DocumentProblem) -> Document {
        if bytes.count < compoundFileSignature.count, compoundFileSignature.starts(with: bytes) {
            throw DocumentProblem(.unreadable, "文件为空或只有开头几个字节，似乎未写完", looksIncomplete: true)
        }
        guard bytes.starts(with: compoundFileSignature) else {
            throw DocumentProblem(.unsupported, "文件扩展名是 .doc/.wps，内容却不是 Word 97-2003 或 WPS 文字文档；请另存为 .docx 后重新提交")
        }
        guard bytes.count % sectorBytes == 0 else {
            throw DocumentProblem(.unreadable, "文档长度不是整数个扇区，似乎未写完或已被截断", looksIncomplete: true)
        }
        return try DocxReader.read(bytes: try converter.docx(from: bytes, limits: limits), limits: limits)
    }
}
