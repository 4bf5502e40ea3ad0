import Foundation
import OgiwatchCore
import OgiwatchEvents
import OgiwatchLedger

/// Everything the daily mail says, computed once from the ledger so the text and HTML parts
/// show the same figures. Built from ledger records only, never from the journal, which
/// may have dropped entries under its rate limit.
public struct DailySummary: Sendable {
    public var day: SummaryDay
    public var host: String
    public var generatedAt: Date
    /// The newest version of each file recorded in the day: a report fixed and dropped
    /// again the same day is listed as it now is.
    public var figures: DayFigures
    public var folders: [FolderTally]
    /// Every report of the day with errors or warnings, worst first, for the details.
    public var reports: [ReportLine]
    public var changes: VersionChanges
    public var week: WeekTrend
    /// Files still waiting for a complete copy now, whenever they were first seen.
    public var pending: [PendingFile]
    public var health: [HealthRecord]
    public var ruleSetVersions: [String]
    /// Rule titles by id, the words the details use for each finding.
    var ruleTitles: [String: String]
    var dropRoots: [[UInt8]]

    /// `weekVersions` cover the seven days ending with `day`, each with its previous version
    /// as the ledger read it; `dropRoots` are the watched folders, which the mail names
    /// files relative to.
    public init(day: SummaryDay, weekVersions: [RecordedVersion], pending: [PendingFile], health: [HealthRecord],
                ruleTitles: [String: String], dropRoots: [[UInt8]], host: String, generatedAt: Date) {
        self.day = day
        self.host = host
        self.generatedAt = generatedAt
        let today = DayFigures.newestPerPath(weekVersions.filter { $0.checkedAt >= day.start && $0.checkedAt < day.end })
        figures = DayFigures(today)
        self.ruleTitles = ruleTitles
        self.dropRoots = dropRoots
        let lines = today.map { ReportLine($0, roots: dropRoots, titles: ruleTitles) }
        folders = FolderTally.tallies(lines)
        reports = lines.filter { $0.status == .checked && !$0.findings.isEmpty }.sorted(by: ReportLine.worstFirst)
        changes = VersionChanges(lines)
        week = WeekTrend(ending: day, versions: weekVersions)
        self.pending = pending
        self.health = health
        ruleSetVersions = Array(Set(today.map(\.ruleSetVersion))).sorted()
    }

    /// Reads the week up to `day`, the pending files and the day's health events from `ledger`.
    public static func load(from ledger: Ledger, day: SummaryDay, ruleTitles: [String: String], dropRoots: [[UInt8]],
                            host: String, now: Date = Date()) throws(LedgerError) -> DailySummary {
        var weekStart = day
        for _ in 1..<WeekTrend.length { weekStart = weekStart.previous }
        return DailySummary(day: day, weekVersions: try ledger.versions(checkedFrom: weekStart.start, to: day.end),
                            pending: try ledger.pending(), health: try ledger.health(from: day.start, to: day.end),
                            ruleTitles: ruleTitles, dropRoots: dropRoots, host: host, generatedAt: now)
    }

    /// False on a quiet day: the `only-on-findings` policy then writes no mail at all.
    public var needsAttention: Bool {
        !reports.isEmpty || figures.unreadable > 0 || !pending.isEmpty || health.contains { $0.kind.isTrouble }
    }

    /// Host, date and counts only: a subject never carries a file name.
    public func subject(prefix: String) -> String {
        var parts = ["收到 \(figures.received) 份"]
        if figures.withErrors > 0 { parts.append("\(figures.withErrors) 份有错误") }
        if figures.withWarningsOnly > 0 { parts.append("\(figures.withWarningsOnly) 份有警告") }
        if figures.unreadable > 0 { parts.append("\(figures.unreadable) 份无法读取") }
        if figures.received > 0, figures.clean == figures.checked, figures.unreadable == 0 { parts.append("全部无问题") }
        let counts = figures.received == 0 ? "未收到报告" : parts.joined(separator: "，")
        let head = [prefix, host, day.name].filter { !$0.isEmpty }.joined(separator: " ")
        return DisplayText.escaped(head) + "：" + counts
    }
}
