/// One of the statistical tables of an annual report. Rules name them `T2`, `T3`, `T4`;
/// clerks and messages name them by numeral (表二).
enum StatTable: String, Sendable, CaseIterable {
    case two = "T2"
    case three = "T3"
    case four = "T4"

    /// 二, 三 or 四: the table's number in the template, which is also its section's.
    var numeral: String {
        switch self {
        case .two: "二"
        case .three: "三"
        case .four: "四"
        }
    }
}
