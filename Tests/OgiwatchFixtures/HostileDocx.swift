import Foundation
import OgiwatchCore
import ZIPFoundation

/// Archives built to hurt a `.docx` reader: each must come back as a `DocumentProblem`,
/// quickly and in bounded memory.
public enum HostileDocx {
    /// `word/document.xml` inflating to `inflatedBytes` zeros (300 MB by default) from about a
    /// thousandth of that. `declaredSize` makes the headers lie about the inflated size.
    public static func zipBomb(inflatedBytes: Int = 300 << 20, declaredSize: Int? = nil) -> [UInt8] {
        RawZip(entries: [
            RawZip.Entry(
                name: "word/document.xml", method: 8, payload: ZeroDeflate.stream(count: inflatedBytes),
                crc32: zeroCRC32(count: inflatedBytes), declaredSize: declaredSize ?? inflatedBytes)
        ]).bytes()
    }

    /// Several directory records sharing one entry's bytes (the overlapping-file bomb).
    public static func overlappingEntries() throws -> [UInt8] {
        let xml = Array(DocxWriter.documentXML(Document(blocks: [.paragraph(Paragraph("正文", line: 1))])).utf8)
        var zip = RawZip(entries: [
            RawZip.Entry(name: "word/document.xml", method: 0, payload: xml,
                         crc32: Data(xml).crc32(checksum: 0), declaredSize: xml.count)
        ])
        zip.aliases = (1...3).map { (name: "word/copy\($0).xml", entryIndex: 0) }
        return zip.bytes()
    }

    /// The first `keeping` bytes of a valid `.docx`, as a copy still in progress leaves it.
    public static func truncated(keeping fraction: Double = 0.5) throws -> [UInt8] {
        let whole = try DocxWriter.docx(sampleDocument)
        return Array(whole.prefix(Int(Double(whole.count) * fraction)))
    }

    /// A `word/document.xml` with a billion-laughs entity chain in its DOCTYPE.
    public static func billionLaughs() throws -> [UInt8] {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<!DOCTYPE w:document [\n"
        xml += #"  <!ENTITY lol0 "lol">"# + "\n"
        for level in 1...9 {
            xml += "  <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n"
        xml += #"<w:document xmlns:w="\#(DocxWriter.namespace)"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#
        return try DocxWriter.package(documentXML: xml)
    }

    /// A valid ZIP with Word's other parts but no `word/document.xml`.
    public static func withoutDocumentPart() throws -> [UInt8] {
        try DocxWriter.zip([
            ("[Content_Types].xml", Array("<Types/>".utf8)),
            ("word/styles.xml", Array("<w:styles/>".utf8)),
        ])
    }

    /// A `.docx` whose `word/document.xml` breaks off mid-element.
    public static func malformedXML() throws -> [UInt8] {
        try DocxWriter.package(documentXML: "<w:document xmlns:w=\"\(DocxWriter.namespace)\">\n<w:body>\n<w:p><w:r><w:t>正文</w:r>")
    }

    /// Reproducible noise (SplitMix64), never starting like a ZIP.
    public static func randomBytes(count: Int = 64 * 1024, seed: UInt64 = 0x5EED) -> [UInt8] {
        var state = seed
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z) { out.append(contentsOf: $0.prefix(count - out.count)) }
        }
        if out.starts(with: [0x50, 0x4B]) { out[0] = 0 }
        return out
    }

    static let sampleDocument = Document(blocks: [
        .paragraph(Paragraph("一、总体情况", line: 1)),
        .table(Table(rows: [Row(["信息内容", "本年制发件数"], line: 2), Row(["规章", "0"], line: 3)], layout: .grid, line: 2)),
    ])

    /// CRC-32 of `count` zero bytes by squaring the one-zero-byte operator over GF(2), so the
    /// checksum of a 300 MB bomb is exact without touching 300 MB.
    static func zeroCRC32(count: Int) -> UInt32 {
        var zeroByte = (0..<32).map { bit -> UInt32 in
            var register = UInt32(1) << UInt32(bit)
            for _ in 0..<8 { register = register >> 1 ^ (register & 1 == 1 ? 0xEDB8_8320 : 0) }
            return register
        }
        func apply(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
            (0..<32).reduce(0) { vector >> UInt32($1) & 1 == 1 ? $0 ^ matrix[$1] : $0 }
        }
        var register: UInt32 = 0xFFFF_FFFF
        var remaining = count
        while remaining > 0 {
            if remaining & 1 == 1 { register = apply(zeroByte, register) }
            zeroByte = zeroByte.map { apply(zeroByte, $0) }
            remaining >>= 1
        }
        return ~register
    }
}
