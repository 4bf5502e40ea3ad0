import Foundation

/// RFC 2047 `=?UTF-8?B?…?=` words for a non-ASCII header. Words are cut between characters,
/// never inside one (a cut UTF-8 sequence decodes to U+FFFD in many clients), and each is
/// at most 75 characters so that, one per line, no header line passes 76.
enum EncodedWord {
    static let maxLength = 75
    private static let overhead = "=?UTF-8?B??=".count

    /// The words for `text`, the first of which must fit in `firstRoom` characters (what the
    /// header name leaves on the first line) and the rest in 75.
    static func encode(_ text: String, firstRoom: Int) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func budget() -> Int { (min(words.isEmpty ? firstRoom : maxLength, maxLength) - overhead) / 4 * 3 }
        func flush() {
            words.append("=?UTF-8?B?" + Data(current).base64EncodedString() + "?=")
            current = []
        }
        for character in text {
            // A grapheme cluster too long for one word (stacked combining marks) is cut between scalars.
            let pieces = character.utf8.count <= budget() ? [Array(character.utf8)] : character.unicodeScalars.map { Array(String($0).utf8) }
            for piece in pieces {
                if !current.isEmpty, current.count + piece.count > budget() { flush() }
                current += piece
            }
        }
        if !current.isEmpty || words.isEmpty { flush() }
        return words
    }
}
