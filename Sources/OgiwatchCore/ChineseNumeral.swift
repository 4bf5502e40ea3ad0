/// Chinese counting numerals as reports write them in headings, list items and table
/// captions (一 … 九十九), and the numeral a message shows for a section or table number.
public enum ChineseNumeral {
    static let digits: [Unicode.Scalar: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 一 … 九 or 十: a scalar that can be part of a counting numeral.
    public static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "十" || digits[scalar] != nil
    }

    public static func isNumeral(_ character: Character) -> Bool {
        character.unicodeScalars.count == 1 && character.unicodeScalars.first.map(isNumeral) == true
    }

    /// The value of one digit of a year written digit by digit (二〇二一, 二0二一): 〇, ○, 零 and
    /// 0 are zero.
    static func yearDigit(_ character: Character) -> Int? {
        switch character {
        case "〇", "○", "零", "0": 0
        default: character.unicodeScalars.count == 1 ? character.unicodeScalars.first.flatMap { digits[$0] } : nil
        }
    }

    /// 2021 as 二〇二一, the way titles write a year.
    static func year(_ value: Int) -> String {
        String(String(value).compactMap { digit in
            digit.wholeNumberValue.map { $0 == 0 ? "〇" : Character(string($0)) }
        })
    }

    /// The value of the numeral at the start of `scalars` and how many scalars it takes:
    /// 「三、」 → (3, 1), 「十二）」 → (12, 2), 「二十」 → (20, 2). Nil when none starts there.
    static func prefix<C: Collection>(of scalars: C) -> (value: Int, length: Int)? where C.Element == Unicode.Scalar {
        var it = scalars.makeIterator()
        guard let first = it.next() else { return nil }
        let second = it.next()
        let third = it.next()
        if first == "十" {
            if let second, let unit = digits[second] { return (10 + unit, 2) }
            return (10, 1)
        }
        guard let tens = digits[first] else { return nil }
        guard second == "十" else { return (tens, 1) }
        if let third, let unit = digits[third] { return (tens * 10 + unit, 3) }
        return (tens * 10, 2)
    }

    /// 一 for 1 … 十 for 10, 十一 … 九十九; other values as Arabic digits.
    public static func string(_ value: Int) -> String {
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 1...9: return names[value]
        case 10: return "十"
        case 11...19: return "十" + names[value - 10]
        case 20...99: return names[value / 10] + "十" + names[value % 10]
        default: return String(value)
        }
    }
}
