import Foundation

/// Checks on the prose: required and forbidden wording, numbers the prose states.
extension Evaluator {
    /// The whitespace-free text a check reads, or nil when its section is missing.
    func scopeText(_ check: CheckSpec) -> (String, Location)? {
        var text: String
        var location = Location()
        switch check.scope {
        case "title":
            text = Normalize.compact(report.title ?? "")
            location.line = report.titleLine
        case "section":
            guard let number = check.section, let body = sectionText[number] else { return nil }
            text = body
            location.section = Self.numeral(number)
            location.line = report.section(number)?.line
        default:
            text = documentText
        }
        for literal in check.ignore ?? [] {
            text = text.replacingOccurrences(of: Normalize.compact(literal), with: "")
        }
        return (text, location)
    }

    func text(_ check: CheckSpec) -> [Hit] {
        guard let (text, location) = scopeText(check) else {
            guard check.ifMissing == "fire", let number = check.section else { return [] }
            let numeral = Self.numeral(number)
            return [Hit(["excerpt": "（缺少第\(numeral)部分）", "section": numeral], location: Location(section: numeral))]
        }
        let resolve = { (p: String) in RuleValidator.resolve(p, ruleSet.patterns) }
        if let unless = check.unlessAny, unless.contains(where: { ruleSet.cache.firstMatch(resolve($0), in: text) != nil }) {
            return []
        }
        var hits: [Hit] = []
        let excerpt = text.isEmpty ? "（空）" : String(text.prefix(40)) + (text.count > 40 ? "…" : "")
        var vars = ["excerpt": excerpt, "section": location.section ?? "", "title": report.title ?? ""]
        if let any = check.requireAny, !any.contains(where: { ruleSet.cache.firstMatch(resolve($0), in: text) != nil }) {
            hits.append(Hit(vars, location: location))
        }
        if let all = check.requireAll {
            let missing = all.filter { ruleSet.cache.firstMatch(resolve($0), in: text) == nil }
            if !missing.isEmpty {
                vars["missing"] = missing.map { $0.replacingOccurrences(of: "|", with: "或") }.joined(separator: "、")
                hits.append(Hit(vars, location: location))
            }
        }
        var seen = Set<String>()
        for pattern in check.forbidAny ?? [] {
            for match in ruleSet.cache.matches(resolve(pattern), in: text) where seen.insert(match[0]).inserted {
                vars["match"] = match[0]
                var place = location
                place.line = line(of: match[0]) ?? location.line
                hits.append(Hit(vars, location: place))
            }
        }
        return hits
    }

    /// Numbers stated in the prose that must equal table cells (domain §4.5).
    func narrativeNumber(_ check: CheckSpec) -> [Hit] {
        guard let (text, location) = scopeText(check) else { return [] }
        var hits: [Hit] = []
        for claim in check.claims ?? [] {
            var seen = Set<String>()
            for match in ruleSet.cache.matches(claim.pattern, in: text) {
                guard let number = match.dropFirst().last(where: { !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
                      let said = Decimal(string: number), seen.insert(number).inserted else { continue }
                let alternatives = claim.compare.compactMap(evaluate)
                guard let first = alternatives.first, !alternatives.contains(where: { $0.contains(said) }) else { continue }
                let tableValue = first.map(CellValue.format).sorted().joined(separator: "/")
                var place = location
                place.line = line(of: match[0]) ?? location.line
                hits.append(Hit(["what": claim.what, "said": number, "table_value": tableValue, "excerpt": match[0]],
                                location: place, expected: tableValue, actual: number))
            }
        }
        return hits
    }

    /// The possible values of a sum such as `T3.new.total + T3.carry_in.total`; a `*` column
    /// gives one value per column that holds a number. Nil when a cell it names is not in the
    /// report or is not a number.
    func evaluate(_ expression: String) -> Set<Decimal>? {
        guard case .success(let sum) = CellSum.parse(expression) else { return nil }
        var totals: Set<Decimal> = [0]
        for term in sum.terms {
            guard let row = report.tables[term.table]?.row(term.row) else { return nil }
            let values: [Decimal] = term.column == "*" ? row.columns.compactMap { row.operand($0.key) }
                : row.operand(term.column).map { [$0] } ?? []
            guard !values.isEmpty else { return nil }
            totals = Set(totals.flatMap { t in values.map { t + $0 } })
        }
        return totals
    }
}
