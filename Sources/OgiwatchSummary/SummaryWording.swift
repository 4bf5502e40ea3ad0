import Foundation
import OgiwatchCore
import OgiwatchEvents
import OgiwatchLedger

/// Phrases both parts use, so the plain text and the HTML say the same thing in the same words.
extension DailySummary {
    /// Report lines in the lead, over all folders: about one screen. The rest are counted
    /// there and listed in the details.
    static let leadLines = 16
    static let problemsShown = 3
    /// Reports and findings per report in the details; the rest is counted.
    static let detailReports = 100
    static let detailFindings = 10
    static let filesShown = 20

    var generated: String { MailDate.local(generatedAt, timeZone: day.timeZone) }

    var ruleSetLine: String { ruleSetVersions.isEmpty ? "（当日无记录）" : ruleSetVersions.map(DisplayText.escaped).joined(separator: "、") }

    /// 「2026-11-20（Asia/Shanghai）· 主机 host1」
    var dateLine: String { "\(day.name)（\(day.timeZone.identifier)）· 主机 \(DisplayText.escaped(host))" }

    /// The folders' blocks in order, each with its worst lines. The lead's budget is shared
    /// round by round, one line per folder a round, so every folder with something to act
    /// on shows its worst reports.
    var leadBlocks: [(tally: FolderTally, shown: ArraySlice<ReportLine>)] {
        let acting = folders.filter { !$0.needingAction.isEmpty }
        var shown = Array(repeating: 0, count: acting.count)
        var budget = Self.leadLines
        while budget > 0, let next = acting.indices.filter({ shown[$0] < acting[$0].needingAction.count })
            .min(by: { shown[$0] < shown[$1] }) {
            shown[next] += 1
            budget -= 1
        }
        return acting.indices.map { (acting[$0], acting[$0].needingAction.prefix(shown[$0])) }
    }

    var needsActionTitle: String {
        let count = folders.reduce(0) { $0 + $1.needingAction.count }
        return count == 0 ? "需要处理：无" : "需要处理（\(count) 份）"
    }

    /// 「甲县：收到 12 份，5 份有错误，1 份无法读取，2 份仅有警告」
    func describe(_ tally: FolderTally) -> String {
        var parts = ["收到 \(tally.received) 份"]
        if tally.withErrors > 0 { parts.append("\(tally.withErrors) 份有错误") }
        if tally.unreadable > 0 { parts.append("\(tally.unreadable) 份无法读取") }
        if tally.warningsOnly > 0 { parts.append("\(tally.warningsOnly) 份仅有警告") }
        return "\(tally.folder)：" + parts.joined(separator: "，")
    }

    /// Folders with nothing to act on, on one line.
    var quietFolders: String? {
        let quiet = folders.filter { $0.needingAction.isEmpty }
        guard !quiet.isEmpty else { return nil }
        return "无错误：" + quiet.map { "\($0.folder) \($0.received) 份" + ($0.warningsOnly > 0 ? "（\($0.warningsOnly) 份仅有警告）" : "") }
            .joined(separator: "、")
    }

    func hiddenLines(_ block: (tally: FolderTally, shown: ArraySlice<ReportLine>)) -> String? {
        let hidden = block.tally.needingAction.count - block.shown.count
        return hidden > 0 ? "另有 \(hidden) 份，见详情" : nil
    }

    /// The counts cell of a report's line, with its previous version's when there was one.
    func counts(_ line: ReportLine) -> String {
        guard line.status != .unreadable else { return "无法读取" }
        let now = line.counts.errors > 0 || line.counts.warnings > 0 ? errorsAndWarnings(line.counts) : "无错误"
        return now + (line.previous.map { "（\(Self.previousPhrase($0.counts))）" } ?? "")
    }

    private func errorsAndWarnings(_ counts: FindingCounts) -> String {
        let parts = [("错误", counts.errors), ("警告", counts.warnings)].filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "无错误" : parts.joined(separator: " · ")
    }

    /// The distinct problems in words, or an unreadable file's reason. A rule's title names
    /// what it checks (「六个部分齐全」), so the list says these checks failed.
    func problems(_ line: ReportLine) -> String {
        if line.status == .unreadable { return line.findings.first.map(message) ?? "无法读取" }
        let shown = line.problems.prefix(Self.problemsShown).map(DisplayText.escaped)
        let more = line.problems.count - shown.count
        return "未通过：" + shown.joined(separator: "；") + (more > 0 ? "；等 \(line.problems.count) 项" : "")
    }

    /// 「改正 4 个问题 · 新出现 30 个 · 仍未改正 2 个（重新提交 3 份）」
    var changesLine: String {
        "与上一版相比：改正 \(changes.fixed) 个问题 · 新出现 \(changes.new) 个 · 仍未改正 \(changes.stillOpen) 个"
            + (changes.resubmitted > 0 ? "（重新提交 \(changes.resubmitted) 份）" : "")
    }

    /// 「甲县/2025年报.docx：上一版 3 个错误，本版 0 个」
    var fixedLines: [String] {
        changes.nowWithoutErrors.compactMap { line in
            line.previous.map { "\(line.place.folder)/\(line.place.file)：" + $0.comparison(with: line.counts) }
        }
    }

    /// 「上一版 3 个错误」, with its warnings when it had some: a report's counts cell quotes
    /// its previous version this short; the fixed reports use the journal's own comparison.
    static func previousPhrase(_ counts: FindingCounts) -> String {
        "上一版 \(counts.errors) 个错误" + (counts.warnings > 0 ? "、\(counts.warnings) 个警告" : "")
    }

    /// 「错误 3 · 警告 1」; severities with no finding are left out.
    static func phrase(_ counts: FindingCounts) -> String {
        let parts = [("错误", counts.errors), ("警告", counts.warnings), ("提示", counts.infos)].filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "无问题" : parts.joined(separator: " · ")
    }

    /// The week's rows: label, then one figure per day.
    var weekRows: [(label: String, values: [Int])] {
        [("收到", week.days.map(\.figures.received)), ("有错误", week.days.map(\.figures.withErrors)),
         ("无问题", week.days.map(\.figures.clean))]
    }

    /// 「错误 表三勾稽关系（表三·总计）：…」, the message left out when it would show internals.
    func describe(_ finding: Finding) -> String {
        var text = "\(finding.severity.chinese) " + DisplayText.escaped(ruleTitles[finding.rule] ?? finding.rule)
        let place = finding.location.display
        if !place.isEmpty { text += "（\(DisplayText.escaped(place))）" }
        return text + "：" + message(finding)
    }

    func message(_ finding: Finding) -> String {
        InternalText.leaks(finding.message) ? "说明文字略（请用 ogiwatch check 查看该文件）" : DisplayText.escaped(finding.message)
    }

    /// 「乙县/2025年报.docx — 某县人民政府办公室 · 2025 年度：错误 3 · 警告 1」, the organ left
    /// out when the lead already names the file for want of one.
    func detailHeading(_ line: ReportLine) -> String {
        let organ = line.organ.map { " — " + DisplayText.escaped($0) } ?? ""
        let year = line.year.map { " · \($0) 年度" } ?? ""
        return "\(line.place.folder)/\(line.place.file)\(organ)\(year)：\(Self.phrase(line.counts))"
    }

    func describe(_ file: PendingFile) -> String {
        let place = DropPlace(path: file.path, roots: dropRoots)
        return "\(place.folder)/\(place.file)：首次发现 \(MailDate.local(file.firstSeen, timeZone: day.timeZone))，"
            + "已尝试 \(file.attempts) 次：\(DisplayText.escaped(file.reason))"
    }

    /// One command for everything of the day, in the summary's time zone whatever the reader's is.
    var journalPointer: String {
        func stamp(_ date: Date) -> String { "\"" + MailDate.local(date, timeZone: day.timeZone).prefix(19) + " \(day.timeZone.identifier)\"" }
        return "journalctl -t ogiwatch -p warning --since \(stamp(day.start)) --until \(stamp(day.end))"
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
