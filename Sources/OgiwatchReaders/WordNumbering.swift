import OgiwatchCore

/// Word's list numbering, rendered as Word renders it.
///
/// The `一、` of a heading is often not in the paragraph's text at all: the paragraph names a
/// list (`w:numPr`, directly or through its style) and Word draws the label from
/// `word/numbering.xml` — a level's format (`chineseCounting`, `decimal` …) and text
/// (`%1、`). Reading only the text loses every such heading, so the reader puts the label back
/// in front of the paragraph. Counters belong to the abstract definition, so instances of one
/// definition continue each other's count unless an instance restarts a level
/// (`w:startOverride`), and numbering a level restarts the levels below it.
struct WordNumbering: Sendable {
    struct Level: Sendable, Equatable {
        var start = 1
        var format = "decimal"
        /// `%1、`, `（%1）`, `%1.%2` …; nil draws nothing.
        var text: String?
        /// `tab` (the default), `space` or `nothing` between the label and the text.
        var suffix: String?
    }

    struct Instance: Sendable, Equatable {
        var abstract: String?
        var startOverrides: [Int: Int] = [:]
    }

    /// The numbering a paragraph style gives its paragraphs, and the style it inherits from.
    struct StyleNumbering: Sendable, Equatable {
        var numberingID: String?
        var level: Int?
        var basedOn: String?
    }

    var abstracts: [String: [Int: Level]] = [:]
    var instances: [String: Instance] = [:]
    var styles: [String: StyleNumbering] = [:]

    /// Word has nine list levels.
    static let levels = 0...8
    /// Style inheritance deeper than this is a loop or a hostile file.
    static let maxStyleDepth = 16
    /// A level text longer than this is not a label.
    static let maxLevelText = 64

    private var counters: [String: [Int: Int]] = [:]
    private var restarted: Set<String> = []

    var isEmpty: Bool { instances.isEmpty }

    /// The label Word draws before a paragraph, and counts it; nil for an unnumbered or
    /// bulleted paragraph. `numberingID` and `level` are the paragraph's own `w:numPr`.
    mutating func label(numberingID: String?, level: Int?, style: String?) -> String? {
        var id = numberingID
        var lvl = level
        var styleID = style
        var depth = 0
        while id == nil || lvl == nil, let current = styleID, depth < Self.maxStyleDepth, let definition = styles[current] {
            id = id ?? definition.numberingID
            lvl = lvl ?? definition.level
            styleID = definition.basedOn
            depth += 1
        }
        guard let id, id != "0", let instance = instances[id], let abstractID = instance.abstract,
              let definition = abstracts[abstractID] else { return nil }
        let level = min(max(lvl ?? 0, Self.levels.lowerBound), Self.levels.upperBound)
        var count = counters[abstractID] ?? [:]
        if let start = instance.startOverrides[level], restarted.insert("\(id)/\(level)").inserted {
            count[level] = start - 1
        }
        let current = (count[level] ?? ((definition[level]?.start ?? 1) - 1)) + 1
        count[level] = current
        for deeper in count.keys where deeper > level { count[deeper] = nil }
        counters[abstractID] = count
        guard let own = definition[level], own.format != "bullet", let text = own.text else { return nil }
        var label = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%", let next = scalars.next() else {
                label.unicodeScalars.append(scalar)
                continue
            }
            guard let n = Int(String(next)), (1...9).contains(n) else {
                label.unicodeScalars.append(scalar)
                label.unicodeScalars.append(next)
                continue
            }
            let referenced = definition[n - 1] ?? Level()
            label += Self.format(count[n - 1] ?? referenced.start, referenced.format)
        }
        guard !label.isEmpty else { return nil }
        return own.suffix == "nothing" ? label : label + " "
    }

    /// One counter value in a `w:numFmt`; formats a report does not use fall back to digits.
    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
             "ideographDigital", "chineseLegalSimplified":
            return ChineseNumeral.string(value)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String.UnicodeScalarView(String(value).unicodeScalars.compactMap { Unicode.Scalar($0.value + 0xFEE0) }))
        case "decimalZero":
            return value < 10 && value >= 0 ? "0\(value)" : String(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return enclosed(value, base: 0x2460)
        case "decimalEnclosedParen":
            return enclosed(value, base: 0x2474)
        case "decimalEnclosedFullstop":
            return enclosed(value, base: 0x2488)
        case "ideographTraditional":
            return cycle(value, "甲乙丙丁戊己庚辛壬癸")
        case "ideographZodiac":
            return cycle(value, "子丑寅卯辰巳午未申酉戌亥")
        case "lowerLetter", "upperLetter":
            guard value > 0 else { return String(value) }
            let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((value - 1) % 26)))
            let text = String(repeating: letter, count: (value - 1) / 26 + 1)
            return format == "upperLetter" ? text.uppercased() : text
        case "lowerRoman", "upperRoman":
            let roman = self.roman(value)
            return format == "lowerRoman" ? roman.lowercased() : roman
        case "none":
            return ""
        default:
            return String(value)
        }
    }

    private static func enclosed(_ value: Int, base: UInt32) -> String {
        guard (1...20).contains(value), let scalar = Unicode.Scalar(base + UInt32(value - 1)) else { return String(value) }
        return String(Character(scalar))
    }

    private static func cycle(_ value: Int, _ symbols: String) -> String {
        guard value > 0 else { return String(value) }
        let all = Array(symbols)
        return String(all[(value - 1) % all.count])
    }

    private static func roman(_ value: Int) -> String {
        guard (1...3999).contains(value) else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var out = ""
        for (amount, symbol) in table {
            while rest >= amount {
                out += symbol
                rest -= amount
            }
        }
        return out
    }
}
