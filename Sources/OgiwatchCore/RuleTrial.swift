/// One rule tried on one report, as `ogiwatch rules try` shows it: what the rule looked at,
/// what it found, and why it fired or stayed silent (fail2ban-regex for rules).
public struct RuleTrial: Sendable {
    public init(rule: String, report: String, steps: [String], findings: [Finding]) {
        self.rule = rule
        self.report = report
        self.steps = steps
        self.findings = findings
    }

    var rule: String
    /// What was learnt about the report (format, year, organ).
    var report: String
    /// One entry per check, or one saying why the rule does not apply.
    var steps: [String]
    var findings: [Finding]
}

extension RuleSet {
    /// Evaluates one rule on a report already read, whether enabled or not, saying why it
    /// fires or not.
    public func trial(_ rule: RuleSpec, on document: Document) -> RuleTrial {
        let report = builder.build(document)
        let evaluator = Evaluator(ruleSet: self, report: report)
        let about = "\(report.template?.name ?? "格式未识别")，年度 \(report.year.map(String.init) ?? "未知")，机关 \(report.organ ?? "未知")"
        var steps: [String] = []
        if !rule.isEnabled { steps.append("规则已关闭（enabled: false）；试运行仍照常检查") }
        if let templates = rule.templates, !templates.contains(report.template?.id ?? "") {
            steps.append("未触发：规则只适用于 \(templates.joined(separator: "、")) 格式，本报告为\(report.template?.name ?? "未识别的格式")")
            return RuleTrial(rule: rule.id, report: about, steps: steps, findings: [])
        }
        if let when = rule.when, let failed = evaluator.failedCondition(when) {
            steps.append("未触发：规则的适用条件不成立（\(failed)）")
            return RuleTrial(rule: rule.id, report: about, steps: steps, findings: [])
        }
        let findings = evaluator.findings(rule)
        for (i, check) in rule.checks.enumerated() {
            let place = [origins[rule.id], check.line.map { "第 \($0) 行" }].compactMap { $0 }.joined(separator: " ")
            var step = "检查 \(i + 1)（\(check.kind.rawValue)\(place.isEmpty ? "" : "，" + place)）："
            if let when = check.when, let failed = evaluator.failedCondition(when) {
                steps.append(step + "未检查：此检查的条件不成立（\(failed)）")
                continue
            }
            let hits = evaluator.hits(check.test)
            step += evaluator.lookedAt(check.test)
            step += hits.isEmpty ? "\n    未触发：" + evaluator.whySilent(check.test) : "\n    触发 \(hits.count) 处"
            steps.append(step)
        }
        return RuleTrial(rule: rule.id, report: about, steps: steps, findings: findings)
    }
}

extension RuleTrial {
    /// The trial as `rules try` prints it.
    public var text: String {
        var out = "规则 \(rule)：\(report)\n"
        for step in steps { out += "  " + step + "\n" }
        out += findings.isEmpty ? "  结果：未触发\n" : "  结果：触发 \(findings.count) 条\n"
        for finding in findings {
            let place = finding.location.display
            out += "    \(finding.severity.chinese)  \(finding.message)" + (place.isEmpty ? "" : "  [\(place)]") + "\n"
        }
        return out
    }
}
