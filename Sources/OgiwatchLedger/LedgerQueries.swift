import Foundation
import GRDB
import OgiwatchCore
import OgiwatchEvents

/// Reads for the daemon's dedup decisions and for `ogiwatch summary`.
extension Ledger {
    /// True when this exact content under this path was checked with this rule set.
    public func contains(path: [UInt8], sha256: String, ruleSetVersion: String) throws(LedgerError) -> Bool {
        try guarded {
            try pool.read { db in
                try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM version WHERE path = ? AND sha256 = ? AND ruleset = ?)"), arguments: [Data(path), sha256, ruleSetVersion]) ?? false
            }
        }
    }

    /// True when the newest version recorded for `path` under this rule set has the same size,
    /// mtime, ctime and inode: the file is unchanged and need not be read again.
    public func isUnchanged(path: [UInt8], size: Int64, mtimeNanoseconds: Int64, ctimeNanoseconds: Int64, inode: UInt64,
                            ruleSetVersion: String) throws(LedgerError) -> Bool {
        try guarded {
            try pool.read { db in
                guard let row = try GRDB.Row.fetchOne(db.cachedStatement(sql: """
                    SELECT size, mtime_ns, ctime_ns, inode FROM version WHERE path = ? AND ruleset = ? ORDER BY id DESC LIMIT 1
                    """), arguments: [Data(path), ruleSetVersion]) else { return false }
                let storedInode: Int64 = row["inode"]
                return row["size"] == size && row["mtime_ns"] == mtimeNanoseconds && row["ctime_ns"] == ctimeNanoseconds
                    && UInt64(bitPattern: storedInode) == inode
            }
        }
    }

    /// The versions (none itself a duplicate) with this content under other paths, oldest
    /// first. Several when the same bytes came under names of different formats, which read
    /// them differently; the caller picks the one of its format.
    public func originals(sha256: String, ruleSetVersion: String, excluding path: [UInt8]) throws(LedgerError) -> [RecordedVersion] {
        try fetch(where: "sha256 = ? AND ruleset = ? AND status != 'duplicate' AND path != ? ORDER BY id",
                  [sha256, ruleSetVersion, Data(path)])
    }

    /// Versions checked in `[from, to)`, oldest first, with their findings.
    public func versions(checkedFrom from: Date, to: Date) throws(LedgerError) -> [RecordedVersion] {
        try fetch(where: "checked_at >= ? AND checked_at < ? ORDER BY checked_at, id",
                  [from.timeIntervalSince1970, to.timeIntervalSince1970])
    }

    public func version(id: Int64) throws(LedgerError) -> RecordedVersion? {
        try fetch(where: "id = ?", [id]).first
    }

    /// Every version recorded for `path`, oldest first.
    public func versions(path: [UInt8]) throws(LedgerError) -> [RecordedVersion] {
        try fetch(where: "path = ? ORDER BY id", [Data(path)])
    }

    /// Every version of the reports of an organ, oldest first: its name as detected in the
    /// reports, or a part of it (「某某区」 finds 「某某区人民政府办公室」).
    public func versions(organ: String) throws(LedgerError) -> [RecordedVersion] {
        let escaped = organ.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return try fetch(where: "organ LIKE ? ESCAPE '\\' ORDER BY id", ["%" + escaped + "%"])
    }

    /// The newest earlier version of the same file with other content, for a version just recorded.
    public func previousVersion(of version: RecordedVersion) throws(LedgerError) -> PreviousVersion? {
        try guarded {
            try pool.read { db in try Self.previous(db, path: Data(version.facts.path), id: version.id, sha256: version.facts.sha256) }
        }
    }

    /// The version recorded last, for `ogiwatch status`.
    public func latestVersion() throws(LedgerError) -> RecordedVersion? {
        try fetch(where: "1 ORDER BY id DESC LIMIT 1", []).first
    }

    /// The oldest `limit` versions whose journal entries have not all gone out: the process
    /// died in between, or journald did not take them.
    public func unannounced(limit: Int) throws(LedgerError) -> [RecordedVersion] {
        try fetch(where: "journaled != \(Announcement.done.rawValue) ORDER BY id LIMIT ?", [limit])
    }

    /// Files that looked cut short and are still waiting.
    public func pending() throws(LedgerError) -> [PendingFile] {
        try guarded {
            try pool.read { db in
                try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM pending ORDER BY first_seen")).map { row in
                    PendingFile(path: [UInt8](row["path"] as Data), sha256: row["sha256"],
                                firstSeen: Date(timeIntervalSince1970: row["first_seen"]), attempts: row["attempts"],
                                reason: row["reason"])
                }
            }
        }
    }

    /// Versions that could not be read, checked in `[from, to)`.
    public func unreadable(checkedFrom from: Date, to: Date) throws(LedgerError) -> [RecordedVersion] {
        try versions(checkedFrom: from, to: to).filter { $0.status == .unreadable }
    }

    public func health(from: Date, to: Date) throws(LedgerError) -> [HealthRecord] {
        try guarded {
            try pool.read { db in
                try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM health WHERE at >= ? AND at < ? ORDER BY at, id"),
                                 arguments: [from.timeIntervalSince1970, to.timeIntervalSince1970]).compactMap { row in
                    // Kinds are written from `ServiceEvent` only; a row of an unknown kind is from a newer release.
                    ServiceEvent(rawValue: row["kind"]).map { HealthRecord(at: Date(timeIntervalSince1970: row["at"]), kind: $0, detail: row["detail"]) }
                }
            }
        }
    }

    private func fetch(where clause: String, _ arguments: StatementArguments) throws(LedgerError) -> [RecordedVersion] {
        try guarded {
            try pool.read { db in
                let rows = try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM version WHERE " + clause), arguments: arguments)
                return try rows.map { row in
                    let id: Int64 = row["id"]
                    let findings = try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM finding WHERE version_id = ? ORDER BY id"),
                                                    arguments: [id]).map(Self.finding)
                    let inode: Int64 = row["inode"]
                    let facts = FileFacts(path: [UInt8](row["path"] as Data), size: row["size"], mtimeNanoseconds: row["mtime_ns"],
                                          ctimeNanoseconds: row["ctime_ns"], inode: UInt64(bitPattern: inode), sha256: row["sha256"])
                    return RecordedVersion(id: id, facts: facts, template: row["template"], organ: row["organ"], year: row["year"],
                                           checkedAt: Date(timeIntervalSince1970: row["checked_at"]), ruleSetVersion: row["ruleset"],
                                           status: VersionStatus(rawValue: row["status"]) ?? .checked, duplicateOf: row["duplicate_of"],
                                           findings: findings,
                                           announcement: Announcement(rawValue: row["journaled"]) ?? .underway,
                                           previous: try Self.previous(db, path: row["path"], id: id, sha256: facts.sha256))
                }
            }
        }
    }

    /// The newest earlier version of `path` with other content; a duplicate counts with its
    /// original's findings. The one definition of "previous version" the journal's verdict,
    /// `ogiwatch history` and the summary share.
    private static func previous(_ db: Database, path: Data, id: Int64, sha256: String) throws -> PreviousVersion? {
        guard let row = try GRDB.Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, checked_at, status, COALESCE(duplicate_of, id) AS counted FROM version
            WHERE path = ? AND id < ? AND sha256 != ? ORDER BY id DESC LIMIT 1
            """), arguments: [path, id, sha256]) else { return nil }
        var counts = FindingCounts()
        var rules: Set<String> = []
        for tally in try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT severity, rule, COUNT(*) AS n FROM finding WHERE version_id = ? GROUP BY severity, rule"),
                                           arguments: [row["counted"] as Int64]) {
            guard let severity = Severity(rawValue: tally["severity"]) else { continue }
            counts.add(severity, count: tally["n"])
            if severity != .info { rules.insert(tally["rule"]) }
        }
        return PreviousVersion(id: row["id"], checkedAt: Date(timeIntervalSince1970: row["checked_at"]),
                               status: VersionStatus(rawValue: row["status"]) ?? .checked, counts: counts, rules: rules)
    }

    private static func finding(_ row: GRDB.Row) -> Finding {
        Finding(rule: row["rule"], severity: Severity(rawValue: row["severity"]) ?? .error, message: row["message"],
                location: Location(section: row["section"], table: row["table_name"], row: row["row_name"],
                                   column: row["column_name"], line: row["line"]),
                expected: row["expected"], actual: row["actual"])
    }
}
