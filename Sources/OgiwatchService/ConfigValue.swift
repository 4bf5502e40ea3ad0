import Foundation
import Yams

/// Typed reads from a YAML node that fail with the dotted key they concern.
public struct ConfigValue {
    public let node: Node
    public let key: String

    public init(node: Node, key: String) {
        self.node = node
        self.key = key
    }

    public func mapping(allowed: Set<String>) throws(ServiceConfigError) -> [String: ConfigValue] {
        guard let mapping = node.mapping else { throw ServiceConfigError(key: key, problem: "应为键值映射") }
        var result: [String: ConfigValue] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw ServiceConfigError(key: key, problem: "键必须是字符串") }
            let full = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                throw ServiceConfigError(key: full, problem: "未知的配置项（可用：\(allowed.sorted().joined(separator: "、"))）")
            }
            result[name] = ConfigValue(node: value, key: full)
        }
        return result
    }

    public func string() throws(ServiceConfigError) -> String {
        guard let scalar = node.scalar, !scalar.string.isEmpty else { throw ServiceConfigError(key: key, problem: "应为非空字符串") }
        return scalar.string
    }

    /// A list of strings; a single string counts as a one-element list.
    public func strings() throws(ServiceConfigError) -> [String] {
        if node.scalar != nil { return [try string()] }
        guard let sequence = node.sequence else { throw ServiceConfigError(key: key, problem: "应为字符串列表") }
        return try sequence.enumerated().map { index, item throws(ServiceConfigError) in
            try ConfigValue(node: item, key: "\(key)[\(index)]").string()
        }
    }

    public func bool() throws(ServiceConfigError) -> Bool {
        guard let value = node.bool else { throw ServiceConfigError(key: key, problem: "应为 true 或 false") }
        return value
    }

    public func integer(atLeast minimum: Int) throws(ServiceConfigError) -> Int {
        guard let value = node.int, value >= minimum else { throw ServiceConfigError(key: key, problem: "应为不小于 \(minimum) 的整数") }
        return value
    }

    /// Seconds, written as a number (`2`, `0.25`) or with a unit (`250ms`, `2s`, `5m`).
    public func duration() throws(ServiceConfigError) -> Double {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let text = try string().trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number >= 0, number.isFinite {
                return number * factor
            }
        }
        if let number = Double(text), number >= 0, number.isFinite { return number }
        throw ServiceConfigError(key: key, problem: "应为时长，如 2s、250ms 或 5m，实际为 '\(text)'")
    }

    /// Bytes, written as a number or with a unit (`64MiB`, `10MB`, `512KiB`).
    public func size() throws(ServiceConfigError) -> Int {
        let units: [(String, Int)] = [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1000),
                                      ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1)]
        let text = try string().trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let number = Int(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number > 0 {
                return number * factor
            }
        }
        if let number = Int(text), number > 0 { return number }
        throw ServiceConfigError(key: key, problem: "应为大小，如 64MiB 或 10MB，实际为 '\(text)'")
    }
}
