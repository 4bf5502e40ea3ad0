/// One problem found in one report, with everything needed to find it in the document.
public struct Finding: Sendable, Equatable, Hashable, Codable {
    /// The stable rule id from `Rules/`, such as `T3.BALANCE`.
    public var rule: String
    public var severity: Severity
    /// A sentence in Chinese for a 政务公开 clerk.
    public var message: String
    public var location: Location
    /// For arithmetic: what the other cells add up to, and what the report says.
    public var expected: String?
    public var actual: String?

    public init(rule: String, severity: Severity, message: String, location: Location = Location(),
                expected: String? = nil, actual: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.expected = expected
        self.actual = actual
    }
}

/// Where a finding points. Every part is optional because not every rule has a place:
/// a missing section has no line.
public struct Location: Sendable, Equatable, Hashable, Codable {
    /// Section numeral, `一` to `六`.
    public var section: String?
    /// Table numeral, `二`, `三` or `四`.
    public var table: String?
    public var row: String?
    public var column: String?
    /// 1-based line (or paragraph) in the source.
    public var line: Int?

    public init(section: String? = nil, table: String? = nil, row: String? = nil, column: String? = nil, line: Int? = nil) {
        self.section = section
        self.table = table
        self.row = row
        self.column = column
        self.line = line
    }

    /// 「表三·（七）总计·其他·第 12 行」, for human output.
    public var display: String {
        var parts: [String] = []
        if let table { parts.append("表\(table)") } else if let section { parts.append("第\(section)部分") }
        if let row { parts.append(row) }
        if let column { parts.append(column) }
        if let line { parts.append("第\(line)行") }
        return parts.joined(separator: "·")
    }
}
