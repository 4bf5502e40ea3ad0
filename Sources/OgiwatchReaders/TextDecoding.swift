import OgiwatchCore

/// Detects the text encoding of a `.txt` report. (Replaced by the full detector.)
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) throws(DocumentProblem) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let s = String(validating: body, as: UTF8.self) else {
            throw DocumentProblem(.unreadable, "文本编码无法识别")
        }
        return s
    }
}
