/// NARR.ENUM_SUM: a stated total and the counts listed with it must agree (README, "How a
/// report is read").
///
/// A total is 共/共计/合计, a few words, then `N<unit>`. Its parts are the counts after 其中
/// when 其中 follows it (in its sentence, perhaps in brackets, or opening the next), else the
/// counts before it in its clause (its sentence, from the last semicolon). Only a total with two or more parts is checked; a single 其中 part is a
/// subset, not a breakdown. Counts inside a 其中 list are parts, never totals of their own
/// (「工作动态共计14条」 within a list).
extension Evaluator {
    struct Count {
        var value: Int
        /// Scalar offsets of the digits and of the end of the unit.
        var start: Int
        var end: Int
    }

    struct Total {
        var count: Count
        /// Where its word (共, 共计, 合计) starts.
        var wordStart: Int
    }

    /// Words and units as scalar arrays: sentences are scanned scalar by scalar.
    struct Vocabulary {
        var units: [[Unicode.Scalar]]
        var approximateBefore: [[Unicode.Scalar]]
        /// Longest first, so 共计 is not read as 共.
        static let totalWords = ["共计", "合计", "共"].map { Array($0.unicodeScalars) }
        /// 共 in these words says nothing about a sum (公共服务, 共同推进).
        static let notTotal = ["公共", "共同", "共享", "共建", "共识"].map { Array($0.unicodeScalars) }
        static let detail = Array("其中".unicodeScalars)
        /// At most this many scalars between the total word and its number.
        static let maxGap = 20
        static let gapStops = Set(",。;、:".unicodeScalars)
    }

    func enumerationSum(_ check: EnumerationSumCheck) -> [Hit] {
        let words = Vocabulary(units: check.units, approximateBefore: check.approximateBefore)
        guard !words.units.isEmpty else { return [] }
        var hits: [Hit] = []
        for paragraph in compactParagraphs {
            let sentences = Array(paragraph.text.unicodeScalars).split(separator: "。", omittingEmptySubsequences: false).map(Array.init)
            var skipNext = false
            for (i, sentence) in sentences.enumerated() {
                if skipNext {
                    skipNext = false
                    continue
                }
                let next = i + 1 < sentences.count ? sentences[i + 1] : nil
                let (found, usedNext) = enumerationHits(sentence, next: next, words: words)
                skipNext = usedNext
                let numeral = paragraph.section.map(ChineseNumeral.string)
                hits += found.map { hit in
                    var hit = hit
                    hit.location = Location(section: numeral, line: paragraph.line)
                    return hit
                }
            }
        }
        return hits
    }

    /// The checked totals of one sentence that do not add up, and whether the next sentence
    /// (opening with 其中) was read as the parts of one of them.
    private func enumerationHits(_ sentence: [Unicode.Scalar], next: [Unicode.Scalar]?, words: Vocabulary) -> ([Hit], Bool) {
        let counts = Self.counts(in: sentence, units: words.units)
        let totals = Self.totals(in: sentence, counts: counts, words: words)
        var hits: [Hit] = []
        var listStart: Int?
        var usedNext = false
        for total in totals {
            if let listStart, total.wordStart >= listStart { break }
            var after = total.count.end
            while after < sentence.count, ",:(".unicodeScalars.contains(sentence[after]) { after += 1 }
            let parts: [Int]
            if Self.has(Vocabulary.detail, in: sentence, at: after) {
                listStart = after
                parts = counts.filter { $0.start >= after }.map(\.value)
            } else if after == sentence.count, let next, Self.has(Vocabulary.detail, in: next, at: 0) {
                usedNext = true
                parts = Self.counts(in: next, units: words.units).map(\.value)
            } else {
                // A closing total sums its own clause: 「…16条；公开…等信息共62条」 counts what
                // follows the semicolon only.
                let clause = sentence[..<total.wordStart].lastIndex(of: ";").map { $0 + 1 } ?? 0
                parts = counts.filter { $0.start >= clause && $0.end <= total.wordStart }.map(\.value)
            }
            guard parts.count >= 2, parts.reduce(0, +) != total.count.value else { continue }
            let excerpt = String(String.UnicodeScalarView(sentence.prefix(80))) + (sentence.count > 80 ? "…" : "")
            hits.append(Hit(["total": String(total.count.value), "parts": parts.map(String.init).joined(separator: "+"),
                             "sum": String(parts.reduce(0, +)), "excerpt": excerpt],
                            expected: String(total.count.value), actual: String(parts.reduce(0, +))))
        }
        return (hits, usedNext)
    }

    static func has(_ word: [Unicode.Scalar], in s: [Unicode.Scalar], at i: Int) -> Bool {
        i >= 0 && i + word.count <= s.count && s[i..<(i + word.count)].elementsEqual(word)
    }

    /// Every `N<unit>`: digits directly followed by a unit (「700余条」 is not a count).
    static func counts(in s: [Unicode.Scalar], units: [[Unicode.Scalar]]) -> [Count] {
        func isDigit(_ i: Int) -> Bool { i < s.count && (0x30...0x39).contains(s[i].value) }
        var result: [Count] = []
        var index = 0
        while index < s.count {
            guard isDigit(index) else {
                index += 1
                continue
            }
            let start = index
            var value = 0
            while isDigit(index) {
                value = value &* 10 &+ Int(s[index].value - 0x30)
                index += 1
            }
            if start > 0, s[start - 1] == "." { continue }
            guard let unit = units.first(where: { has($0, in: s, at: index) }) else { continue }
            result.append(Count(value: value, start: start, end: index + unit.count))
            index += unit.count
        }
        return result
    }

    /// Counts introduced by a total word within a short gap free of digits and clause
    /// punctuation (「共受理政府信息公开申请661件」); an approximate one (约, 近) is no total.
    static func totals(in s: [Unicode.Scalar], counts: [Count], words: Vocabulary) -> [Total] {
        counts.compactMap { count in
            var gapStart = count.start
            while gapStart > 0, count.start - gapStart < Vocabulary.maxGap + 3 {
                let i = gapStart - 1
                if Vocabulary.gapStops.contains(s[i]) || (0x30...0x39).contains(s[i].value) { break }
                gapStart = i
            }
            for i in gapStart..<count.start {
                guard let word = Vocabulary.totalWords.first(where: { has($0, in: s, at: i) }),
                      count.start - (i + word.count) <= Vocabulary.maxGap else { continue }
                if Vocabulary.notTotal.contains(where: { w in (0..<w.count).contains { has(w, in: s, at: i - $0) } }) { continue }
                if words.approximateBefore.contains(where: { has($0, in: s, at: count.start - $0.count) }) { return nil }
                return Total(count: count, wordStart: i)
            }
            return nil
        }
    }
}
