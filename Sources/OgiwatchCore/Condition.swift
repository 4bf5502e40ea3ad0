/// When a rule or one of its checks applies. What does not apply is silent, never a pass
/// or a failure. All the conditions given must hold.
struct Condition: Sendable, Equatable {
    var yearFrom: Int?
    var yearUntil: Int?
    /// On the organ name (e.g. only 各级人民政府).
    var organMatches: Pattern?
    var organNotMatches: Pattern?
    /// Over the whitespace-free prose (tables excluded): a check that only makes sense when
    /// the report talks about something (收费通知).
    var textMatches: Pattern?
    /// A sum of cells such as `T3.unpaid_fee.total` that must be above zero.
    var cellPositive: CellSum?

    static let fields = ["year_from", "year_until", "organ_matches", "organ_not_matches", "text_matches", "cell_positive"]

    /// The conditions in the words `rules explain` shows a rule author.
    var wording: String {
        var parts: [String] = []
        if let yearFrom { parts.append("\(yearFrom) 年度起") }
        if let yearUntil { parts.append("至 \(yearUntil) 年度") }
        if let organMatches { parts.append("机关名称匹配 \(organMatches.source)") }
        if let organNotMatches { parts.append("且不匹配 \(organNotMatches.source)") }
        if let textMatches { parts.append("正文含 \(textMatches.source)") }
        if let cellPositive { parts.append("\(cellPositive.text) 大于 0") }
        return parts.joined(separator: "，")
    }
}
