/// Recognises finding messages that would show the mail's reader the checker's internals:
/// pattern syntax from a rule file (`(切实|进一步)`, `\d+`, `.*`) or a raw cell dump (「…」栏0).
/// Rule files are data, local ones written on site, so the summary checks every message
/// rather than trusting each rule's wording; text quoted from the report in 「」 is the
/// report's own and may hold anything.
enum InternalText {
    private static let patternCharacters: Set<Character> = ["(", ")", "[", "]", "{", "}", "|", "\\", "*", "^", "$"]

    static func leaks(_ message: String) -> Bool {
        let own = unquoted(message)
        if own.contains(where: patternCharacters.contains) { return true }
        // A column label followed straight by its cell: 「商业企业」栏0.
        let characters = Array(own)
        for (index, character) in characters.enumerated() where character == "栏" && index + 1 < characters.count {
            let next = characters[index + 1]
            if next.isASCII, next.isLetter || next.isNumber || next == "-" { return true }
        }
        return false
    }

    /// The message without its 「…」 quotations (nested ones included).
    static func unquoted(_ message: String) -> String {
        var depth = 0
        var out = ""
        for character in message {
            if character == "「" { depth += 1; out.append("「"); continue }
            if character == "」", depth > 0 { depth -= 1; out.append("」"); continue }
            if depth == 0 { out.append(character) }
        }
        return out
    }
}
