import Foundation

/// Title, organ and year (README, "How a report is read").
struct ReportMetadata {
    var title: String?
    var titleLine: Int?
    var titleOrgan: String?
    var titleYear: Int?
    var organ: String?
    var year: Int?

    /// `stated` outranks the title lines of the text, `fallback` stands in when there are none.
    init(preamble: [Paragraph], sections: [ReportSection], stated: String? = nil, fallback: String? = nil) {
        let titleLines = Self.titleLines(preamble)
        if let stated = stated.map(Normalize.trimCell), !stated.isEmpty {
            title = stated
            titleLine = preamble.first { Normalize.compact($0.text) == Normalize.compact(stated) }?.line
        } else if !titleLines.isEmpty {
            title = titleLines.map { Self.withoutFieldName(Normalize.trimCell($0.text)) }.joined()
            titleLine = titleLines.first?.line
        } else if let fallback = fallback.map(Normalize.trimCell), !fallback.isEmpty {
            title = fallback
        }
        if let title {
            let compact = Normalize.compact(title)
            titleYear = Self.year(in: compact)
            titleOrgan = Self.organ(inTitle: compact)
        }
        organ = titleOrgan
        year = titleYear
        guard organ == nil || year == nil else { return }
        // Only a title without organ or year sends us through the whole body.
        let bodyText = Normalize.compact((preamble + sections.flatMap(\.body)).map(\.text).joined())
        organ = organ ?? Self.organ(inBody: bodyText)
        year = year ?? Self.statisticsYear(bodyText) ?? Self.dominantYear(
            Normalize.compact(sections.first(where: { $0.number == 1 })?.body.map(\.text).joined() ?? bodyText))
    }

    /// The short lines at the top, before prose or the first heading: 000 splits its title
    /// over two lines (organ, then year and wording).
    static func titleLines(_ preamble: [Paragraph]) -> [Paragraph] {
        var lines: [Paragraph] = []
        for p in preamble {
            let t = Normalize.trimCell(p.text)
            if t.isEmpty { continue }
            if t.count > 60 || t.hasSuffix("。") || t.hasSuffix("：") || t.hasSuffix(":") { break }
            // PDF prose is hard-wrapped into short lines too: it starts like prose.
            if !lines.isEmpty, ["根据", "本报告", "按照", "依据", "现将"].contains(where: t.hasPrefix) { break }
            lines.append(p)
            if lines.count == 3 || Normalize.compact(t).hasSuffix("报告") { break }
        }
        return lines
    }

    /// 「标题: …」, as a crawler writes the page's title above the text: the title is what follows.
    static func withoutFieldName(_ line: String) -> String {
        for name in ["标题:", "标题："] where line.hasPrefix(name) {
            return Normalize.trimCell(String(line.dropFirst(name.count)))
        }
        return line
    }

    /// The report year in a title: `2021年`, `二〇二一年度`.
    static func year(in compact: String) -> Int? {
        let chars = Array(compact)
        guard chars.count >= 5 else { return nil }
        for i in 0...(chars.count - 5) where chars[i + 4] == "年" {
            let window = chars[i..<(i + 4)]
            if window.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(String(window)), (2000...2099).contains(y) {
                return y
            }
            let digits = window.compactMap(ChineseNumeral.yearDigit)
            if digits.count == 4, digits[0] == 2 {
                let y = digits.reduce(0) { $0 * 10 + $1 }
                if (2000...2099).contains(y) { return y }
            }
        }
        return nil
    }

    /// The organ is what the title says before the year or the report wording.
    static func organ(inTitle compact: String) -> String? {
        var end = compact.endIndex
        for stop in ["政府信息公开", "信息公开", "年度报告"] {
            if let r = compact.range(of: stop), r.lowerBound < end { end = r.lowerBound }
        }
        var head = String(compact[..<end])
        // The year may stand before the organ (「2019年上海市人民政府办公厅…」) or after it.
        if let y = year(in: compact) {
            for form in [String(y), ChineseNumeral.year(y)] {
                for suffix in ["年度", "年", ""] {
                    head = head.replacingOccurrences(of: form + suffix, with: "")
                }
            }
        }
        while let last = head.last, "年度".contains(last) || last.isNumber { head.removeLast() }
        return head.count >= 2 ? head : nil
    }

    static let organSuffixes = ["街道办事处", "人民政府", "街道", "办公室", "委员会", "管理局", "局", "镇", "乡"]

    /// When the title names no organ (003), the most repeated `…街道`-like name in the body.
    static func organ(inBody compact: String) -> String? {
        var counts: [String: Int] = [:]
        let chars = Array(compact.unicodeScalars)
        let excluded = Set("我本该各全的和及在对由于".unicodeScalars)
        for suffix in organSuffixes {
            let s = Array(suffix.unicodeScalars)
            guard chars.count >= s.count else { continue }
            for i in 0...(chars.count - s.count) where chars[i] == s[0] && chars[i..<(i + s.count)].elementsEqual(s) {
                for prefixLength in 2...6 where i - prefixLength >= 0 {
                    let prefix = chars[(i - prefixLength)..<i]
                    guard prefix.allSatisfy(isHan), !prefix.contains(where: excluded.contains) else { break }
                    var name = String.UnicodeScalarView(prefix)
                    name.append(contentsOf: s)
                    counts[String(name), default: 0] += 1
                }
            }
        }
        return counts.filter { $0.value >= 2 }.max { a, b in
            a.value != b.value ? a.value < b.value : a.key.unicodeScalars.count < b.key.unicodeScalars.count
        }?.key
    }

    static func isHan(_ c: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(c.value)
    }

    /// The year of the statistics period, 「2021年1月1日至12月31日」: a 1 January that a
    /// 31 December closely follows, so that 「自2022年1月1日起施行」 does not count.
    /// Read on UTF-8 bytes: every report goes through here.
    static func statisticsYear(_ compact: String) -> Int? {
        let bytes = Array(compact.utf8)
        let january = Array("年1月1日".utf8)
        let december = Array("12月31日".utf8)
        var i = 4
        while i + january.count <= bytes.count {
            if bytes[i] == january[0], bytes[i..<(i + january.count)].elementsEqual(january),
               let y = year(bytes, endingAt: i), (2000...2099).contains(y) {
                // 16 characters after the date, at most three bytes each.
                let window = bytes[(i + january.count)..<min(bytes.count, i + january.count + 48)]
                if window.firstRange(of: december) != nil { return y }
            }
            i += 1
        }
        return nil
    }

    /// The most frequent `20xx年` in section 一.
    static func dominantYear(_ compact: String) -> Int? {
        var counts: [Int: Int] = [:]
        let bytes = Array(compact.utf8)
        let nian = Array("年".utf8)
        var i = 4
        while i + nian.count <= bytes.count {
            if bytes[i] == nian[0], bytes[i + 1] == nian[1], bytes[i + 2] == nian[2],
               bytes[i - 4] == UInt8(ascii: "2"), bytes[i - 3] == UInt8(ascii: "0"),
               let y = year(bytes, endingAt: i), i == 4 || !isDigit(bytes[i - 5]) {
                counts[y, default: 0] += 1
            }
            i += 1
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key
    }

    /// The four ASCII digits just before `end`.
    private static func year(_ bytes: [UInt8], endingAt end: Int) -> Int? {
        guard end >= 4 else { return nil }
        var y = 0
        for b in bytes[(end - 4)..<end] {
            guard isDigit(b) else { return nil }
            y = y * 10 + Int(b - UInt8(ascii: "0"))
        }
        return y
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
