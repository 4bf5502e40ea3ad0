/// Recognises the six section headings of a report so a table never swallows one.
///
/// Numbering alone is not enough: table 三 has row labels `一、本年新收…` and
/// `四、结转下年度继续办理`, and huaian prints a bare `三、` as a vertical label. A heading is
/// the numeral, a separator, and a title carrying that section's keywords (domain §1.2).
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

    static func matches(_ text: String) -> Bool {
        guard let first = text.first, let numeral = arabic[first] ?? (keywords[first] != nil ? first : nil) else {
            return false
        }
        let rest = text.dropFirst()
        guard let separator = rest.first, "、．.，".contains(separator) else { return false }
        let title = rest.dropFirst().filter { $0 != " " && $0 != "\u{3000}" }
        // A heading is a line of its own; a long line is prose that starts like one.
        guard !title.isEmpty, title.count <= 30 else { return false }
        return keywords[numeral, default: []].contains { words in words.allSatisfy { title.contains($0) } }
    }
}
