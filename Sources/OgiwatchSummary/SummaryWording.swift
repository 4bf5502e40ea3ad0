import Foundation
import OgiwatchCore
import OgiwatchEvents
import OgiwatchLedger

/// Phrases both parts use, so the plain text and the HTML say the same thing in the same words.
extension DailySummary {
    /// How many entries each list shows; the rest is counted and pointed to.
    static let reportsShown = 30
    static let rulesShown = 40
    static let filesShown = 20

    var zoneName: String { day.timeZone.identifier }

    var period: String {
        "\(day.name)（\(zoneName)，\(MailDate.local(day.start, timeZone: day.timeZone)) 至 \(MailDate.local(day.end, timeZone: day.timeZone))）"
    }

    var generated: String { MailDate.local(generatedAt, timeZone: day.timeZone) }

    var ruleSetLine: String { ruleSetVersions.isEmpty ? "（当日无记录）" : ruleSetVersions.map(DisplayText.escaped).joined(separator: "、") }

    /// `--since … --until …` for the day, in the summary's time zone whatever the reader's is.
    var journalRange: String {
        func stamp(_ date: Date) -> String {
            "\"" + MailDate.local(date, timeZone: day.timeZone).prefix(19) + " \(zoneName)\""
        }
        return "--since \(stamp(day.start)) --until \(stamp(day.end))"
    }

    func journalCommand(rule: String) -> String {
        "journalctl -t ogiwatch OGIWATCH_RULE=\(DisplayText.escaped(rule)) \(journalRange)"
    }

    /// Multiple matches on one field are ORed by journalctl.
    var journalUnreadable: String {
        let matches = Set(unreadable.map(\.rule)).sorted().map { "OGIWATCH_RULE=" + DisplayText.escaped($0) }
        return "journalctl -t ogiwatch \(matches.joined(separator: " ")) \(journalRange)"
    }

    var journalAllFindings: String { "journalctl -t ogiwatch -p warning \(journalRange)" }

    func heading(_ report: AttentionReport) -> String {
        let organ = report.organ.map(DisplayText.escaped) ?? "（未识别机关）"
        let year = report.year.map { "\($0) 年度" } ?? "（未识别年度）"
        return "\(organ) · \(year)"
    }

    /// 「错误 T3.BALANCE 表三合计平衡（表三·总计）：…」
    func describe(_ finding: Finding) -> String {
        var text = "\(finding.severity.chinese) \(DisplayText.escaped(finding.rule))"
        if let title = rules.first(where: { $0.rule == finding.rule })?.title { text += " " + DisplayText.escaped(title) }
        let place = finding.location.display
        if !place.isEmpty { text += "（\(DisplayText.escaped(place))）" }
        return text + "：" + DisplayText.escaped(finding.message)
    }

    func describe(_ rule: RuleCount) -> String {
        "\(rule.severity.chinese)，\(rule.findings) 处，涉及 \(rule.reports) 份报告"
    }

    func remainder(_ hidden: Int, of noun: String) -> String {
        "另有 \(hidden) \(noun)未列出。"
    }

    /// Today against the day before, one figure at a time; "持平" rather than "+0".
    var changes: [String] {
        let pairs: [(String, Int, Int)] = [
            ("收到", figures.received, previousFigures.received),
            ("有错误", figures.withErrors, previousFigures.withErrors),
            ("仅有警告", figures.withWarningsOnly, previousFigures.withWarningsOnly),
            ("无法读取", figures.unreadable, previousFigures.unreadable),
        ]
        var lines = pairs.map { label, today, before in
            let delta = today - before
            let change = delta == 0 ? "持平" : delta > 0 ? "增加 \(delta)" : "减少 \(-delta)"
            return "\(label)：\(today) 份（前一日 \(before) 份，\(change)）"
        }
        let today = Set(rules.map(\.rule))
        let appeared = today.subtracting(previousRules).sorted().map(DisplayText.escaped)
        let vanished = previousRules.subtracting(today).sorted().map(DisplayText.escaped)
        if !appeared.isEmpty { lines.append("新出现的规则：" + appeared.joined(separator: "、")) }
        if !vanished.isEmpty { lines.append("不再出现的规则：" + vanished.joined(separator: "、")) }
        return lines
    }

    func describe(_ file: PendingFile) -> String {
        "首次发现 \(MailDate.local(file.firstSeen, timeZone: day.timeZone))，已尝试 \(file.attempts) 次：\(DisplayText.escaped(file.reason))"
    }

    /// Health events grouped by kind: how many, and the latest detail.
    var healthLines: [String] {
        var order: [ServiceEvent] = []
        var latest: [ServiceEvent: (count: Int, detail: String)] = [:]
        for record in health {
            if latest[record.kind] == nil { order.append(record.kind) }
            latest[record.kind] = ((latest[record.kind]?.count ?? 0) + 1, record.detail)
        }
        return order.map { kind in
            let entry = latest[kind] ?? (0, "")
            let label = Self.healthLabels[kind] ?? kind.rawValue
            return "\(label) \(entry.count) 次（最近一次：\(DisplayText.escaped(entry.detail))）"
        }
    }

    static let healthLabels: [ServiceEvent: String] = [
        .rescan: "重新扫描", .rootLost: "监视目录丢失", .rootRecovered: "监视目录恢复", .watchLimit: "inotify 达到上限",
        .watchFailed: "无法监视", .configReloaded: "重新加载配置", .configRejected: "新配置被拒绝",
    ]
}
