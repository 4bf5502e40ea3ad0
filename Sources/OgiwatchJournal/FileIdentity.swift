/// What identifies a checked file in every entry about it.
public struct FileIdentity: Sendable, Equatable {
    public var path: [UInt8]
    public var sha256: String?
    public var organ: String?
    public var year: Int?

    public init(path: [UInt8], sha256: String? = nil, organ: String? = nil, year: Int? = nil) {
        self.path = path
        self.sha256 = sha256
        self.organ = organ
        self.year = year
    }

    var fields: [JournalEntry.Field] {
        var fields = [JournalEntry.Field("OGIWATCH_FILE", path)]
        if let sha256 { fields.append(.init("OGIWATCH_DIGEST", sha256)) }
        if let organ { fields.append(.init("OGIWATCH_ORGAN", organ)) }
        if let year { fields.append(.init("OGIWATCH_YEAR", String(year))) }
        return fields
    }
}
