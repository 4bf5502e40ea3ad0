import Foundation
import OgiwatchCore

/// Byte-level checks on `word/document.xml` before any XML parser sees it.
///
/// Word never writes a DTD, so a DOCTYPE or ENTITY declaration can only be an attack (billion
/// laughs, external entities); refusing on the bytes means no parser setting has to be trusted.
/// The scan only works on an ASCII-compatible encoding, so anything else is refused too.
enum WordXMLPreflight {
    private static let doctype = Array("<!DOCTYPE".utf8)
    private static let entity = Array("<!ENTITY".utf8)
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func check(_ xml: [UInt8]) throws(DocumentProblem) {
        let body = xml.starts(with: utf8BOM) ? xml[utf8BOM.count...] : xml[...]
        guard let first = body.first(where: { !WordXMLScanner.isSpace($0) }) else {
            throw DocumentProblem(.unreadable, "Word 文档 XML 损坏：word/document.xml 是空的")
        }
        // UTF-16, UTF-32 and EBCDIC all fail one of these; Word writes UTF-8.
        guard first == UInt8(ascii: "<"), !body.contains(0) else {
            throw DocumentProblem(.unreadable, "Word 文档 XML 损坏：word/document.xml 不是 UTF-8 编码")
        }
        if let declared = declaredEncoding(body), declared != "utf-8", declared != "utf8" {
            throw DocumentProblem(.unreadable, "Word 文档 XML 损坏：word/document.xml 声明了不支持的编码 \(declared)")
        }
        if contains(body, doctype) || contains(body, entity) {
            throw DocumentProblem(.unreadable, "文档包含 DOCTYPE/实体声明，出于安全考虑拒绝解析")
        }
    }

    /// The `encoding` of a leading `<?xml …?>` declaration, lowercased.
    private static func declaredEncoding(_ body: ArraySlice<UInt8>) -> String? {
        guard body.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = body.prefix(256)
        guard let close = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<close], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote }).lowercased()
    }

    /// Plain search for a short ASCII needle; the first byte `<` is rare enough in the haystack.
    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { buffer -> Bool in
            let last = buffer.count - needle.count
            guard last >= 0 else { return false }
            var index = 0
            while index <= last {
                if buffer[index] == needle[0], buffer[index + 1] == needle[1] {
                    var matched = 2
                    while matched < needle.count, buffer[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
