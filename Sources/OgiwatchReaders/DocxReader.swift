import OgiwatchCore

/// Reads native `.docx`. (Replaced by the ZIPFoundation + XMLParser reader.)
public enum DocxReader {
    public static func read(bytes: [UInt8], limits: ReadLimits) throws(DocumentProblem) -> Document {
        throw DocumentProblem(.unsupported, "暂不支持 .docx")
    }
}
