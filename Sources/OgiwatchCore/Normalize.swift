import Foundation

/// Text normalisation for matching (README, "How a report is read"). Matching always happens on normalised text;
/// findings quote the original.
///
/// Everything runs in one pass over Unicode scalars: report text is almost entirely CJK
/// ideographs, ASCII and full-width forms whose NFKC images are known, and grapheme-level
/// `Character` work would dominate the cost of a check. ICU's NFKC is used only for text
/// holding anything else.
public enum Normalize {
    /// NFKC, unified quotes and unified item numbering (`1、`, `1．`, `1. ` → `1.`).
    static func text(_ s: String) -> String {
        fold(s, dropWhitespace: false)
    }

    /// `text` with every kind of whitespace removed, so `商 业 企 业` and `3119 件` compare
    /// as written. Labels and prose are matched in this form.
    public static func compact(_ s: String) -> String {
        fold(s, dropWhitespace: true)
    }

    /// NFKC alone.
    public static func nfkc(_ s: String) -> String {
        transform(s, fold: false, dropWhitespace: false)
    }

    /// NFKC without whitespace, quotes and item numbering kept: where `1、` and `1.` must
    /// stay apart (heading markers).
    public static func nfkcCompact(_ s: String) -> String {
        transform(s, fold: false, dropWhitespace: true)
    }

    /// Trim the padding that real cells carry (U+3000, NBSP, zero-width space, BOM).
    public static func trimCell(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPadding($0) }),
              let last = scalars.lastIndex(where: { !isPadding($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Whitespace as reports use it, including U+3000, NBSP, zero-width space and the BOM.
    public static func isPadding(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    private static func fold(_ s: String, dropWhitespace: Bool) -> String {
        transform(s, fold: true, dropWhitespace: dropWhitespace)
    }

    /// NFKC (fast path, else ICU), then optionally quotes, item numbering and whitespace, all
    /// written straight into one UTF-8 buffer.
    private static func transform(_ s: String, fold: Bool, dropWhitespace: Bool) -> String {
        if let fast = pass(s.unicodeScalars, mapKnownForms: true, fold: fold, dropWhitespace: dropWhitespace) { return fast }
        let icu = s.precomposedStringWithCompatibilityMapping
        return pass(icu.unicodeScalars, mapKnownForms: false, fold: fold, dropWhitespace: dropWhitespace) ?? icu
    }

    private static func pass(_ scalars: String.UnicodeScalarView, mapKnownForms: Bool, fold: Bool, dropWhitespace: Bool) -> String? {
        var out: [UInt8] = []
        // Every mapping keeps or shrinks a scalar's UTF-8 length, and the UTF-8 count of a
        // native string is known without walking it (counting scalars would be a pass).
        out.reserveCapacity(String(scalars).utf8.count)
        var previousIsDigit = false
        var afterItemNumber = false
        for scalar in scalars {
            var v = scalar.value
            if mapKnownForms {
                switch v {
                case 0x00...0x9F, 0x4E00...0x9FFF, 0x3001...0x3002, 0x3007...0x3011, 0x2014, 0x2018...0x201D, 0x2026, 0x200B, 0xFEFF:
                    break
                case 0xFF01...0xFF5E:
                    v -= 0xFEE0
                case 0x3000, 0x00A0:
                    v = 0x20
                default:
                    return nil
                }
            }
            if !fold, dropWhitespace, isPadding(Unicode.Scalar(v) ?? " ") { continue }
            if fold {
                if isPadding(Unicode.Scalar(v) ?? " ") {
                    if dropWhitespace || afterItemNumber { continue }
                    previousIsDigit = false
                    append(v, to: &out)
                    continue
                }
                afterItemNumber = false
                switch v {
                case 0x201C, 0x201D, 0x201E, 0x300C, 0x300D: v = 0x22
                case 0x2018, 0x2019: v = 0x27
                case 0x3001 where previousIsDigit, 0x2E where previousIsDigit:
                    v = 0x2E
                    afterItemNumber = true
                default: break
                }
                previousIsDigit = v >= 0x30 && v <= 0x39
            }
            append(v, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
