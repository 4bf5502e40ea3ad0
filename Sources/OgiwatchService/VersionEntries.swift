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
            return [.event(.duplicate, priority: .notice, message: "\(name)：与 \(first) 内容相同，不重复检查", file: file, fields: fields)]
        }
        var entries = version.findings.map { JournalEntry.finding($0, messageID: messageID($0.rule), file: file) }
        let counts = version.counts
        let verdict = version.verdict
        var fields = [JournalEntry.Field("OGIWATCH_ERRORS", String(counts.errors)), .init("OGIWATCH_WARNINGS", String(counts.warnings)),
                      .init("OGIWATCH_INFOS", String(counts.infos)), .init("OGIWATCH_VERDICT", verdict),
                      .init("OGIWATCH_RULESET", version.ruleSetVersion)]
        if let template = version.template { fields.append(.init("OGIWATCH_TEMPLATE", template)) }
        var message = "\(name)：检查完成，\(verdict)（\(counts.chinese)）"
        if let previous = version.previous {
            message += "；\(previous.comparison(with: counts))"
            fields += [.init("OGIWATCH_PREVIOUS_ERRORS", String(previous.counts.errors)),
                       .init("OGIWATCH_PREVIOUS_WARNINGS", String(previous.counts.warnings)),
                       .init("OGIWATCH_PREVIOUS_INFOS", String(previous.counts.infos))]
        }
        entries.append(.event(.checked, priority: version.findings.isEmpty ? .info : .notice, message: message, file: file, fields: fields))
        return entries
    }
}
