/// Decodes the character references report pages use.
///
/// `&nbsp;` is kept as U+00A0 rather than a space so a cell holding only `&nbsp;` can be
/// recognised as blank and table padding stays visible to the rules. Unknown references stay
/// as written: a clerk seeing `&foo;` is better than silently losing text.
enum HtmlEntities {
    private static let named: [String: Unicode.Scalar] = [
        "nbsp": "\u{00A0}", "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "middot": "\u{00B7}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "times": "\u{00D7}", "divide": "\u{00F7}", "plusmn": "\u{00B1}",
        "yen": "\u{00A5}", "copy": "\u{00A9}", "reg": "\u{00AE}", "deg": "\u{00B0}", "bull": "\u{2022}",
    ]

    /// Longest reference worth looking at; anything longer is text with a stray `&`.
    private static let maxLength = 12

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let input = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < input.count {
            guard input[index] == "&",
                  let semicolon = input[(index + 1)..<min(input.count, index + 2 + maxLength)].firstIndex(of: ";"),
                  let scalar = reference(String(String.UnicodeScalarView(input[(index + 1)..<semicolon]))) else {
                output.append(input[index])
                index += 1
                continue
            }
            output.append(scalar)
            index = semicolon + 1
        }
        return String(output)
    }

    private static func reference(_ body: String) -> Unicode.Scalar? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(scalar)
        }
        if body.hasPrefix("#") {
            return UInt32(body.dropFirst(), radix: 10).flatMap(scalar)
        }
        return named[body] ?? named[body.lowercased()]
    }

    /// NUL and invalid code points become U+FFFD, as browsers do.
    private static func scalar(_ value: UInt32) -> Unicode.Scalar? {
        value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
