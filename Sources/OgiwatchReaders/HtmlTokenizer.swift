/// A tolerant, single-pass HTML tokenizer for report pages.
///
/// Government sites publish hand-edited and CMS-mangled HTML, and no HTML library is
/// available, so this accepts anything: unknown or unclosed tags, stray `<`, unquoted
/// attributes. It never recurses and always advances, so hostile input costs linear time.
/// Comments, doctypes and the contents of `script` and `style` are dropped; a `title` is
/// one text token, markup or not.
struct HtmlTokenizer: Sendable {
    enum Token: Sendable, Equatable {
        case start(name: String, attributes: [String: String])
        case end(name: String)
        case text(String)
    }

    private static let skippedContent: Set<String> = ["script", "style", "textarea"]
    /// Elements whose content is text only, never markup: kept as one text token.
    private static let rawContent: Set<String> = ["title"]

    static func tokens(_ html: String) -> [Token] {
        let input = Array(html.unicodeScalars)
        var tokens: [Token] = []
        var text = String.UnicodeScalarView()
        var index = 0

        func flushText() {
            if !text.isEmpty { tokens.append(.text(HtmlEntities.decode(String(text)))) }
            text = String.UnicodeScalarView()
        }

        while index < input.count {
            let scalar = input[index]
            guard scalar == "<", index + 1 < input.count else {
                text.append(scalar)
                index += 1
                continue
            }
            let next = input[index + 1]
            if next == "!" || next == "?" {
                flushText()
                index = skipMarkup(input, from: index)
            } else if next == "/", index + 2 < input.count, isNameStart(input[index + 2]) {
                flushText()
                let (name, _, after) = readTag(input, from: index + 2)
                tokens.append(.end(name: name))
                index = after
            } else if isNameStart(next) {
                flushText()
                let (name, attributes, after) = readTag(input, from: index + 1)
                tokens.append(.start(name: name, attributes: attributes))
                index = after
                if skippedContent.contains(name) {
                    index = skipRawText(input, from: index, until: name)
                } else if rawContent.contains(name) {
                    let end = skipRawText(input, from: index, until: name)
                    tokens.append(.text(HtmlEntities.decode(String(String.UnicodeScalarView(input[index..<end])))))
                    index = end
                }
            } else {
                text.append(scalar)
                index += 1
            }
        }
        flushText()
        return tokens
    }

    /// `<!-- … -->`, `<!DOCTYPE …>`, `<![CDATA[…]]>`, `<?xml …?>`: skipped to their end.
    private static func skipMarkup(_ input: [Unicode.Scalar], from start: Int) -> Int {
        if matches(input, at: start, "<!--") {
            return find(input, "-->", from: start + 4).map { $0 + 3 } ?? input.count
        }
        return (input[start...].firstIndex(of: ">") ?? input.count - 1) + 1
    }

    /// Reads a tag name and its attributes up to `>`; returns the index after it.
    private static func readTag(_ input: [Unicode.Scalar], from start: Int) -> (String, [String: String], Int) {
        var index = start
        var name = String.UnicodeScalarView()
        while index < input.count, !isSpace(input[index]), input[index] != ">", input[index] != "/" {
            name.append(input[index])
            index += 1
        }
        var attributes: [String: String] = [:]
        while index < input.count, input[index] != ">" {
            if isSpace(input[index]) || input[index] == "/" {
                index += 1
                continue
            }
            var key = String.UnicodeScalarView()
            while index < input.count, !isSpace(input[index]), !"=>/".unicodeScalars.contains(input[index]) {
                key.append(input[index])
                index += 1
            }
            if key.isEmpty { index += 1; continue }
            var value = ""
            while index < input.count, isSpace(input[index]) { index += 1 }
            if index < input.count, input[index] == "=" {
                index += 1
                while index < input.count, isSpace(input[index]) { index += 1 }
                (value, index) = readValue(input, from: index)
            }
            attributes[String(key).lowercased()] = HtmlEntities.decode(value)
        }
        return (String(name).lowercased(), attributes, min(index + 1, input.count))
    }

    private static func readValue(_ input: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var index = start
        var value = String.UnicodeScalarView()
        if index < input.count, input[index] == "\"" || input[index] == "'" {
            let quote = input[index]
            index += 1
            while index < input.count, input[index] != quote {
                value.append(input[index])
                index += 1
            }
            return (String(value), min(index + 1, input.count))
        }
        while index < input.count, !isSpace(input[index]), input[index] != ">" {
            value.append(input[index])
            index += 1
        }
        return (String(value), index)
    }

    /// Skips to the matching `</name` (case-insensitive) and returns its position.
    private static func skipRawText(_ input: [Unicode.Scalar], from start: Int, until name: String) -> Int {
        var index = start
        while let open = find(input, "</", from: index) {
            let candidate = String(String.UnicodeScalarView(input[(open + 2)..<min(open + 2 + name.unicodeScalars.count, input.count)]))
            if candidate.lowercased() == name { return open }
            index = open + 2
        }
        return input.count
    }

    private static func find(_ input: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        var index = start
        while index + pattern.count <= input.count {
            if input[index] == pattern[0], matches(input, at: index, needle) { return index }
            index += 1
        }
        return nil
    }

    private static func matches(_ input: [Unicode.Scalar], at index: Int, _ needle: String) -> Bool {
        let pattern = Array(needle.unicodeScalars)
        guard index + pattern.count <= input.count else { return false }
        return input[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && scalar.properties.isAlphabetic
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}"
    }
}
