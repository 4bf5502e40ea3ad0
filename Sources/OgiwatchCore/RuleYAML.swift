import Foundation
import Yams

/// Where in the rule files a value is read (the file, and the rule when inside one), so
/// every problem can name its file, rule, field and line.
struct RulePlace: Sendable {
    var file: String
    var rule: String?

    func problem(_ node: Node?, _ field: String?, _ text: String) -> RuleProblem {
        RuleProblem(file: file, line: node?.mark?.line, rule: rule, field: field, text: text)
    }
}

/// A mapping of a rule file read key by key. Swift's decoder would ignore a misspelt key and
/// report wrong types in its own English; this names the file, rule, field and line in
/// Chinese and refuses keys the part does not use.
struct YAMLMap {
    let node: Node
    let mapping: Node.Mapping
    let place: RulePlace

    init(_ node: Node, field: String?, place: RulePlace) throws(RuleProblem) {
        guard let mapping = node.mapping else {
            throw place.problem(node, field, "应为映射（`键: 值` 的形式），实际为\(Self.shape(of: node))")
        }
        self.node = node
        self.mapping = mapping
        self.place = place
    }

    static func shape(of node: Node) -> String {
        switch node {
        case .scalar(let s): "「\(s.string)」"
        case .sequence: "列表"
        case .mapping: "映射"
        }
    }

    /// The first key not in `allowed`, refused with `why` (which may list what is allowed).
    func refuseOthers(_ allowed: Set<String>, why: (String) -> String) throws(RuleProblem) {
        for key in mapping.keys {
            let name = key.string ?? "?"
            if !allowed.contains(name) { throw place.problem(key, name, why(name)) }
        }
    }

    /// The value of a key; a key written without a value (`rules:` alone) counts as absent.
    subscript(_ key: String) -> Node? {
        guard let value = mapping[key] else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain, NSNull.construct(from: scalar) != nil { return nil }
        return value
    }

    func string(_ key: String) throws(RuleProblem) -> String? {
        guard let value = self[key] else { return nil }
        guard case .scalar(let scalar) = value else {
            throw place.problem(value, key, "应为一个值，实际为\(Self.shape(of: value))")
        }
        return scalar.string
    }

    func required(_ key: String) throws(RuleProblem) -> String {
        guard let value = try string(key) else { throw place.problem(node, key, "缺少字段 \(key)") }
        guard !value.isEmpty else { throw place.problem(self[key], key, "\(key) 不能为空") }
        return value
    }

    func int(_ key: String) throws(RuleProblem) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text) else { throw place.problem(self[key], key, "应为整数，实际为「\(text)」") }
        return value
    }

    func bool(_ key: String) throws(RuleProblem) -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw place.problem(self[key], key, "应为 true 或 false，实际为「\(text)」")
        }
    }

    /// A list of nodes; a single value is not a list.
    func list(_ key: String) throws(RuleProblem) -> [Node]? {
        guard let value = self[key] else { return nil }
        guard let sequence = value.sequence else {
            throw place.problem(value, key, "应为列表（如 [a, b]），实际为\(Self.shape(of: value))")
        }
        return Array(sequence)
    }

    func strings(_ key: String) throws(RuleProblem) -> [String]? {
        guard let items = try list(key) else { return nil }
        return try items.map { item throws(RuleProblem) in
            guard case .scalar(let scalar) = item else {
                throw place.problem(item, key, "列表中应为文字，实际为\(Self.shape(of: item))")
            }
            return scalar.string
        }
    }

    /// One of the values an enum allows; anything else is refused with the allowed list.
    func value<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(RuleProblem) -> E? where E.RawValue == String {
        guard let text = try string(key) else { return nil }
        return try Self.parse(text, type, node: self[key], key: key, place: place)
    }

    static func parse<E: RawRepresentable & CaseIterable>(_ text: String, _ type: E.Type, node: Node?, key: String,
                                                          place: RulePlace) throws(RuleProblem) -> E where E.RawValue == String {
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: "、")
            throw place.problem(node, key, "未知的取值「\(text)」，可用的取值：\(allowed)")
        }
        return value
    }

    func severity(_ key: String) throws(RuleProblem) -> Severity? {
        guard let text = try string(key) else { return nil }
        guard let value = Severity(rawValue: text) else {
            let allowed = Severity.allCases.reversed().map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、")
            throw place.problem(self[key], key, "未知的严重程度「\(text)」，可用的取值：\(allowed)")
        }
        return value
    }
}
