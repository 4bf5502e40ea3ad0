import OgiwatchCore

/// Recognises the six section headings of a report so a table never swallows one, and the
/// shape of any numbered title so that prose keeps it a paragraph of its own.
///
/// Numbering alone is not enough: table 三 has row labels `一、本年新收…` and
/// `四、结转下年度继续办理`, and a vertical table label can read `三、`. A heading is the
/// numeral, a separator, and a title carrying that section's keywords (README, "How a report is read"); the
/// paren class `（二）主动公开政府信息情况` counts too (RULES §5).
enum SectionHeading {
    private static let keywords: [Character: [[String]]] = [
        "一": [["总体情况"], ["概述"]],
        "二": [["主动公开"]],
        "三": [["收到和处理"]],
        "四": [["复议", "诉讼"]],
        "五": [["问题", "改进"]],
        "六": [["其他需要报告"]],
    ]
    private static let arabic: [Character: Character] = ["1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六"]
    /// Longer than this, a numbered line is a sentence that starts like a heading.
    static let maxTitleLength = 40

    /// A heading of one of the six sections, by its keywords.
    static func matches(_ text: String) -> Bool {
        guard let (numeral, title) = numberedTitle(text) else { return false }
        let main = arabic[numeral] ?? numeral
        return keywords[main, default: []].contains { words in words.allSatisfy { title.contains($0) } }
    }

    /// `二、…`, `2、…`, `（二）…` with a short title that is not a sentence: the shape of a
    /// heading whatever its words, as a renamed section (`二、信息主动发布情况`) has.
    static func isNumberedTitle(_ text: String) -> Bool {
        guard let (_, title) = numberedTitle(text) else { return false }
        return !title.hasSuffix("。")
    }

    /// The numeral and the title without spaces, for a line shaped like a top-level heading.
    private static func numberedTitle(_ text: String) -> (Character, String)? {
        let normalized = Normalize.nfkc(String(text.unicodeScalars.prefix(4 * maxTitleLength)))
        var rest = Substring(normalized).drop { $0 == " " }
        var numeral: Character?
        if rest.first == "(" {
            rest = rest.dropFirst()
            numeral = rest.first
            rest = rest.dropFirst()
            guard rest.first == ")" else { return nil }
        } else {
            numeral = rest.first
            rest = rest.dropFirst()
            guard let separator = rest.first, "、.,".contains(separator) else { return nil }
        }
        guard let numeral, keywords[numeral] != nil || arabic[numeral] != nil || ChineseNumeral.isNumeral(numeral) else { return nil }
        let title = rest.dropFirst().filter { $0 != " " }
        guard !title.isEmpty, title.count <= maxTitleLength else { return nil }
        return (numeral, String(title))
    }
}
