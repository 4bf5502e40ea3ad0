import OgiwatchCore
import OgiwatchEvents
import OgiwatchText

/// One structured journal entry. Field values are bytes because a file name is bytes;
/// `sd_journal_sendv` frames values holding a newline in binary, so no value can forge a field.
public struct JournalEntry: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: [UInt8]

        public init(_ name: String, _ value: [UInt8]) {
            self.name = name
            self.value = value
        }

        public init(_ name: String, _ text: String) {
            self.init(name, Array(text.utf8))
        }
    }

    public var message: String
    public var priority: JournalPriority
    public var messageID: String
    public var fields: [Field]

    public init(message: String, priority: JournalPriority, messageID: String, fields: [Field] = []) {
        self.message = message
        self.priority = priority
        self.messageID = messageID
        self.fields = fields
    }

    /// The value of a field, for tests and the stderr fallback.
    public func value(_ name: String) -> [UInt8]? { fields.first { $0.name == name }?.value }

    /// The entry for one finding in one file. The file name in `MESSAGE` is C-escaped; the raw
    /// bytes go to `OGIWATCH_FILE`.
    public static func finding(_ finding: Finding, messageID: String, file: FileIdentity) -> JournalEntry {
        let where_ = finding.location.display
        var text = "\(SafeText.escaped(file.path))：\(finding.severity.chinese) \(finding.rule)"
        if !where_.isEmpty { text += "（\(where_)）" }
        text += "：\(finding.message)"
        var fields = file.fields
        fields.append(Field("OGIWATCH_RULE", finding.rule))
        fields.append(Field("OGIWATCH_SEVERITY", finding.severity.rawValue))
        let optional: [(String, String?)] = [
            ("OGIWATCH_SECTION", finding.location.section), ("OGIWATCH_TABLE", finding.location.table),
            ("OGIWATCH_ROW", finding.location.row), ("OGIWATCH_COLUMN", finding.location.column),
            ("OGIWATCH_LINE", finding.location.line.map(String.init)),
            ("OGIWATCH_EXPECTED", finding.expected), ("OGIWATCH_ACTUAL", finding.actual),
        ]
        for (name, value) in optional { if let value { fields.append(Field(name, value)) } }
        return JournalEntry(message: text, priority: JournalPriority(finding.severity), messageID: messageID, fields: fields)
    }

    /// A verdict, health or housekeeping entry. `file`, when given, adds the file fields.
    public static func event(_ event: ServiceEvent, priority: JournalPriority, message: String, file: FileIdentity? = nil,
                             fields extra: [Field] = []) -> JournalEntry {
        var fields = [Field("OGIWATCH_EVENT", event.rawValue)]
        if let file { fields += file.fields }
        return JournalEntry(message: message, priority: priority, messageID: event.messageID, fields: fields + extra)
    }
}
