import Foundation

/// Text normalisation for matching (domain §3.1). Matching always happens on normalised text;
/// findings quote the original.
public enum Normalize {
    /// Characters trimmed from cells and labels besides ordinary whitespace.
    static let padding: Set<Character> = ["\u{3000}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\t", " ", "\r", "\n"]

    /// NFKC, unified quotes and unified item numbering. Whitespace is kept.
    public static func text(_ s: String) -> String {
        var out = s.precomposedStringWithCompatibilityMapping
        if out.contains(where: { quoteMap[$0] != nil }) {
            out = String(out.map { quoteMap[$0] ?? $0 })
        }
        return numbering(out)
    }

    /// For labels and prose matching: `text` plus every kind of whitespace removed, so
    /// `商 业 企 业` and `3119 件` compare as written.
    public static func compact(_ s: String) -> String {
        var out = text(s)
        out.removeAll(where: { $0.isWhitespace || padding.contains($0) })
        return out
    }

    /// Trim the padding that real cells carry (U+3000, NBSP, zero-width space, BOM).
    public static func trimCell(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f.isWhitespace || padding.contains(f) { sub.removeFirst() }
        while let l = sub.last, l.isWhitespace || padding.contains(l) { sub.removeLast() }
        return String(sub)
    }

    private static let quoteMap: [Character: Character] = [
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{2018}": "'", "\u{2019}": "'",
        "\u{300C}": "\"", "\u{300D}": "\"",
    ]

    /// `1．`, `1、` and `1.` (after NFKC `．` is already `.`) become `1.`; a space after the dot goes.
    private static func numbering(_ s: String) -> String {
        guard s.contains("、") || s.contains(". ") else { return s }
        var result = ""
        result.reserveCapacity(s.utf8.count)
        var previousIsDigit = false
        var skipSpace = false
        for ch in s {
            if skipSpace, ch == " " { continue }
            skipSpace = false
            if previousIsDigit, ch == "、" || ch == "." {
                result.append(".")
                skipSpace = true
                previousIsDigit = false
                continue
            }
            result.append(ch)
            previousIsDigit = ch.isASCII && ch.isNumber
        }
        return result
    }
}
