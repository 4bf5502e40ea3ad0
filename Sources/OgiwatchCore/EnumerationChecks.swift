/// NARR.ENUM_SUM: in 「共N条，其中a条、b条…」 and 「a条，b条…，共N条」 the parts must add up
/// (domain §4.5). Unrelated counts often follow in the same sentence, so the enumeration
/// passes when some run of parts next to the total adds up to it.
extension Evaluator {
    struct Count {
        var value: Int
        var approximate: Bool
        var start: Int
        var precededByTotalWord: Bool
        var followedByDetail: Bool
    }

    /// Words and units as scalar arrays: sentences are scanned scalar by scalar.
    struct Vocabulary {
        var units: [[Unicode.Scalar]]
        var approximateAfter: [[Unicode.Scalar]]
        var approximateBefore: [[Unicode.Scalar]]
        static let totalWords = ["共", "共计", "合计", "总计", "累计"].map { Array($0.unicodeScalars) }
        static let detail = Array("其中".unicodeScalars)
    }

    func enumerationSum(_ check: CheckSpec) -> [Hit] {
        let words = Vocabulary(units: (check.units ?? []).map { Array($0.unicodeScalars) },
                               approximateAfter: (check.approximate ?? []).map { Array($0.unicodeScalars) },
                               approximateBefore: (check.approximateBefore ?? []).map { Array($0.unicodeScalars) })
        guard !words.units.isEmpty else { return [] }
        var hits: [Hit] = []
        for paragraph in compactParagraphs {
            let scalars = Array(paragraph.text.unicodeScalars)
            for sentence in scalars.split(separator: "。") {
                hits += enumerationHits(Array(sentence), words: words, line: paragraph.line)
            }
        }
        return hits
    }

    private func enumerationHits(_ sentence: [Unicode.Scalar], words: Vocabulary, line: Int) -> [Hit] {
        let counts = Self.counts(in: sentence, words: words)
        guard counts.count >= 3 else { return [] }
        var hits: [Hit] = []
        var coveredUntil = 0
        for (i, total) in counts.enumerated() where !total.approximate && total.start >= coveredUntil {
            if total.followedByDetail {
                let parts = counts[(i + 1)...].filter { !$0.approximate }.map(\.value)
                guard parts.count >= 2 else { continue }
                coveredUntil = sentence.count
                if !Self.someRun(parts, sumsTo: total.value, fromStart: true) {
                    hits.append(hit(total, parts, sentence, line))
                }
            } else if total.precededByTotalWord {
                let parts = counts[..<i].filter { !$0.approximate }.map(\.value)
                guard parts.count >= 2 else { continue }
                if !Self.someRun(parts, sumsTo: total.value, fromStart: false) {
                    hits.append(hit(total, parts, sentence, line))
                }
            }
        }
        return hits
    }

    private func hit(_ total: Count, _ parts: [Int], _ sentence: [Unicode.Scalar], _ line: Int) -> Hit {
        Hit(["total": String(total.value), "parts": parts.map(String.init).joined(separator: "+"),
             "sum": String(parts.reduce(0, +)), "excerpt": String(String.UnicodeScalarView(sentence.prefix(80)))],
            location: Location(line: line), expected: String(total.value), actual: String(parts.reduce(0, +)))
    }

    /// Prefix sums (parts after the total) or suffix sums (parts before it).
    static func someRun(_ parts: [Int], sumsTo total: Int, fromStart: Bool) -> Bool {
        var sum = 0
        for part in fromStart ? parts : parts.reversed() {
            sum += part
            if sum == total { return true }
        }
        return false
    }

    /// Every `N<unit>` in a sentence, with what surrounds it.
    static func counts(in s: [Unicode.Scalar], words: Vocabulary) -> [Count] {
        func isDigit(_ i: Int) -> Bool { i < s.count && (0x30...0x39).contains(s[i].value) }
        func has(_ word: [Unicode.Scalar], at i: Int) -> Bool {
            i >= 0 && i + word.count <= s.count && s[i..<(i + word.count)].elementsEqual(word)
        }
        func endsWith(_ word: [Unicode.Scalar], before i: Int) -> Bool { has(word, at: i - word.count) }
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
            var cursor = index
            var approximate = false
            for word in words.approximateAfter where has(word, at: cursor) {
                approximate = true
                cursor += word.count
            }
            guard let unit = words.units.first(where: { has($0, at: cursor) }) else { continue }
            let end = cursor + unit.count
            if words.approximateBefore.contains(where: { endsWith($0, before: start) }) { approximate = true }
            var after = end
            while after < s.count, s[after] == "," || s[after] == ":" { after += 1 }
            result.append(Count(value: value, approximate: approximate, start: start,
                                precededByTotalWord: Vocabulary.totalWords.contains { endsWith($0, before: start) },
                                followedByDetail: has(Vocabulary.detail, at: after)))
            index = end
        }
        return result
    }
}
