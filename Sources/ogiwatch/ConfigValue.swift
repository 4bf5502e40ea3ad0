import Foundation
import Yams

/// Typed reads from a YAML node that fail with the dotted key they concern.
struct ConfigValue {
    let node: Node
    let key: String

    func mapping(allowed: Set<String>) throws(ServiceConfigError) -> [String: ConfigValue] {
        guard let mapping = node.mapping else { throw ServiceConfigError(key: key, problem: "expected a mapping of keys") }
        var result: [String: ConfigValue] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw ServiceConfigError(key: key, problem: "keys must be strings") }
            let full = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                throw ServiceConfigError(key: full, problem: "unknown key (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            result[name] = ConfigValue(node: value, key: full)
        }
        return result
    }

    func string() throws(ServiceConfigError) -> String {
        guard let scalar = node.scalar, !scalar.string.isEmpty else { throw ServiceConfigError(key: key, problem: "expected a non-empty string") }
        return scalar.string
    }

    /// A list of strings; a single string counts as a one-element list.
    func strings() throws(ServiceConfigError) -> [String] {
        if node.scalar != nil { return [try string()] }
        guard let sequence = node.sequence else { throw ServiceConfigError(key: key, problem: "expected a list of strings") }
        return try sequence.enumerated().map { index, item throws(ServiceConfigError) in
            try ConfigValue(node: item, key: "\(key)[\(index)]").string()
        }
    }

    func bool() throws(ServiceConfigError) -> Bool {
        guard let value = node.bool else { throw ServiceConfigError(key: key, problem: "expected true or false") }
        return value
    }

    func integer(atLeast minimum: Int) throws(ServiceConfigError) -> Int {
        guard let value = node.int, value >= minimum else { throw ServiceConfigError(key: key, problem: "expected a whole number ≥ \(minimum)") }
        return value
    }

    /// Seconds, written as a number (`2`, `0.25`) or with a unit (`250ms`, `2s`, `5m`).
    func duration() throws(ServiceConfigError) -> Double {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let text = try string().trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number >= 0, number.isFinite {
                return number * factor
            }
        }
        if let number = Double(text), number >= 0, number.isFinite { return number }
        throw ServiceConfigError(key: key, problem: "expected a duration such as 2s, 250ms or 5m, got '\(text)'")
    }

    /// Bytes, written as a number or with a unit (`64MiB`, `10MB`, `512KiB`).
    func size() throws(ServiceConfigError) -> Int {
        let units: [(String, Int)] = [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1000),
                                      ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1)]
        let text = try string().trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let number = Int(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number > 0 {
                return number * factor
            }
        }
        if let number = Int(text), number > 0 { return number }
        throw ServiceConfigError(key: key, problem: "expected a size such as 64MiB or 10MB, got '\(text)'")
    }
}
