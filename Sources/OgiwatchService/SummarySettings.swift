import Foundation

/// The `summary:` section, kept for `ogiwatch summary`: who gets the daily mail and when it
/// is sent at all.
public struct SummarySettings: Equatable, Sendable {
    public enum Policy: String, CaseIterable, Sendable {
        case always
        case onlyOnFindings = "only-on-findings"
    }

    public var from: String?
    public var to: [String] = []
    public var subjectPrefix: String = "ogiwatch"
    public var timeZone: String = TimeZone.current.identifier
    public var policy: Policy = .onlyOnFindings

    static let keys: Set<String> = ["from", "to", "subject_prefix", "time_zone", "policy"]

    public init() {}

    init(_ value: ConfigValue) throws(ServiceConfigError) {
        let fields = try value.mapping(allowed: Self.keys)
        if let from = fields["from"] { self.from = try Self.address(from) }
        if let to = fields["to"] {
            self.to = try to.strings().map { text throws(ServiceConfigError) in
                try Self.address(ConfigValue(node: .init(text), key: to.key))
            }
        }
        if let prefix = fields["subject_prefix"] { subjectPrefix = try prefix.string() }
        if let zone = fields["time_zone"] {
            let name = try zone.string()
            guard TimeZone(identifier: name) != nil else {
                throw ServiceConfigError(key: zone.key, problem: "未知的时区 '\(name)'（请用 IANA 名称，如 Asia/Shanghai）")
            }
            timeZone = name
        }
        if let policyValue = fields["policy"] {
            let text = try policyValue.string()
            guard let policy = Policy(rawValue: text) else {
                throw ServiceConfigError(key: policyValue.key, problem: "应为 \(Policy.allCases.map(\.rawValue).joined(separator: "、")) 之一，实际为 '\(text)'")
            }
            self.policy = policy
        }
    }

    /// Mail addresses go into headers: refuse anything that could break one.
    private static func address(_ value: ConfigValue) throws(ServiceConfigError) -> String {
        let text = try value.string()
        guard text.contains("@"), text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7f }) else {
            throw ServiceConfigError(key: value.key, problem: "应为纯 ASCII 邮件地址，实际为 '\(text)'")
        }
        return text
    }
}
