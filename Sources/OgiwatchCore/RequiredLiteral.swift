/// The longest piece of plain text every match of a regular expression must contain, found
/// by reading the pattern's top level: `不予处理(的)?(\d+)件` needs 「不予处理」. Prose rarely
/// holds most of what the rules look for, and a byte search that rules a pattern out is far
/// cheaper than running the regular expression engine over the report.
///
/// Conservative by construction: a top-level `|`, a flag group or anything not understood
/// gives nil, and nil only means the engine always runs.
enum RequiredLiteral {
    static func of(_ pattern: String) -> String? {
        let chars = Array(pattern)
        var best = ""
        var run = ""
        var depth = 0
        var i = 0
        func close() {
            if run.count > best.count { best = run }
            run = ""
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "(":
                // An inline flag such as (?i) changes how the rest matches: give up.
                if depth == 0, i + 2 < chars.count, chars[i + 1] == "?", chars[i + 2].isLetter { return nil }
                close()
                depth += 1
            case ")":
                depth -= 1
                if depth < 0 { return nil }
                close()
            case "|":
                if depth == 0 { return nil }
                close()
            case "[":
                close()
                // Skip the class; `]` first in the class is a member, not its end.
                i += 1
                if i < chars.count, chars[i] == "^" { i += 1 }
                if i < chars.count, chars[i] == "]" { i += 1 }
                while i < chars.count, chars[i] != "]" {
                    if chars[i] == "\\" { i += 1 }
                    i += 1
                }
            case "\\":
                close()
                i += 1
            case "?", "*", "+", "{":
                // The character before is optional or repeated: it is not required as written.
                if depth == 0, !run.isEmpty { run.removeLast() }
                close()
                if c == "{" { while i < chars.count, chars[i] != "}" { i += 1 } }
            case ".", "^", "$":
                close()
            default:
                if depth == 0 { run.append(c) }
            }
            i += 1
        }
        close()
        return best.isEmpty ? nil : best
    }
}
