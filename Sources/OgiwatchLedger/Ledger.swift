import Foundation
import GRDB
import OgiwatchCore
import OgiwatchEvents

/// The daemon's memory of what it has checked, in SQLite (WAL) in the state directory.
///
/// Every version is written in one transaction together with its findings, so a kill -9
/// leaves either the whole version or nothing; the start-up scan re-finds anything missing,
/// and the unique (path, sha256, rule set) key makes a replay a no-op.
public struct Ledger: Sendable {
    let pool: DatabasePool
    public let path: String

    /// Opens (creating and migrating when needed) `ledger.sqlite` in `directory`.
    public init(directory: String, readOnly: Bool = false) throws(LedgerError) {
        try self.init(path: (directory as NSString).appendingPathComponent("ledger.sqlite"), readOnly: readOnly)
    }

    /// SQLite would open a FIFO put in the ledger's place and wait on it for ever, hanging the
    /// service or `ogiwatch status`; anything but a regular file is refused first.
    public init(path: String, readOnly: Bool = false) throws(LedgerError) {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw .cannotOpen(path: path, reason: "不是普通文件（FIFO、设备或目录）")
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(10)
        // A write-ahead log checkpointed every 32 pages (128 KiB) instead of 1,000 (4 MiB):
        // on a nearly full state directory the log, not the ledger, would take the space.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 32")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if !readOnly { try LedgerSchema.migrator.migrate(pool) }
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
    }

    /// Stores a version and its findings, clearing any pending row for its path. Returns the
    /// new id, or nil when this (path, sha256, rule set) was already recorded.
    @discardableResult
    public func record(_ version: RecordedVersion) throws(LedgerError) -> Int64? {
        try write { db -> Int64? in
            let facts = version.facts
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO version (path, size, mtime_ns, ctime_ns, inode, sha256, template, organ, year,
                    checked_at, ruleset, status, duplicate_of, journaled)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [Data(facts.path), facts.size, facts.mtimeNanoseconds, facts.ctimeNanoseconds,
                                 Int64(bitPattern: facts.inode), facts.sha256, version.template, version.organ,
                                 version.year, version.checkedAt.timeIntervalSince1970, version.ruleSetVersion,
                                 version.status.rawValue, version.duplicateOf, version.announcement.rawValue])
            guard db.changesCount > 0 else { return nil }
            let id = db.lastInsertedRowID
            for finding in version.findings {
                let location = finding.location
                try db.cachedStatement(sql: """
                    INSERT INTO finding (version_id, rule, severity, message, section, table_name, row_name,
                        column_name, line, expected, actual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [id, finding.rule, finding.severity.rawValue, finding.message, location.section,
                                     location.table, location.row, location.column, location.line,
                                     finding.expected, finding.actual])
            }
            try db.cachedStatement(sql: "DELETE FROM pending WHERE path = ?").execute(arguments: [Data(facts.path)])
            return id
        }
    }

    /// Notes that these versions' journal entries went out, in one transaction.
    public func markAnnounced(_ ids: [Int64]) throws(LedgerError) {
        try write { db in
            let statement = try db.cachedStatement(sql: "UPDATE version SET journaled = \(Announcement.done.rawValue) WHERE id = ?")
            for id in ids { try statement.execute(arguments: [id]) }
        }
    }

    /// Remembers a file that looked cut short, so a summary can list it while it waits.
    public func setPending(path: [UInt8], sha256: String, attempts: Int, reason: String, at date: Date = Date()) throws(LedgerError) {
        try write { db in
            try db.cachedStatement(sql: """
                INSERT INTO pending (path, sha256, first_seen, attempts, reason) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, attempts = excluded.attempts,
                    reason = excluded.reason
                """).execute(arguments: [Data(path), sha256, date.timeIntervalSince1970, attempts, reason])
        }
    }

    public func clearPending(path: [UInt8]) throws(LedgerError) {
        try write { try $0.cachedStatement(sql: "DELETE FROM pending WHERE path = ?").execute(arguments: [Data(path)]) }
    }

    public func recordHealth(kind: ServiceEvent, detail: String, at date: Date = Date()) throws(LedgerError) {
        try write { db in
            try db.cachedStatement(sql: "INSERT INTO health (at, kind, detail) VALUES (?, ?, ?)").execute(
                           arguments: [date.timeIntervalSince1970, kind.rawValue, detail])
        }
    }

    /// Remembers a file that is not a report, so it is noted once and not at every start.
    /// Returns false when it was noted before.
    @discardableResult
    public func note(path: [UInt8], reason: String, at date: Date = Date()) throws(LedgerError) -> Bool {
        try write { db in
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO noted (path, at, reason) VALUES (?, ?, ?)").execute(
                arguments: [Data(path), date.timeIntervalSince1970, reason])
            return db.changesCount > 0
        }
    }

    /// The note taken of a file that is not a report, for `ogiwatch history` of that file.
    public func noted(path: [UInt8]) throws(LedgerError) -> NotedFile? {
        try guarded {
            try pool.read { db in
                try GRDB.Row.fetchOne(db.cachedStatement(sql: "SELECT at, reason FROM noted WHERE path = ?"), arguments: [Data(path)]).map { row in
                    NotedFile(path: path, at: Date(timeIntervalSince1970: row["at"]), reason: row["reason"])
                }
            }
        }
    }

    public func isNoted(path: [UInt8]) throws(LedgerError) -> Bool {
        try guarded {
            try pool.read { db in
                try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM noted WHERE path = ?)"), arguments: [Data(path)]) ?? false
            }
        }
    }

    /// A write transaction. When the disk is full, the write-ahead log is checkpointed and
    /// cut back to nothing, which frees the space it held, and the write is tried once more:
    /// a small state directory keeps working as long as the ledger itself fits.
    func write<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            return try guarded { try pool.write(body) }
        } catch {
            throw .database(String(describing: error))
        }
    }

    func guarded<T>(_ body: () throws -> T) throws(LedgerError) -> T {
        do {
            return try body()
        } catch {
            throw .database(String(describing: error))
        }
    }
}
