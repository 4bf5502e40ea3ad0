import OgiwatchCore
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchWatch

/// The journal entries that announce one recorded version: one per finding plus the verdict,
/// or a single "duplicate" entry. Built from the ledger row, so entries sent again after a
/// crash or a journald outage say the same; `resent` adds `OGIWATCH_RESENT=1` to each, since
/// some of them may already be in the journal and a consumer must be able to tell.
struct VersionEntries {
    let messageID: (String) -> String

    func entries(for version: RecordedVersion, original: RecordedVersion?, resent: Bool) -> [JournalEntry] {
        let entries = build(version, original: original)
        guard resent else { return entries }
        return entries.map { entry in
            var entry = entry
            entry.message += "（补发）"
            entry.fields.append(.init("OGIWATCH_RESENT", "1"))
            return entry
        }
    }

    private func build(_ version: RecordedVersion, original: RecordedVersion?) -> [JournalEntry] {
        let file = FileIdentity(path: version.facts.path, sha256: version.facts.sha256, organ: version.organ, year: version.year)
        let name = PathBytes.display(version.facts.path)
        if version.status == .duplicate {
            let first = original.map { PathBytes.display($0.facts.path) } ?? "?"
            var fields: [JournalEntry.Field] = []
            if let original { fields.append(.init("OGIWATCH_DUPLICATE_OF", original.facts.path)) }
            return [.event(.duplicate, priority: 5, message: "\(name)：与 \(first) 内容相同，不重复检查", file: file, fields: fields)]
        }
        var entries = version.findings.map { JournalEntry.finding($0, messageID: messageID($0.rule), file: file) }
        let counts = Severity.allCases.reversed().map { severity in version.findings.filter { $0.severity == severity }.count }
        let verdict = version.status == .unreadable ? "无法读取" : version.findings.isEmpty ? "未发现问题" : "发现问题"
        var fields = [JournalEntry.Field("OGIWATCH_ERRORS", String(counts[0])), .init("OGIWATCH_WARNINGS", String(counts[1])),
                      .init("OGIWATCH_INFOS", String(counts[2])), .init("OGIWATCH_VERDICT", verdict),
                      .init("OGIWATCH_RULESET", version.ruleSetVersion)]
        if let template = version.template { fields.append(.init("OGIWATCH_TEMPLATE", template)) }
        entries.append(.event(.checked, priority: version.findings.isEmpty ? 6 : 5,
                              message: "\(name)：检查完成，\(verdict)（错误 \(counts[0])，警告 \(counts[1])，提示 \(counts[2])）",
                              file: file, fields: fields))
        return entries
    }
}
