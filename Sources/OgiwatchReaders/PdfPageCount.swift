/// The page count a PDF declares in its page tree, read from the raw bytes before any
/// converter runs, so that a page bomb is refused at once and with its real size.
///
/// Only page-tree nodes stored in the clear are seen (`<< /Type /Pages … /Count N >>`); a PDF
/// that keeps them in compressed object streams yields nil, and the converter's own page
/// limit catches it instead. The scan is linear and bounded: it looks at most at
/// `maxNodes` nodes and `maxDictionaryBytes` of each.
enum PdfPageCount {
    static let maxNodes = 64
    static let maxDictionaryBytes = 128 << 10

    static func declared(in bytes: [UInt8]) -> Int? {
        let type = Array("/Type".utf8)
        var best: Int?
        var nodes = 0
        var index = 0
        while let found = find(type, in: bytes, from: index), nodes < maxNodes {
            index = found + type.count
            guard let after = name(bytes, at: skipSpace(bytes, from: index)), after == "/Pages",
                  let open = dictionaryStart(bytes, before: found) else { continue }
            nodes += 1
            if let count = count(bytes, dictionaryAt: open) { best = max(best ?? 0, count) }
        }
        return best
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20].contains(byte) }

    private static func isDelimiter(_ byte: UInt8) -> Bool { isSpace(byte) || Array("()<>[]{}/%".utf8).contains(byte) }

    private static func skipSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }

    /// The PDF name token (`/Pages`) at `index`, nil when there is none.
    private static func name(_ bytes: [UInt8], at index: Int) -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "/") else { return nil }
        var end = index + 1
        while end < bytes.count, end - index < 64, !isDelimiter(bytes[end]) { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    /// The `<<` that opens the dictionary holding `position`: the nearest one before it that is
    /// not closed again, looked for within `maxDictionaryBytes`.
    private static func dictionaryStart(_ bytes: [UInt8], before position: Int) -> Int? {
        var depth = 0
        var index = position - 1
        let floor = max(0, position - maxDictionaryBytes)
        while index > floor {
            if bytes[index] == UInt8(ascii: ">"), bytes[index - 1] == UInt8(ascii: ">") {
                depth += 1
                index -= 2
                continue
            }
            if bytes[index] == UInt8(ascii: "<"), bytes[index - 1] == UInt8(ascii: "<") {
                if depth == 0 { return index - 1 }
                depth -= 1
                index -= 2
                continue
            }
            index -= 1
        }
        return nil
    }

    /// `7 0 R` after a number: the count is stored elsewhere and the number is an object's.
    private static func isReference(_ bytes: [UInt8], after end: Int) -> Bool {
        var index = skipSpace(bytes, from: end)
        let generation = index
        while index < bytes.count, index - generation < 6, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > generation else { return false }
        index = skipSpace(bytes, from: index)
        return index < bytes.count && bytes[index] == UInt8(ascii: "R")
    }

    /// `/Count N` among the keys of the dictionary opening at `open`, not in nested ones.
    private static func count(_ bytes: [UInt8], dictionaryAt open: Int) -> Int? {
        var depth = 0
        var index = open
        let limit = min(bytes.count, open + maxDictionaryBytes)
        while index + 1 < limit {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "<") {
                depth += 1
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: ">"), bytes[index + 1] == UInt8(ascii: ">") {
                depth -= 1
                if depth == 0 { return nil }
                index += 2
                continue
            }
            if depth == 1, bytes[index] == UInt8(ascii: "/"), name(bytes, at: index) == "/Count" {
                var digit = skipSpace(bytes, from: index + 6)
                var value = 0
                let start = digit
                while digit < limit, digit - start < 9, (0x30...0x39).contains(bytes[digit]) {
                    value = value * 10 + Int(bytes[digit] - 0x30)
                    digit += 1
                }
                return digit > start && !isReference(bytes, after: digit) ? value : nil
            }
            index += 1
        }
        return nil
    }
}
