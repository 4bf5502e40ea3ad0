/// A paragraph shaped like a numbered heading: a marker, then a short title.
///
/// Reports number their six parts in one of two marker styles (README, "How a report is
/// read"): `一、` or `1、` (Word's list numbering renders `1、`
/// where the author typed nothing), or `（一）` when a document uses it for its top level.
/// `1.`, `（1）` and `一是` never number a part, so they are not markers here.
struct HeadingLine: Sendable, Equatable {
    enum Style: Sendable, Equatable, CaseIterable {
        /// `一、` `1、` (and `一．` `一，`, which typists use for `一、`).
        case enumeration
        /// `（一）` in full- or half-width brackets.
        case parenthesised
    }

    var style: Style
    var ordinal: Int
    /// The text after the marker, NFKC and without whitespace, so titles compare as written
    /// whatever the spacing (`一、　总体情况`).
    var title: String

    /// A heading is a paragraph of its own and short; prose that starts with `一、` is not one.
    static let maxLength = 40

    static func parse(_ text: String) -> HeadingLine? {
        // Most paragraphs are rejected on their first scalar, before any normalisation.
        guard let first = text.unicodeScalars.first(where: { !Normalize.isPadding($0) }),
              first == "(" || first == "（" || ("0"..."9").contains(first) || ("０"..."９").contains(first)
                || ChineseNumeral.isNumeral(first) else { return nil }
        let compact = Normalize.nfkcCompact(text)
        guard compact.unicodeScalars.count <= maxLength else { return nil }
        var rest = Substring(compact).unicodeScalars[...]
        let style: Style
        let ordinal: Int
        if rest.first == "(" {
            rest = rest.dropFirst()
            guard let (value, length) = ChineseNumeral.prefix(of: rest) else { return nil }
            rest = rest.dropFirst(length)
            guard rest.first == ")" else { return nil }
            rest = rest.dropFirst()
            style = .parenthesised
            ordinal = value
        } else if let (value, length) = ChineseNumeral.prefix(of: rest) {
            rest = rest.dropFirst(length)
            guard let separator = rest.first, "、.,".unicodeScalars.contains(separator) else { return nil }
            rest = rest.dropFirst()
            style = .enumeration
            ordinal = value
        } else {
            let digits = rest.prefix { ("0"..."9").contains($0) }
            guard (1...2).contains(digits.count), let value = Int(String(String.UnicodeScalarView(digits))) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard rest.first == "、" else { return nil }
            rest = rest.dropFirst()
            style = .enumeration
            ordinal = value
        }
        var title = String(String.UnicodeScalarView(rest))
        while let last = title.unicodeScalars.last, ":：".unicodeScalars.contains(last) { title.unicodeScalars.removeLast() }
        guard ordinal > 0, !title.isEmpty else { return nil }
        return HeadingLine(style: style, ordinal: ordinal, title: title)
    }
}
