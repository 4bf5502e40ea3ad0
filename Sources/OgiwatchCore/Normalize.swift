import Foundation

/// Text normalisation for matching (domain §3.1). Matching always happens on normalised text;
/// findings quote the original.
///
/// Everything runs in one pass over Unicode scalars: report text is almost entirely CJK
/// ideographs, ASCII and full-width forms whose NFKC images are known, and grapheme-level
/// `Character` work would dominate the cost of a check. ICU's NFKC is used only for text
/// holding anything else.
public enum Normalize {
    /// NFKC, unified quotes and unified item numbering (`1、`, `1．`, `1. ` → `1.`).
    public static func text(_ s: String) -> String {
        fold(s, dropWhitespace: false)
    }

    /// `text` with every kind of whitespace removed, so `商 业 企 业` and `3119 件` compare
    /// as written. Labels and prose are matched in this form.
    public static func compact(_ s: String) -> String {
        fold(s, dropWhitespace: true)
    }

    /// NFKC alone.
    public static func nfkc(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        guard fastNFKC(s, into: &out) else { return s.precomposedStringWithCompatibilityMapping }
        return String(out)
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
        var mapped = String.UnicodeScalarView()
        if !fastNFKC(s, into: &mapped) {
            mapped = s.precomposedStringWithCompatibilityMapping.unicodeScalars
        }
        var out = String.UnicodeScalarView()
        var previousIsDigit = false
        var afterItemNumber = false
        for scalar in mapped {
            if isPadding(scalar) {
                if dropWhitespace || afterItemNumber { continue }
                out.append(scalar)
                previousIsDigit = false
                continue
            }
            afterItemNumber = false
            var c = scalar
            switch c.value {
            case 0x201C, 0x201D, 0x201E, 0x300C, 0x300D: c = "\""
            case 0x2018, 0x2019: c = "'"
            case 0x3001 where previousIsDigit, 0x2E where previousIsDigit:
                c = "."
                afterItemNumber = true
            default: break
            }
            out.append(c)
            previousIsDigit = c.value >= 0x30 && c.value <= 0x39
        }
        return String(out)
    }

    /// Appends the NFKC image of `s` when every scalar has a known one; false otherwise.
    private static func fastNFKC(_ s: String, into out: inout String.UnicodeScalarView) -> Bool {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x00...0x9F, 0x4E00...0x9FFF, 0x3001...0x3002, 0x3007...0x3011, 0x2014, 0x2018...0x201D, 0x2026, 0x200B, 0xFEFF:
                out.append(scalar)
            case 0xFF01...0xFF5E:
                out.append(Unicode.Scalar(v - 0xFEE0) ?? scalar)
            case 0x3000, 0x00A0:
                out.append(" ")
            default:
                return false
            }
        }
        return true
    }
}
