/// Writes small PDFs by hand, so tests can feed the PDF reader hostile files without
/// keeping binary fixtures: each object is a string, the cross-reference table is computed.
public enum PdfBuilder {
    /// One page per string, each line of text in Helvetica (ASCII only).
    public static func text(pages: [[String]]) -> [UInt8] {
        var objects = catalog(pageCount: pages.count)
        let fontNumber = 3 + 2 * pages.count
        for (index, lines) in pages.enumerated() {
            let content = lines.enumerated().map { row, line in
                "BT /F1 10 Tf 40 \(760 - 12 * row) Td (\(escape(line))) Tj ET"
            }.joined(separator: "\n")
            objects.append(page(contents: 4 + 2 * index, resources: "/Font << /F1 \(fontNumber) 0 R >>"))
            objects.append(stream("", content))
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        return assemble(objects)
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
