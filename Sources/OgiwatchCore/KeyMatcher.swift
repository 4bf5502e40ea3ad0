/// A row key: literal alternatives separated by `|`, each optionally anchored with `^` or
/// `$` to the start or end of the label. Literal matching keeps label search cheap: it runs
/// for every table row against every template row.
struct KeyMatcher: Sendable {
    struct Alternative: Sendable {
        var text: String
        var atStart: Bool
        var atEnd: Bool
    }

    let alternatives: [Alternative]

    init(_ key: String) {
        alternatives = key.split(separator: "|").map { part in
            var text = Substring(part)
            let atStart = text.hasPrefix("^")
            if atStart { text = text.dropFirst() }
            let atEnd = text.hasSuffix("$")
            if atEnd { text = text.dropLast() }
            return Alternative(text: Normalize.compact(String(text).replacingOccurrences(of: "\\", with: "")),
                               atStart: atStart, atEnd: atEnd)
        }
    }

    func matches(_ label: String) -> Bool {
        alternatives.contains { a in
            switch (a.atStart, a.atEnd) {
            case (true, true): label == a.text
            case (true, false): label.hasPrefix(a.text)
            case (false, true): label.hasSuffix(a.text)
            case (false, false): label.includes(a.text)
            }
        }
    }
}
