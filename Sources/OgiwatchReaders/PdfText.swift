import OgiwatchCore

/// The text rules the PDF reader needs: how words and wrapped lines join, and which short
/// strings are list markers, page numbers or numbers.
enum PdfText {
    /// Words as a reader would write them. Office suites put a small gap between Chinese and
    /// Latin or digits (`2022 年`); it is not a space in the source, so CJK neighbours join
    /// directly. Latin words keep one space.
    static func join(_ words: [PdfWord]) -> String {
        join(words.map(\.text), numbersJoin: false)
    }

    /// Pieces of text in reading order, joined by the same rule. With `numbersJoin`, the
    /// pieces are the wrapped lines of one table cell: a number wrapped in a narrow column
    /// (`11` over `5`) is one number again.
    static func join(_ pieces: [String], numbersJoin: Bool) -> String {
        var result = ""
        for piece in pieces where !piece.isEmpty {
            if let last = result.unicodeScalars.last, let first = piece.unicodeScalars.first,
               needsSpace(last, first, digitsJoin: numbersJoin) {
                result += " "
            }
            result += piece
        }
        return result
    }

    private static func needsSpace(_ left: Unicode.Scalar, _ right: Unicode.Scalar, digitsJoin: Bool) -> Bool {
        guard left.isASCII, right.isASCII else { return false }
        if digitsJoin, isDigit(left) || left == ".", isDigit(right) || right == "." { return false }
        return true
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// Characters that a line may not begin with (Chinese line breaking moves the character
    /// before them down too).
    static let closing: Set<Unicode.Scalar> = ["，", "。", "、", "；", "：", "！", "？", "”", "’", "）", "》", "」", "』", "】", "…", ",", ".", ";", ":", ")", "%"]

    /// Characters that a line may not end with (they move down with the next character).
    static let opening: Set<Unicode.Scalar> = ["“", "‘", "（", "《", "「", "『", "【", "("]

    /// The width, in ems, of the start of `text` that a line break cannot split: an ASCII
    /// run, or one character, with the closing punctuation that follows it, or with opening
    /// punctuation and the character after that (`料“同`).
    static func leadingChunkWidth(_ text: String) -> Double {
        var scalars = text.unicodeScalars[...]
        guard let first = scalars.first else { return 0 }
        var width = 0.0
        if first.isASCII, first.properties.isAlphabetic || isDigit(first) {
            let run = scalars.prefix { $0.isASCII && $0 != " " }
            width = Double(run.count) / 2
            scalars = scalars.dropFirst(run.count)
        } else {
            width = first.isASCII ? 0.5 : 1
            scalars = scalars.dropFirst()
        }
        for scalar in scalars.prefix(while: closing.contains) { width += scalar.isASCII ? 0.5 : 1 }
        let opening = scalars.prefix(while: opening.contains)
        if !opening.isEmpty, scalars.count > opening.count { width += Double(opening.count) + 1 }
        return width
    }

    // MARK: - Classes of short strings

    /// A cell number as the domain writes it (`12`, `-3`, `+4`, `7730.28`, `378.0169万元`):
    /// what decides where a table's value columns are.
    static func isNumber(_ text: String) -> Bool {
        CellValue(parsing: text).isNumber
    }

    /// What authors write in a value cell instead of a number (`—`, `/`, `无`, `×`, a stray
    /// Latin letter): short, never a label or a header word, so a line holding one holds values.
    static func isValueMark(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.count <= 2 else { return false }
        return compact.allSatisfy { valueMarks.contains($0) } || (compact.count == 1 && compact.allSatisfy { $0.isASCII && $0.isLetter })
    }

    static let valueMarks: Set<Character> = ["-", "—", "–", "－", "/", "／", "无", "×", "\\"]

    /// `1.` `1、` `（一）` `(一)` `一、` `（1）` at the start of a label or paragraph: the start of
    /// a new item, never the continuation of a wrapped one.
    static func startsWithListMarker(_ text: String) -> Bool {
        let scalars = Array(Normalize.nfkc(String(text.unicodeScalars.prefix(8))).unicodeScalars.filter { $0 != " " })
        guard let first = scalars.first else { return false }
        if first == "(" {
            let inner = scalars.dropFirst().prefix { $0 != ")" }
            return !inner.isEmpty && inner.count <= 2 && inner.count < scalars.count - 1
                && inner.allSatisfy { isDigit($0) || ChineseNumeral.isNumeral($0) }
        }
        let body = scalars.prefix { isDigit($0) || ChineseNumeral.isNumeral($0) }
        guard !body.isEmpty, body.count <= 2, body.count < scalars.count else { return false }
        let separator = scalars[body.count]
        if body.allSatisfy(isDigit) { return separator == "、" || separator == "." }
        return separator == "、"
    }

    /// `-3-`, `- 3 -`, `—3—`, `第3页`, `第 3 页 共 5 页`, `3/5`: a page number or footer.
    static func isPageNumber(_ text: String) -> Bool {
        let compact = String(Normalize.nfkc(text).unicodeScalars.filter { $0 != " " })
        let dashes: Set<Character> = ["-", "—", "–", "−", "－"]
        let core = compact.drop { dashes.contains($0) }.reversed().drop { dashes.contains($0) }.reversed()
        let digits = String(core)
        if !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigitCharacter) { return true }
        if compact.hasPrefix("第"), compact.contains("页") {
            return compact.allSatisfy { $0.isASCIIDigitCharacter || "第页共".contains($0) }
        }
        let parts = compact.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigitCharacter) }
    }

    /// Running text, not a table cell: it ends a sentence or a clause.
    static func isSentence(_ text: String) -> Bool {
        text.contains { "。！？；".contains($0) } || text.hasSuffix("：") || text.hasSuffix(":")
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
