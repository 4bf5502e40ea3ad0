import GRDB

/// The ledger's tables. Paths are BLOBs (names are bytes); one row per checked version is
/// unique on (path, sha256, rule set), which is what makes a replay after a crash harmless.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE version (
                    id INTEGER PRIMARY KEY,
                    path BLOB NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    ctime_ns INTEGER NOT NULL,
                    inode INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    template TEXT,
                    organ TEXT,
                    year INTEGER,
                    checked_at REAL NOT NULL,
                    ruleset TEXT NOT NULL,
                    status TEXT NOT NULL,
                    duplicate_of INTEGER REFERENCES version(id),
                    journaled INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (path, sha256, ruleset)
                );
                CREATE INDEX version_original ON version(sha256, ruleset, id) WHERE status != 'duplicate';
                CREATE INDEX version_checked_at ON version(checked_at);
                CREATE INDEX version_unjournaled ON version(journaled) WHERE journaled = 0;
                CREATE TABLE finding (
                    id INTEGER PRIMARY KEY,
                    version_id INTEGER NOT NULL REFERENCES version(id) ON DELETE CASCADE,
                    rule TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    message TEXT NOT NULL,
                    section TEXT,
                    table_name TEXT,
                    row_name TEXT,
                    column_name TEXT,
                    line INTEGER,
                    expected TEXT,
                    actual TEXT
                );
                CREATE INDEX finding_version ON finding(version_id);
                CREATE TABLE pending (
                    path BLOB PRIMARY KEY,
                    sha256 TEXT NOT NULL,
                    first_seen REAL NOT NULL,
                    attempts INTEGER NOT NULL,
                    reason TEXT NOT NULL
                );
                CREATE TABLE health (
                    id INTEGER PRIMARY KEY,
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX health_at ON health(at);
                """)
        }
        // `journaled` becomes an `Announcement`: 0 underway, 1 done, 2 held.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                DROP INDEX version_unjournaled;
                CREATE INDEX version_unannounced ON version(id) WHERE journaled != 1;
                """)
        }
        // Files in drop folders that are not reports, noted once each.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: "CREATE TABLE noted (path BLOB PRIMARY KEY, at REAL NOT NULL, reason TEXT NOT NULL)")
        }
        return migrator
    }
}
