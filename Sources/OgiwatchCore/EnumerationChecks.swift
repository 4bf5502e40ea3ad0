import Foundation

/// NARR.ENUM_SUM: in 「共N条，其中a条、b条…」 and 「a条，b条…，共N条」 the parts must add up
/// (domain §4.5). Unrelated counts often follow in the same sentence, so the enumeration
/// passes when some run of parts next to the total adds up to it.
extension Evaluator {
    struct Count {
        var value: Int
        var approximate: Bool
        var range: Range<String.Index>
        var precededByTotalWord: Bool
        var followedByDetail: Bool
    }

    func enumerationSum(_ check: CheckSpec) -> [Hit] {
        let units = check.units ?? []
        let approximate = (after: check.approximate ?? [], before: check.approximateBefore ?? [])
        guard !units.isEmpty else { return [] }
        var hits: [Hit] = []
        for paragraph in compactParagraphs {
            let text = paragraph.text
            for sentence in text.split(separator: "。") {
                hits += enumerationHits(String(sentence), units: units, approximate: approximate, line: paragraph.line)
            }
        }
        return hits
    }

    private func enumerationHits(_ sentence: String, units: [String], approximate: (after: [String], before: [String]), line: Int) -> [Hit] {
        let counts = Self.counts(in: sentence, units: units, approximate: approximate)
        guard counts.count >= 3 else { return [] }
        var hits: [Hit] = []
        var coveredUntil = sentence.startIndex
        for (i, total) in counts.enumerated() where !total.approximate && total.range.lowerBound >= coveredUntil {
            if total.followedByDetail {
                let parts = counts[(i + 1)...].filter { !$0.approximate }.map(\.value)
                guard parts.count >= 2 else { continue }
                coveredUntil = sentence.endIndex
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

    private func hit(_ total: Count, _ parts: [Int], _ sentence: String, _ line: Int) -> Hit {
        Hit(["total": String(total.value), "parts": parts.map(String.init).joined(separator: "+"),
             "sum": String(parts.reduce(0, +)), "excerpt": String(sentence.prefix(80))],
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
    static func counts(in sentence: String, units: [String], approximate: (after: [String], before: [String])) -> [Count] {
        var result: [Count] = []
        var index = sentence.startIndex
        while index < sentence.endIndex {
            guard sentence[index].isASCII, sentence[index].isNumber else {
                index = sentence.index(after: index)
                continue
            }
            let start = index
            while index < sentence.endIndex, sentence[index].isASCII, sentence[index].isNumber { index = sentence.index(after: index) }
            let digits = sentence[start..<index]
            if start > sentence.startIndex, ".".contains(sentence[sentence.index(before: start)]) { continue }
            var cursor = index
            var approx = false
            for word in approximate.after where sentence[cursor...].hasPrefix(word) {
                approx = true
                cursor = sentence.index(cursor, offsetBy: word.count)
            }
            guard let unit = units.first(where: { sentence[cursor...].hasPrefix($0) }), let value = Int(digits) else { continue }
            let end = sentence.index(cursor, offsetBy: unit.count)
            let before = sentence[..<start].suffix(3)
            if approximate.before.contains(where: { before.hasSuffix($0) }) { approx = true }
            let after = sentence[end...].drop(while: { $0 == "," || $0 == ":" })
            result.append(Count(value: value, approximate: approx, range: start..<end,
                                precededByTotalWord: ["共", "共计", "合计", "总计", "累计"].contains(where: { before.hasSuffix($0) }),
                                followedByDetail: after.hasPrefix("其中")))
            index = end
        }
        return result
    }
}
