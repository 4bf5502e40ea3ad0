/// Writes small PDFs by hand, so tests can feed the PDF reader hostile files without
/// keeping binary fixtures: each object is a string, the cross-reference table is computed.
public enum PdfBuilder {
    /// One page per string, each line of text in Helvetica (ASCII only). With
    /// `countByReference`, the page tree's `/Count` is an indirect object, as it may be in a
    /// compressed file: a reader sees the page count only through the converter.
    public static func text(pages: [[String]], countByReference: Bool = false) -> [UInt8] {
        var objects = catalog(pageCount: pages.count)
        if countByReference {
            objects[1] = objects[1].replacingOccurrences(of: "/Count \(pages.count)", with: "/Count \(4 + 2 * pages.count) 0 R")
        }
        let fontNumber = 3 + 2 * pages.count
        for (index, lines) in pages.enumerated() {
            let content = lines.enumerated().map { row, line in
                "BT /F1 10 Tf 40 \(760 - 12 * row) Td (\(escape(line))) Tj ET"
            }.joined(separator: "\n")
            objects.append(page(contents: 4 + 2 * index, resources: "/Font << /F1 \(fontNumber) 0 R >>"))
            objects.append(stream("", content))
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        if countByReference { objects.append(String(pages.count)) }
        return assemble(objects)
    }

    /// A run of text placed on a page: `x` from the left edge and `y` from the top, in points,
    /// at `size` points. Any BMP text, Chinese included.
    public struct Word: Sendable {
        public var text: String
        public var x: Double
        public var y: Double
        public var size: Double

        public init(_ text: String, x: Double, y: Double, size: Double = 11) {
            self.text = text
            self.x = x
            self.y = y
            self.size = size
        }
    }

    /// Pages of runs placed exactly where a table-producing office suite would put them, in a
    /// CID font whose codes are the Unicode code points (a ToUnicode map says so), so that
    /// `pdftotext` reads the text back with real positions: CJK characters are one em wide,
    /// ASCII half an em. No glyphs are embedded; text extraction needs only the widths.
    public static func words(pages: [[Word]]) -> [UInt8] {
        var objects = catalog(pageCount: pages.count)
        let font = 3 + 2 * pages.count
        for (index, words) in pages.enumerated() {
            let content = words.map { word in
                let codes = word.text.unicodeScalars.map { hex4($0.value) }.joined()
                return "BT /F1 \(word.size) Tf \(word.x) \(792 - word.y - word.size * 0.88) Td <\(codes)> Tj ET"
            }.joined(separator: "\n")
            objects.append(page(contents: 4 + 2 * index, resources: "/Font << /F1 \(font) 0 R >>"))
            objects.append(stream("", content))
        }
        objects.append("<< /Type /Font /Subtype /Type0 /BaseFont /ReportSong /Encoding /Identity-H /DescendantFonts [\(font + 1) 0 R] /ToUnicode \(font + 3) 0 R >>")
        objects.append("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ReportSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(font + 2) 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>")
        objects.append("<< /Type /FontDescriptor /FontName /ReportSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
        objects.append(stream("", unicodeMap()))
        return assemble(objects)
    }

    /// Code = code point, in ranges that each keep their high byte, as the CMap syntax requires.
    private static func unicodeMap() -> String {
        let ranges = (0..<256).map { high in "<\(hex2(UInt32(high)))00> <\(hex2(UInt32(high)))FF> <\(hex2(UInt32(high)))00>" }
        var body = ""
        for start in stride(from: 0, to: ranges.count, by: 100) {
            let chunk = ranges[start..<min(start + 100, ranges.count)]
            body += "\(chunk.count) beginbfrange\n" + chunk.joined(separator: "\n") + "\nendbfrange\n"
        }
        return """
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def /CMapType 2 def
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        \(body)endcmap CMapName currentdict /CMap defineresource pop end end
        """
    }

    private static func hex2(_ value: UInt32) -> String { hex(value, digits: 2) }
    private static func hex4(_ value: UInt32) -> String { hex(value, digits: 4) }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// `count` pages that all point at the same page object: one page drawn, `count` pages
    /// to a reader that walks them all. Poppler rejects a page count above the object count
    /// as a syntax error, so `null` objects pad the file to look plausible.
    public static func pageBomb(count: Int) -> [UInt8] {
        let kids = Array(repeating: "3 0 R", count: count).joined(separator: " ")
        return assemble([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\(kids)] /Count \(count) >>",
            page(contents: 4, resources: ""),
            stream("", "0 0 m 10 10 l S"),
        ] + Array(repeating: "null", count: count))
    }

    /// Pages that only draw an image (a scan has no text layer).
    public static func imageOnly(pages count: Int) -> [UInt8] {
        var objects = catalog(pageCount: count)
        let imageNumber = 3 + 2 * count
        for index in 0..<count {
            objects.append(page(contents: 4 + 2 * index, resources: "/XObject << /Im1 \(imageNumber) 0 R >>"))
            objects.append(stream("", "q 500 0 0 700 50 50 cm /Im1 Do Q"))
        }
        let pixels = String(repeating: "\u{7f}", count: 64)
        objects.append(stream("/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8", pixels))
        return assemble(objects)
    }

    /// A one-page document whose `/Encrypt` dictionary needs a user password nobody has.
    public static func encrypted() -> [UInt8] {
        let owner = String(repeating: "A1", count: 32)
        let user = String(repeating: "5C", count: 32)
        let objects = catalog(pageCount: 1) + [
            page(contents: 4, resources: ""),
            stream("", "0 0 m 10 10 l S"),
            "<< /Filter /Standard /V 1 /R 2 /O <\(owner)> /U <\(user)> /P -4 >>",
        ]
        return assemble(objects, trailer: "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]")
    }

    /// One page drawing a form that draws the next form `fanOut` times, `depth` levels deep:
    /// a few kilobytes that keep a converter busy for minutes.
    public static func nestedForms(depth: Int, fanOut: Int) -> [UInt8] {
        let names = (0..<depth).map { "/X\($0) \(5 + $0) 0 R" }.joined(separator: " ")
        let resources = "/Font << /F1 4 0 R >> /XObject << \(names) >>"
        var objects = catalog(pageCount: 1)
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(5 + depth) 0 R /Resources << \(resources) >> >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for level in 0..<depth {
            let body = level < depth - 1
                ? String(repeating: "/X\(level + 1) Do\n", count: fanOut)
                : "BT /F1 12 Tf 100 700 Td (x) Tj ET"
            objects.append(stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << \(resources) >>", body))
        }
        objects.append(stream("", "/X0 Do"))
        return assemble(objects)
    }

    // MARK: - Assembly

    private static func catalog(pageCount: Int) -> [String] {
        let kids = (0..<pageCount).map { "\(3 + 2 * $0) 0 R" }.joined(separator: " ")
        return ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>"]
    }

    private static func page(contents: Int, resources: String) -> String {
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(contents) 0 R /Resources << \(resources) >> >>"
    }

    private static func stream(_ dictionary: String, _ data: String) -> String {
        "<< \(dictionary) /Length \(data.utf8.count) >>\nstream\n\(data)\nendstream"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
    }

    private static func assemble(_ objects: [String], trailer: String = "") -> [UInt8] {
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }
}
