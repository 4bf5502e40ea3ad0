/// One line of text laid out in columns of spaces, classified for table detection.
struct LayoutLine: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Empty, or a page number such as `-3-`.
        case blank
        /// A section heading (`四、政府信息公开行政复议、行政诉讼情况`): always a paragraph.
        case heading
        /// Running text: it has sentence punctuation, so it never belongs to a table.
        case prose
        /// A table row: several cells, or numbers at the end.
        case row
        /// Text that may be a wrapped or vertical table label, or ordinary text; its
        /// neighbours decide.
        case fragment
    }

    let number: Int
    let text: String
    let cells: [String]
    let kind: Kind

    /// Up to this many visible characters a fragment counts as short: a vertical label
    /// character, a wrapped label tail, a caption.
    static let shortLength = 12

    var isShort: Bool { text.unicodeScalars.filter { !Self.isSpace($0) }.count <= Self.shortLength }

    init(_ raw: Substring, number: Int) {
        self.number = number
        let trimmed = Self.trim(raw)
        text = trimmed
        let columns = Self.columns(of: trimmed)
        cells = columns.flatMap(Self.splitNumbers)
        kind = Self.classify(trimmed, columns: columns, cells: cells)
    }

    /// `columns` are split on wide gaps only: a number after a single space ends many prose
    /// lines (`…洪泽湖大道 90`) and must not make them rows.
    private static func classify(_ text: String, columns: [String], cells: [String]) -> Kind {
        if text.isEmpty || isPageNumber(text) { return .blank }
        if SectionHeading.matches(text) { return .heading }
        let trailingNumbers = cells.reversed().prefix { isNumber($0) }.count
        if trailingNumbers >= 2 { return .row }
        if hasSentencePunctuation(text) { return .prose }
        if columns.count >= 2 { return .row }
        return .fragment
    }

    // MARK: - Cells

    /// Columns are separated by runs of two or more spaces (or a tab or ideographic space).
    static func columns(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var pendingSpaces = ""
        for scalar in text.unicodeScalars {
            if scalar == " " {
                pendingSpaces.unicodeScalars.append(scalar)
                continue
            }
            if isSpace(scalar) {
                pendingSpaces += "  "
                continue
            }
            if pendingSpaces.count >= 2 {
                result.append(current)
                current = ""
            } else if !pendingSpaces.isEmpty {
                current += " "
            }
            pendingSpaces = ""
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { result.append(current) }
        return mergingGluedNumbers(result)
    }

    /// Justified prose opens wide gaps around the numbers in it (「国令第   711号」,
    /// 「2024  年」); a column that starts with digits glued to text continues the one before.
    private static func mergingGluedNumbers(_ columns: [String]) -> [String] {
        var merged: [String] = []
        for column in columns {
            let scalars = Array(column.unicodeScalars)
            let digits = scalars.prefix { ("0"..."9").contains($0) }.count
            let glued = digits > 0 && digits < scalars.count && scalars[digits] != " " && scalars[digits] != "."
            if glued, let last = merged.popLast() {
                merged.append(last + column)
            } else {
                merged.append(column)
            }
        }
        return merged
    }

    /// A trailing run of numbers separated by single spaces (`4 0 0 0 0 0 4`) is one cell
    /// per number.
    private static func splitNumbers(_ cell: String) -> [String] {
        let tokens = cell.split(separator: " ").map(String.init)
        let numbers = tokens.reversed().prefix { isNumber($0) }.count
        guard numbers > 0, tokens.count > 1 else { return [cell] }
        let label = tokens.dropLast(numbers).joined(separator: " ")
        return (label.isEmpty ? [] : [label]) + tokens.suffix(numbers)
    }

    // MARK: - Character classes

    /// `^[+-]?\d+(\.\d+)?(万元|元|件|条|个)?$`: a number as any table cell may hold one.
    static func isNumber(_ token: String) -> Bool {
        var body = Substring(token)
        for unit in ["万元", "元", "件", "条", "个"] where body.hasSuffix(unit) {
            body = body.dropLast(unit.count)
            break
        }
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    static func isPageNumber(_ text: String) -> Bool {
        let compact = text.filter { $0 != " " }
        guard compact.hasPrefix("-"), compact.hasSuffix("-"), compact.count >= 3 else { return false }
        return compact.dropFirst().dropLast().allSatisfy(\.isASCIIDigit)
    }

    private static func hasSentencePunctuation(_ text: String) -> Bool {
        text.contains { "。；！？;!?".contains($0) } || text.hasSuffix("：") || text.hasSuffix(":")
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{00A0}"
    }

    private static func trim(_ raw: Substring) -> String {
        let scalars = raw.unicodeScalars.filter { $0 != "\u{0C}" && $0 != "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
