import Foundation
import OgiwatchCore
import OgiwatchEvents

/// What the ledger knows about one file version on disk: enough to recognise it again
/// without re-reading it, and the hash that identifies its content.
public struct FileFacts: Sendable, Equatable {
    public var path: [UInt8]
    public var size: Int64
    public var mtimeNanoseconds: Int64
    public var ctimeNanoseconds: Int64
    public var inode: UInt64
    public var sha256: String

    public init(path: [UInt8], size: Int64, mtimeNanoseconds: Int64, ctimeNanoseconds: Int64, inode: UInt64, sha256: String) {
        self.path = path
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.ctimeNanoseconds = ctimeNanoseconds
        self.inode = inode
        self.sha256 = sha256
    }
}

public enum VersionStatus: String, Sendable, Equatable, CaseIterable {
    /// Read and evaluated; its findings are the rule engine's.
    case checked
    /// Could not be read (DOC.* finding), including files still cut short after every retry.
    case unreadable
    /// Same content as an earlier version under another name; no findings of its own.
    case duplicate
}

/// How far a version's journal entries got. The ledger is the outbox: a version is recorded
/// first and announced after, so a restart or a journald that comes back sends what is left.
public enum Announcement: Int, Sendable, Equatable {
    /// Being sent, or cut off while being sent: some entries may already be in the journal,
    /// so sending again is a re-send.
    case underway = 0
    case done = 1
    /// Recorded while journald was unavailable and not yet sent: the first send is no re-send.
    case held = 2
}

/// One checked file version as stored.
public struct RecordedVersion: Sendable, Equatable {
    public var id: Int64
    public var facts: FileFacts
    public var template: String?
    public var organ: String?
    public var year: Int?
    public var checkedAt: Date
    public var ruleSetVersion: String
    public var status: VersionStatus
    /// The id of the version whose content this one repeats.
    public var duplicateOf: Int64?
    public var findings: [Finding]
    public var announcement: Announcement
    /// The version of the same file before this content, as read from the ledger; nil for a
    /// file's first version and for a version not yet recorded.
    public var previous: PreviousVersion?

    public init(id: Int64 = 0, facts: FileFacts, template: String? = nil, organ: String? = nil, year: Int? = nil,
                checkedAt: Date, ruleSetVersion: String, status: VersionStatus, duplicateOf: Int64? = nil,
                findings: [Finding] = [], announcement: Announcement = .underway, previous: PreviousVersion? = nil) {
        self.id = id
        self.facts = facts
        self.template = template
        self.organ = organ
        self.year = year
        self.checkedAt = checkedAt
        self.ruleSetVersion = ruleSetVersion
        self.status = status
        self.duplicateOf = duplicateOf
        self.findings = findings
        self.announcement = announcement
        self.previous = previous
    }

    /// Findings by severity; a duplicate's are its original's (see `previous`).
    public var counts: FindingCounts { FindingCounts(findings) }
}

/// A file that looked cut short and is waiting for a retry.
public struct PendingFile: Sendable, Equatable {
    public var path: [UInt8]
    public var sha256: String
    public var firstSeen: Date
    public var attempts: Int
    public var reason: String

    public init(path: [UInt8], sha256: String, firstSeen: Date, attempts: Int, reason: String) {
        self.path = path
        self.sha256 = sha256
        self.firstSeen = firstSeen
        self.attempts = attempts
        self.reason = reason
    }
}

/// A health event kept for the daily summary (rescans, lost roots, limits, reloads).
public struct HealthRecord: Sendable, Equatable {
    public var at: Date
    public var kind: ServiceEvent
    public var detail: String

    public init(at: Date, kind: ServiceEvent, detail: String) {
        self.at = at
        self.kind = kind
        self.detail = detail
    }
}

/// A file in a drop folder that is not a report, noted once in its life.
public struct NotedFile: Sendable, Equatable {
    public var path: [UInt8]
    public var at: Date
    public var reason: String

    public init(path: [UInt8], at: Date, reason: String) {
        self.path = path
        self.at = at
        self.reason = reason
    }
}
