/// Finds the charset a page declares in `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=gbk">`.
///
/// Only the head matters and the label is ASCII whatever the encoding, so the first bytes are
/// searched as ASCII before anything is decoded.
enum HtmlCharset {
    static let searchedBytes = 4096

    static func declared(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(searchedBytes).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var rest = head[...]
        while let meta = rest.range(of: "<meta") {
            let tag = rest[meta.upperBound...].prefix { $0 != ">" }
            if let label = tag.range(of: "charset=") {
                let value = tag[label.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if !name.isEmpty { return String(name) }
            }
            rest = rest[meta.upperBound...]
        }
        return nil
    }
}
