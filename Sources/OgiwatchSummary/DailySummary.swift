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
    public var figures: DayFigures
    /// The day before, recomputed from the ledger now (late catch-up records included), so
    /// the comparison does not depend on which earlier mails were written or sent.
    public var previousFigures: DayFigures
    /// Every report with errors or warnings, worst first; the parts cut this list short.
    public var attention: [AttentionReport]
    public var rules: [RuleCount]
    public var previousRules: Set<String>
    /// Versions that could not be read in the day, with the reader's rule and reason.
    public var unreadable: [(path: [UInt8], rule: String, reason: String)]
    /// Files still waiting for a complete copy now, whenever they were first seen.
    public var pending: [PendingFile]
    public var health: [HealthRecord]
    public var ruleSetVersions: [String]

    public init(day: SummaryDay, versions: [RecordedVersion], previousVersions: [RecordedVersion], pending: [PendingFile],
                health: [HealthRecord], ruleTitles: [String: String], host: String, generatedAt: Date) {
        self.day = day
        self.host = host
        self.generatedAt = generatedAt
        figures = DayFigures(versions)
        previousFigures = DayFigures(previousVersions)
        attention = versions.compactMap(AttentionReport.init).sorted(by: AttentionReport.worstFirst)
        rules = RuleCount.counts(versions, titles: ruleTitles)
        previousRules = Set(previousVersions.filter { $0.status != .duplicate }.flatMap { $0.findings.map(\.rule) })
        unreadable = versions.filter { $0.status == .unreadable }.map { version in
            (version.facts.path, version.findings.first?.rule ?? "DOC.UNREADABLE", version.findings.first?.message ?? "无法读取")
        }
        self.pending = pending
        self.health = health
        ruleSetVersions = Array(Set(versions.map(\.ruleSetVersion))).sorted()
    }

    /// Reads the day, the day before, the pending files and the health events from `ledger`.
    public static func load(from ledger: Ledger, day: SummaryDay, ruleTitles: [String: String], host: String,
                            now: Date = Date()) throws(LedgerError) -> DailySummary {
        let previous = day.previous
        return DailySummary(day: day, versions: try ledger.versions(checkedFrom: day.start, to: day.end),
                            previousVersions: try ledger.versions(checkedFrom: previous.start, to: previous.end),
                            pending: try ledger.pending(), health: try ledger.health(from: day.start, to: day.end),
                            ruleTitles: ruleTitles, host: host, generatedAt: now)
    }

    /// False on a quiet day: the `only-on-findings` policy then writes no mail at all.
    public var needsAttention: Bool {
        !attention.isEmpty || !unreadable.isEmpty || !pending.isEmpty || health.contains { $0.kind.isTrouble }
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
