import Foundation

/// Compiled regular expressions, built once when the rule set loads so that a bad pattern
/// is a load error and checking a report compiles nothing.
final class PatternCache: @unchecked Sendable {
    // Immutable after init; NSRegularExpression is safe to share across threads.
    private let compiled: [String: NSRegularExpression]
    /// Text each pattern's matches must contain (see `RequiredLiteral`).
    private let literals: [String: String]

    init(patterns: Set<String>) throws(RuleSetError) {
        var compiled: [String: NSRegularExpression] = [:]
        var literals: [String: String] = [:]
        var problems: [String] = []
        for pattern in patterns {
            do {
                compiled[pattern] = try NSRegularExpression(pattern: pattern)
                literals[pattern] = RequiredLiteral.of(pattern)
            } catch {
                problems.append("正则表达式无效：\(pattern)")
            }
        }
        if !problems.isEmpty { throw RuleSetError(problems: problems.sorted()) }
        self.compiled = compiled
        self.literals = literals
    }

    func regex(_ pattern: String) -> NSRegularExpression? { compiled[pattern] }

    /// The first match of `pattern` in `text`, with its capture groups.
    func firstMatch(_ pattern: String, in text: String) -> [String]? {
        matches(pattern, in: text, limit: 1).first
    }

    func matches(_ pattern: String, in text: String, limit: Int = .max) -> [[String]] {
        guard let regex = compiled[pattern] else { return [] }
        if let literal = literals[pattern], !text.includes(literal) { return [] }
        var result: [[String]] = []
        let ns = text as NSString
        regex.enumerateMatches(in: text, range: NSRange(location: 0, length: ns.length)) { match, _, stop in
            guard let match else { return }
            result.append((0..<match.numberOfRanges).map { i in
                let r = match.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            })
            if result.count >= limit { stop.pointee = true }
        }
        return result
    }
}
