import Foundation

/// The organ named by a report, shown only when it reads like one. Names taken from web
/// pages can carry the site's breadcrumb (「首页>信息公开>…」), a page title or a stray
/// sentence; the mail then names the file instead of repeating the junk.
enum OrganName {
    static let maximumLength = 40

    /// Characters an organ's name is made of: CJK ideographs, 〇, digits and the brackets
    /// and dots of names such as 「中共某县委办公室（县政府办公室）」.
    private static let punctuation: Set<Character> = ["（", "）", "(", ")", "·", "、", "〇"]

    static func plausible(_ text: String?) -> String? {
        guard let text else { return nil }
        let name = text.trimmingCharacters(in: .whitespaces)
        guard (2...maximumLength).contains(name.count), name.contains(where: isIdeograph),
              name.allSatisfy({ isIdeograph($0) || $0.isNumber || punctuation.contains($0) }),
              !name.contains("报告") else { return nil }
        return name
    }

    private static func isIdeograph(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
