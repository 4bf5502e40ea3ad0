import Yams

/// The keys each part of a rule file may use. Swift's decoder ignores unknown keys, so a
/// misspelt `severty:` in a local override would silently do nothing; this finds it.
indirect enum RuleFileSchema: Sendable {
    /// A mapping with these keys, each with its own schema.
    case mapping([String: RuleFileSchema])
    /// A mapping whose keys are free (pattern names, rule ids), values of one schema.
    case dictionary(RuleFileSchema)
    case list(RuleFileSchema)
    case scalar
    /// Anything (checked by the decoder itself).
    case any

    static let column = mapping(["key": .scalar, "label": .scalar, "domain": .scalar])
    static let row = mapping(["key": .scalar, "label": .scalar, "group": .scalar, "match": .scalar,
                              "tags": .list(.scalar), "stands_for": .list(.scalar)])
    static let table = mapping(["numeral": .scalar, "opening": .list(.scalar), "columns": .list(column), "rows": .list(row),
                                "blocks": .list(.mapping(["item": .scalar, "columns": .list(column), "rows": .list(row)]))])
    static let condition = mapping(Dictionary(uniqueKeysWithValues: Condition.CodingKeys.allCases.map { ($0.stringValue, .scalar) }))
    static let check = mapping(Dictionary(uniqueKeysWithValues: CheckSpec.CodingKeys.allCases.map { key in
        switch key {
        case .claims: (key.stringValue, RuleFileSchema.list(.mapping(["what": .scalar, "pattern": .scalar, "compare": .list(.scalar)])))
        case .when: (key.stringValue, condition)
        default: (key.stringValue, .any)
        }
    }))
    static let rule = mapping([
        "id": .scalar, "severity": .scalar, "enabled": .scalar, "title": .scalar, "explain": .scalar,
        "message": .scalar, "message_id": .scalar, "templates": .list(.scalar),
        "when": condition,
        "by_year": .list(.mapping(["from": .scalar, "until": .scalar, "severity": .scalar])),
        "check": check, "checks": .list(check),
    ])
    static let file = mapping([
        "template": .mapping(["id": .scalar, "name": .scalar, "markers": .list(.scalar), "year_from": .scalar,
                              "year_until": .scalar, "tables": .mapping(["T2": table, "T3": table, "T4": table])]),
        "sections": .list(.mapping(["number": .scalar, "title": .scalar, "accepted": .list(.scalar)])),
        "patterns": .dictionary(.scalar),
        "rules": .list(rule),
        "overrides": .dictionary(.mapping(["severity": .scalar, "enabled": .scalar])),
    ])

    /// Every key the schema does not allow, with its path.
    func unknownKeys(in node: Node, path: String = "") -> [String] {
        switch (self, node) {
        case (.mapping(let keys), .mapping(let mapping)):
            return mapping.flatMap { key, value -> [String] in
                let name = key.string ?? "?"
                let here = path.isEmpty ? name : path + "." + name
                guard let schema = keys[name] else { return [here] }
                return schema.unknownKeys(in: value, path: here)
            }
        case (.dictionary(let schema), .mapping(let mapping)):
            return mapping.flatMap { key, value in schema.unknownKeys(in: value, path: path + "." + (key.string ?? "?")) }
        case (.list(let schema), .sequence(let sequence)):
            return sequence.enumerated().flatMap { i, item in schema.unknownKeys(in: item, path: "\(path)[\(i)]") }
        default:
            return []
        }
    }
}
