import Foundation

/// Checks on the prose: required and forbidden wording, numbers the prose states.
extension Evaluator {
    /// The whitespace-free text a scope covers, or nil when its section is missing.
    func scopeText(_ scope: TextScope, ignoring ignore: [String] = []) -> (String, Location)? {
        var text: String
        var location = Location()
        switch scope {
        case .title:
            text = Normalize.compact(report.title ?? "")
            location.line = report.titleLine
        case .section(let number):
            guard let body = sectionText[number] else { return nil }
            text = body
            location.section = ChineseNumeral.string(number)
            location.line = report.section(number)?.line
        case .document:
            text = documentText
        }
        for literal in ignore {
            text = text.replacingOccurrences(of: literal, with: "")
        }
        return (text, location)
    }

    func text(_ check: TextCheck) -> [Hit] {
        let title = report.title ?? "（无标题）"
        guard let (text, location) = scopeText(check.scope, ignoring: check.ignore) else {
            guard check.ifMissing == .fire, case .section(let number) = check.scope else { return [] }
            let numeral = ChineseNumeral.string(number)
            return [Hit(["excerpt": "（缺少第\(numeral)部分）", "section": numeral, "title": title], location: Location(section: numeral))]
        }
        if let unless = check.unlessAny, unless.contains(where: { $0.firstMatch(in: text) != nil }) {
            return []
        }
        var hits: [Hit] = []
        let excerpt = text.isEmpty ? "（空）" : String(text.prefix(40)) + (text.count > 40 ? "…" : "")
        var vars = ["excerpt": excerpt, "title": title]
        if let section = location.section { vars["section"] = section }
        if let any = check.requireAny, !any.contains(where: { $0.firstMatch(in: text) != nil }) {
            hits.append(Hit(vars, location: location))
        }
        if let all = check.requireAll {
            let missing = all.filter { $0.pattern.firstMatch(in: text) == nil }
            if !missing.isEmpty {
                var vars = vars
                vars["missing"] = missing.map { $0.what ?? $0.pattern.source }.joined(separator: "、")
                hits.append(Hit(vars, location: location))
            }
        }
        var seen = Set<String>()
        for pattern in check.forbidAny ?? [] {
            for match in pattern.matches(in: text) where seen.insert(match[0]).inserted {
                var vars = vars
                vars["match"] = match[0]
                var place = location
                place.line = line(of: match[0]) ?? location.line
                hits.append(Hit(vars, location: place))
            }
        }
        return hits
    }

    /// Numbers stated in the prose that must equal table cells (README, "Rules").
    func narrativeNumber(_ scope: TextScope, _ claims: [Claim]) -> [Hit] {
        guard let (text, location) = scopeText(scope) else { return [] }
        var hits: [Hit] = []
        for claim in claims {
            var seen = Set<String>()
            for match in claim.pattern.matches(in: text) {
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

    /// The possible values of a sum of cells; a `*` column gives one value per column that
    /// holds a number. Nil when a cell it names is not in the report or is not a number.
    func evaluate(_ sum: CellSum) -> Set<Decimal>? {
        var totals: Set<Decimal> = [0]
        for term in sum.terms {
            guard let table = report.tables[term.table] else { return nil }
            let values: [Decimal]
            switch term.row {
            case .key(let key):
                guard let row = table.row(key) else { return nil }
                values = term.column.map { row.operand($0).map { [$0] } ?? [] } ?? row.columns.compactMap { row.operand($0.key) }
            case .tag(let tag):
                // Load refuses a tag with `*`; every tagged row must be read and hold a number.
                guard let column = term.column, table.hasEveryRow(tagged: tag) else { return nil }
                var total: Decimal = 0
                for row in table.rows where row.spec.hasTag(tag) {
                    guard let value = row.operand(column) else { return nil }
                    total += value
                }
                values = [total]
            }
            guard !values.isEmpty else { return nil }
            totals = Set(totals.flatMap { t in values.map { t + $0 } })
        }
        return totals
    }
}
