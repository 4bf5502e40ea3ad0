import OgiwatchCore
import OgiwatchText

/// Renders untrusted bytes and strings (file names, organ names, finding text taken from a
/// report) so they cannot forge a line, a terminal sequence or markup in the mail.
public enum DisplayText {
    /// The journal's spelling of untrusted bytes (see `SafeText`), so a name in the mail can
    /// be searched for there.
    public static func escaped(_ bytes: [UInt8]) -> String {
        SafeText.escaped(bytes)
    }

    /// The same treatment for text that is already a `String`.
    public static func escaped(_ text: String) -> String {
        escaped(Array(text.utf8))
    }

    /// Text safe inside HTML element content and double-quoted attribute values.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
