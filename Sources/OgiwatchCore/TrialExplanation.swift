/// What `rules try` says a check looked at and why it stayed silent, in words a rule author
/// can act on.
extension Evaluator {
    /// What the check read: the text of its scope, the table and its rows, or the outline.
    func lookedAt(_ test: CheckTest) -> String {
        switch test {
        case .text(let check):
            return scopeDescription(check.scope, ignoring: check.ignore)
        case .narrativeNumber(let scope, let claims):
            return scopeDescription(scope, ignoring: []) + claimNotes(scope, claims).map { "\n    " + $0 }.joined()
        case .rowsPresent(let table, _), .blankCells(let table, _), .valueDomain(let table, _):
            return tableDescription(table)
        case .equation(let check):
            return tableDescription(check.table) + equationNote(check)
        case .labels(let tables), .tableFound(let tables, _):
            return tables.map(tableDescription).joined(separator: "；")
        case .sectionsPresent, .sectionOrder, .sectionTitle, .headingFormat, .extraSection, .sectionEmpty:
            return "读到的部分：" + (report.sections.isEmpty ? "无" : report.sections.map { "\(ChineseNumeral.string($0.number))（第 \($0.line) 行）" }.joined(separator: "、"))
        case .metadata, .templateDetected, .templateYear, .yearConsistent:
            return "标题「\(report.title ?? "（无标题）")」"
        case .artifacts, .enumerationSum:
            return "全文，去空白后 \(documentText.count) 字"
        case .reader:
            return "由读取文件的环节报告，不检查报告内容"
        }
    }

    private func scopeDescription(_ scope: TextScope, ignoring ignore: [String]) -> String {
        guard let (text, location) = scopeText(scope, ignoring: ignore) else {
            if case .section(let n) = scope { return "缺少第\(ChineseNumeral.string(n))部分" }
            return "（无）"
        }
        let excerpt = String(text.prefix(60)) + (text.count > 60 ? "…" : "")
        let place: String = switch scope {
        case .title: "标题"
        case .document: "全文"
        case .section(let n): "第\(ChineseNumeral.string(n))部分" + (location.line.map { "（第 \($0) 行起）" } ?? "")
        }
        return "\(place)，去空白后 \(text.count) 字：「\(excerpt)」"
    }

    /// Each claim: what the prose said and what the table holds.
    private func claimNotes(_ scope: TextScope, _ claims: [Claim]) -> [String] {
        guard let (text, _) = scopeText(scope) else { return [] }
        return claims.map { claim in
            let said = claim.pattern.matches(in: text).compactMap { $0.dropFirst().last { !$0.isEmpty && $0.allSatisfy(\.isNumber) } }
            guard !said.isEmpty else { return "「\(claim.what)」：正文未提到" }
            let values = claim.compare.compactMap(evaluate).flatMap { $0 }.map(CellValue.format)
            let table = values.isEmpty ? "所需单元格无法读取，不比较" : "表中为 " + Array(Set(values)).sorted().joined(separator: "/")
            return "「\(claim.what)」：正文称 \(Array(Set(said)).sorted().joined(separator: "、"))，\(table)"
        }
    }

    /// How many rows or columns an equation could evaluate, and how many it had to skip.
    private func equationNote(_ check: EquationCheck) -> String {
        guard let table = report.tables[check.table] else { return "" }
        let unit = check.axis == .row ? "行" : "列"
        var evaluated = 0, skipped = 0
        switch check.axis {
        case .row:
            for row in table.rows where check.only?.contains(row.spec.key) ?? true {
                if sum(check.left, in: row) != nil && sum(check.right, in: row) != nil { evaluated += 1 } else { skipped += 1 }
            }
        case .column:
            for column in (table.spec.columns ?? []) where check.only?.contains(column.key) ?? true {
                if sum(check.left, in: table, column: column.key) != nil && sum(check.right, in: table, column: column.key) != nil {
                    evaluated += 1
                } else {
                    skipped += 1
                }
            }
        }
        return "，逐\(unit)核算（\(check.op.rawValue)）\(evaluated) \(unit)" + (skipped > 0 ? "，\(skipped) \(unit)所需单元格缺少、空白或不是数字，不核算" : "")
    }

    private func tableDescription(_ table: StatTable) -> String {
        guard let read = report.tables[table] else { return "表\(table.numeral)：未找到" }
        let problems = read.problems.isEmpty ? "" : "（\(read.problems.joined(separator: "；"))）"
        return "表\(table.numeral)\(read.line.map { "（第 \($0) 行起）" } ?? "")：读到 \(read.rows.count) 行\(problems)"
    }

    /// Why a check found nothing, as far as its kind can say.
    func whySilent(_ test: CheckTest) -> String {
        switch test {
        case .text(let check):
            guard let (text, _) = scopeText(check.scope, ignoring: check.ignore) else { return "所查部分不存在（if_missing: skip）" }
            var reasons: [String] = []
            if let unless = check.unlessAny?.first(where: { $0.firstMatch(in: text) != nil }), let m = unless.firstMatch(in: text) {
                return "找到 unless_any「\(unless.name.map { "$" + $0 } ?? unless.source)」：「\(m[0])」，不检查"
            }
            if let any = check.requireAny, let p = any.first(where: { $0.firstMatch(in: text) != nil }), let m = p.firstMatch(in: text) {
                reasons.append("require_any 找到「\(m[0])」")
            }
            if check.requireAll != nil { reasons.append("require_all 各项都找到") }
            if check.forbidAny != nil { reasons.append("forbid_any 一项也未找到") }
            return reasons.joined(separator: "；")
        case .narrativeNumber:
            return "正文所称的数都与表中一致，或正文未提到，或表中单元格无法读取"
        case .equation(let check):
            return "核算的各\(check.axis == .row ? "行" : "列")都成立（有空白或非数字单元格的不核算）"
        case .blankCells: return "没有空白单元格"
        case .valueDomain: return "各单元格数值都有效"
        case .rowsPresent: return "所需的行都在"
        case .labels: return "行标签都与模板一致"
        case .tableFound: return "各表都找到并读出"
        case .sectionsPresent: return "六个部分都在"
        case .sectionOrder: return "各部分顺序正确"
        case .sectionTitle: return "各部分标题都是规定标题"
        case .headingFormat: return "部分标题写法规范"
        case .extraSection: return "没有格式以外的部分"
        case .sectionEmpty: return "所查部分都有内容"
        case .metadata: return "标题写明了所需各项"
        case .templateDetected: return "识别为\(report.template?.name ?? "")"
        case .templateYear: return "没有另一格式的表头"
        case .yearConsistent: return "各处年度一致或无从比较"
        case .artifacts: return "没有编辑残留"
        case .enumerationSum: return "列举之和都与总数相符"
        case .reader: return "文件已读取"
        }
    }
}
