/// Reads the XHTML that `pdftotext -bbox-layout` writes into pages of word boxes.
///
/// The bytes come from a converter run on a hostile file, so this is a strict, hand-written
/// parser of exactly that output and nothing more: `<doc>` → `<page>` → `<flow>` → `<block>`
/// → `<line>` → `<word>`, numeric attributes only, the five XML entities and character
/// references, valid UTF-8. It never recurses, never allocates more than the input justifies
/// and stops at `maxPages` pages and `maxWords` words. `parse` is a pure function of its bytes
/// so it can be fuzzed on its own.
///
/// The `<head>` is skipped unread: poppler copies the PDF's title and metadata into it without
/// escaping them, so it may hold anything. Everything after the last `</head>` is poppler's own
/// escaped output.
enum PdfWordBoxParser {
    enum Failure: Error, Sendable, Equatable {
        /// No `</head>` followed by `<body><doc>`: not `-bbox-layout` output.
        case notWordBoxes
        /// Markup other than the expected element at this byte offset.
        case unexpected(offset: Int)
        /// An attribute value that is not a plain decimal number within bounds.
        case badNumber(offset: Int)
        /// A word's text is not valid UTF-8 or holds an unknown entity.
        case badText(offset: Int)
        case tooManyPages
        case tooManyWords
    }

    /// Far beyond any report; the reader refuses long documents well before this.
    static let maxPages = 10_000
    static let maxWords = 2_000_000
    /// Coordinates beyond this (in points, about 350 m) are not a page.
    static let maxCoordinate = 1_000_000.0

    static func parse(_ bytes: [UInt8]) throws(Failure) -> PdfWordLayout {
        var cursor = try Cursor(bytes: bytes, start: bodyStart(bytes))
        try cursor.expect("<body>")
        try cursor.expect("<doc>")
        var pages: [PdfPage] = []
        var wordCount = 0
        while !cursor.consume("</doc>") {
            guard pages.count < maxPages else { throw .tooManyPages }
            pages.append(try page(&cursor, wordCount: &wordCount))
        }
        try cursor.expect("</body>")
        try cursor.expect("</html>")
        try cursor.expectEnd()
        return PdfWordLayout(pages: pages)
    }

    /// The offset just after the last `</head>`.
    private static func bodyStart(_ bytes: [UInt8]) throws(Failure) -> Int {
        let marker = Array("</head>".utf8)
        guard bytes.count >= marker.count else { throw .notWordBoxes }
        var index = bytes.count - marker.count
        while index >= 0 {
            if bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) {
                return index + marker.count
            }
            index -= 1
        }
        throw .notWordBoxes
    }

    private static func page(_ cursor: inout Cursor, wordCount: inout Int) throws(Failure) -> PdfPage {
        let size = try cursor.openTag("page", names: ["width", "height"])
        guard size[0] > 0, size[1] > 0 else { throw .badNumber(offset: cursor.offset) }
        var words: [PdfWord] = []
        while !cursor.consume("</page>") {
            try cursor.expect("<flow>")
            while !cursor.consume("</flow>") {
                _ = try cursor.openTag("block", names: PdfWordBoxParser.boxNames)
                while !cursor.consume("</block>") {
                    _ = try cursor.openTag("line", names: PdfWordBoxParser.boxNames)
                    while !cursor.consume("</line>") {
                        let box = try cursor.openTag("word", names: PdfWordBoxParser.boxNames)
                        guard box[0] <= box[2], box[1] <= box[3] else { throw .badNumber(offset: cursor.offset) }
                        let text = try cursor.text()
                        try cursor.expect("</word>", skippingSpace: false)
                        wordCount += 1
                        guard wordCount <= maxWords else { throw .tooManyWords }
                        if !text.isEmpty {
                            words.append(PdfWord(text: text, box: PdfBox(xMin: box[0], yMin: box[1], xMax: box[2], yMax: box[3])))
                        }
                    }
                }
            }
        }
        return PdfPage(width: size[0], height: size[1], words: words)
    }

    private static let boxNames = ["xMin", "yMin", "xMax", "yMax"]

    /// A read position in the bytes with the few token readers the grammar needs.
    private struct Cursor {
        let bytes: [UInt8]
        var offset: Int

        init(bytes: [UInt8], start: Int) {
            self.bytes = bytes
            self.offset = start
        }

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        }

        /// Consumes `literal` (after white space) when it comes next.
        mutating func consume(_ literal: StaticString, skippingSpace: Bool = true) -> Bool {
            if skippingSpace { skipSpace() }
            let count = literal.utf8CodeUnitCount
            guard bytes.count - offset >= count else { return false }
            let matches = literal.withUTF8Buffer { bytes[offset..<(offset + count)].elementsEqual($0) }
            if matches { offset += count }
            return matches
        }

        mutating func expect(_ literal: StaticString, skippingSpace: Bool = true) throws(Failure) {
            guard consume(literal, skippingSpace: skippingSpace) else { throw .unexpected(offset: offset) }
        }

        mutating func expectEnd() throws(Failure) {
            skipSpace()
            guard offset == bytes.count else { throw .unexpected(offset: offset) }
        }

        /// `<name a="1" b="2">`: the values of exactly the attributes `names`, each once, in
        /// `names` order whatever their order in the tag.
        mutating func openTag(_ name: String, names: [String]) throws(Failure) -> [Double] {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "<") else { throw .unexpected(offset: offset) }
            offset += 1
            guard identifier() == name else { throw .unexpected(offset: offset) }
            var values = [Double?](repeating: nil, count: names.count)
            while true {
                skipSpace()
                guard offset < bytes.count else { throw .unexpected(offset: offset) }
                if bytes[offset] == UInt8(ascii: ">") {
                    offset += 1
                    break
                }
                let attribute = identifier()
                guard let slot = names.firstIndex(of: attribute), values[slot] == nil,
                      consume("=\"", skippingSpace: false) else { throw .unexpected(offset: offset) }
                values[slot] = try number()
                guard consume("\"", skippingSpace: false) else { throw .unexpected(offset: offset) }
            }
            var result: [Double] = []
            for value in values {
                guard let value else { throw .unexpected(offset: offset) }
                result.append(value)
            }
            return result
        }

        /// ASCII letters only: the element and attribute names of this output.
        private mutating func identifier() -> String {
            let start = offset
            while offset < bytes.count, offset - start < 16,
                  (0x41...0x5A).contains(bytes[offset]) || (0x61...0x7A).contains(bytes[offset]) { offset += 1 }
            return String(decoding: bytes[start..<offset], as: UTF8.self)
        }

        /// `-?digits(.digits)?` as poppler prints with `%f`, at most 24 characters.
        private mutating func number() throws(Failure) -> Double {
            let start = offset
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            let integerStart = offset
            while offset < bytes.count, (0x30...0x39).contains(bytes[offset]) { offset += 1 }
            var valid = offset > integerStart
            if valid, offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                let fractionStart = offset
                while offset < bytes.count, (0x30...0x39).contains(bytes[offset]) { offset += 1 }
                valid = offset > fractionStart
            }
            guard valid, offset - start <= 24,
                  let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)),
                  value.isFinite, abs(value) <= PdfWordBoxParser.maxCoordinate else { throw .badNumber(offset: start) }
            return value
        }

        /// Character data up to the next `<`, entities decoded, valid UTF-8 required.
        mutating func text() throws(Failure) -> String {
            let start = offset
            var decoded: [UInt8] = []
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") {
                if bytes[offset] == UInt8(ascii: "&") {
                    decoded += try entity()
                } else {
                    decoded.append(bytes[offset])
                    offset += 1
                }
            }
            guard let string = String(validating: decoded, as: UTF8.self) else { throw .badText(offset: start) }
            return string
        }

        /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#N;` `&#xH;` as UTF-8 bytes.
        private mutating func entity() throws(Failure) -> [UInt8] {
            let start = offset
            guard let end = bytes[offset..<min(bytes.count, offset + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                throw .badText(offset: start)
            }
            let name = String(decoding: bytes[(offset + 1)..<end], as: UTF8.self)
            offset = end + 1
            switch name {
            case "amp": return [UInt8(ascii: "&")]
            case "lt": return [UInt8(ascii: "<")]
            case "gt": return [UInt8(ascii: ">")]
            case "quot": return [UInt8(ascii: "\"")]
            case "apos": return [UInt8(ascii: "'")]
            default:
                let hex = name.hasPrefix("#x") || name.hasPrefix("#X")
                let digits = name.dropFirst(hex ? 2 : 1)
                guard name.hasPrefix("#"), !digits.isEmpty, let value = UInt32(digits, radix: hex ? 16 : 10),
                      let scalar = Unicode.Scalar(value), value != 0 else { throw .badText(offset: start) }
                return Array(String(Character(scalar)).utf8)
            }
        }
    }
}
