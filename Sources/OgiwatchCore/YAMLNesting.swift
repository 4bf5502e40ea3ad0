/// How deeply a rule file's YAML nests, estimated before it is composed: the YAML library
/// composes nodes recursively, so a file of ten thousand `[` would overflow the stack. The
/// estimate never falls short of the real depth (a block level needs a deeper column, a flow
/// level a bracket outside quotes and comments), and the shipped rules nest about ten deep.
enum YAMLNesting {
    static let limit = 100

    /// The first line whose estimated depth passes `limit`, or nil.
    static func lineBeyondLimit(in text: String) -> Int? {
        var flow = 0
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let indent = line.prefix { " -?:\t".contains($0) }.count
            var quote: Character?
            var previous: Character = " "
            for char in line {
                if let open = quote {
                    if char == open && !(open == "\"" && previous == "\\") { quote = nil }
                } else if char == "#" && (previous == " " || previous == "\t") {
                    break
                } else if char == "'" || char == "\"" {
                    quote = char
                } else if char == "[" || char == "{" {
                    flow += 1
                } else if char == "]" || char == "}" {
                    flow = max(0, flow - 1)
                }
                previous = previous == "\\" && char == "\\" ? " " : char
                if 2 * (indent + 1) + flow > limit { return index + 1 }
            }
        }
        return nil
    }
}
