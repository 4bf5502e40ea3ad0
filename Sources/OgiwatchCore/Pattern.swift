import Foundation

/// A regular expression of a rule, compiled when the rule set loads so that a bad pattern
/// is a load error and checking a report compiles nothing.
struct Pattern: Sendable, Equatable {
    /// The expression as written, named patterns (`$fee_statement`) resolved.
    let source: String
    /// The `$name` the rule wrote, if it used a named pattern.
    let name: String?
    private let compiled: Compiled

    /// Text each match must contain (see `RequiredLiteral`): a byte search that rules the
    /// pattern out is far cheaper than the regular expression engine.
    private let literal: String?

    /// Nil when the expression does not compile; the caller names the rule and field.
    init?(_ source: String, name: String? = nil) {
        guard let regex = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.name = name
        self.compiled = Compiled(regex: regex)
        self.literal = RequiredLiteral.of(source)
    }

    static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }

    // NSRegularExpression is immutable once built and safe to share across threads.
    private final class Compiled: @unchecked Sendable {
        let regex: NSRegularExpression
        init(regex: NSRegularExpression) { self.regex = regex }
    }

    /// The first match in `text`, with its capture groups.
    func firstMatch(in text: String) -> [String]? {
        matches(in: text, limit: 1).first
    }

    func matches(in text: String, limit: Int = .max) -> [[String]] {
        if let literal, !text.includes(literal) { return [] }
        var result: [[String]] = []
        let ns = text as NSString
        compiled.regex.enumerateMatches(in: text, range: NSRange(location: 0, length: ns.length)) { match, _, stop in
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
